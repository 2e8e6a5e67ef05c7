import { MedusaError } from "@medusajs/framework/utils"

/** The one "not found" of the storefront: unknown, unsold and someone else's serials alike. */
export function storefrontSerialNotFound(text: string) {
  return new MedusaError(MedusaError.Types.NOT_FOUND, `Serial number "${String(text).trim().slice(0, 100)}" was not found`)
}
