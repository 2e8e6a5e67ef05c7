/** One key for a (variant, location) pair: a map key that no id can forge. */
export const pairKey = (variantId: string, locationId: string) => `${variantId}\u0000${locationId}`
