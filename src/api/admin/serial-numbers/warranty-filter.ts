import type { AdminGetSerialNumbersParamsType } from "./validators"

type WarrantyState = NonNullable<AdminGetSerialNumbersParamsType["warranty_state"]>

/**
 * The list's filters with `warranty_state` turned into a range on `warranty_expires_at`
 * (which its partial index serves): running through the expiry instant, ended, or never set.
 */
export function withWarrantyFilter(filterable: Record<string, unknown>, now = new Date()): Record<string, unknown> {
  const { warranty_state, ...filters } = filterable
  switch (warranty_state as WarrantyState | undefined) {
    case "under_warranty":
      return { ...filters, warranty_expires_at: { $gte: now } }
    case "expired":
      return { ...filters, warranty_expires_at: { $lt: now } }
    case "none":
      return { ...filters, warranty_expires_at: null }
    default:
      return filters
  }
}
