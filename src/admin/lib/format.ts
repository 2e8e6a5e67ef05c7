/** Dates as the dashboard shows them: the admin's locale, no time unless asked. */
export function formatDate(value?: string | Date | null): string {
  if (!value) {
    return "—"
  }
  const date = typeof value === "string" ? new Date(value) : value
  return Number.isNaN(date.getTime()) ? "—" : date.toLocaleDateString(undefined, { dateStyle: "medium" })
}

export function formatDateTime(value?: string | Date | null): string {
  if (!value) {
    return "—"
  }
  const date = typeof value === "string" ? new Date(value) : value
  return Number.isNaN(date.getTime())
    ? "—"
    : date.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" })
}

export type WarrantyState = "none" | "under_warranty" | "expired"

/** The same reading of `warranty_expires_at` as the server's: covered through the end date. */
export function warrantyState(expiresAt?: string | null, now = new Date()): WarrantyState {
  if (!expiresAt) {
    return "none"
  }
  return new Date(expiresAt).getTime() >= now.getTime() ? "under_warranty" : "expired"
}
