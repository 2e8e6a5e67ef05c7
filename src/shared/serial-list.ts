/**
 * The admin serial list's sorts and count, shared by the API (validation, SQL) and the
 * admin (its sort menu, its "about N" label).
 */

/** Sorts the list offers, each served by a `(column, id)` index (Migration20261206000000). */
export const SERIAL_LIST_SORTS = [
  "serial_number",
  "created_at",
  "received_at",
  "delivered_at",
  "warranty_expires_at",
] as const

export type SerialListSortField = (typeof SERIAL_LIST_SORTS)[number]

/** The one sort on text; the others are on timestamps (their cursors hold Postgres' timestamptz text). */
export const isTextSort = (field: SerialListSortField) => field === "serial_number"

/** Sorts whose column may be empty: their empty rows come last, ascending or descending. */
export const SERIAL_LIST_NULLABLE_SORTS: readonly SerialListSortField[] = ["received_at", "delivered_at", "warranty_expires_at"]

/** The order when the client gives none: newest first. */
export const SERIAL_LIST_DEFAULT_ORDER = "-created_at"

/**
 * The order when the client gives none, for these filters. Filtered by warranty, the list
 * sorts by warranty expiry: expired units most recently expired first, covered ones
 * soonest to expire first. It is what the after-sales desk asks of that filter, and the
 * one order that reads a range of the expiry index: expired units are the oldest, so
 * newest-created first walked every unexpired serial before the first match (4.5 s at
 * 10M serials).
 */
export function defaultSerialListOrder(filters: { warranty_state?: string | null }): string {
  switch (filters.warranty_state) {
    case "expired":
      return "-warranty_expires_at"
    case "under_warranty":
      return "warranty_expires_at"
    default:
      return SERIAL_LIST_DEFAULT_ORDER
  }
}

/** Matches are counted exactly up to this many; beyond, the count is Postgres' estimate. */
export const SERIAL_LIST_COUNT_CAP = 10_000
