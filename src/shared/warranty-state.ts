/**
 * How a serial's warranty reads at a moment, from its `warranty_expires_at`: the server's
 * storefront answers and the admin's badges use these, so a customer and a merchant see
 * the same. Coverage runs to the end of the expiry instant (the expiry moment is covered),
 * as in `maintenanceStatus`.
 */
import type { BadgeColor } from "./statuses"

const DAY_MS = 86_400_000

export type WarrantyState = "none" | "under_warranty" | "expired"

export function warrantyState(expiresAt: Date | string | null | undefined, now: Date = new Date()): WarrantyState {
  if (!expiresAt) {
    return "none"
  }
  return new Date(expiresAt).getTime() >= now.getTime() ? "under_warranty" : "expired"
}

/** Whole days until the warranty ends (0 once it has), null without a warranty. */
export function warrantyDaysLeft(expiresAt: Date | string | null | undefined, now: Date = new Date()): number | null {
  if (!expiresAt) {
    return null
  }
  return Math.max(0, Math.ceil((new Date(expiresAt).getTime() - now.getTime()) / DAY_MS))
}

export const WARRANTY_STATE_COLORS: Readonly<Record<WarrantyState, BadgeColor>> = {
  under_warranty: "green",
  expired: "red",
  none: "grey",
}
