/** Columns a workflow step's undo puts back on the serials it moved. */
export const SNAPSHOT_COLUMNS = [
  "status",
  "stock_location_id",
  "customer_id",
  "order_id",
  "line_item_id",
  "fulfillment_id",
  "delivered_at",
  "shipped_at",
  "warranty_starts_at",
  "warranty_expires_at",
] as const

export type SerialSnapshot = { id: string } & Record<(typeof SNAPSHOT_COLUMNS)[number], string | null>

/**
 * What a step's undo puts back, taken from rows this transaction has locked and read in
 * full (every `OrderSerialRow` the lock queries of ../repositories read), before it moves them.
 */
export function snapshotsOf(rows: Array<{ id: string } & Record<(typeof SNAPSHOT_COLUMNS)[number], unknown>>): SerialSnapshot[] {
  return rows.map((r) => {
    const out: any = { id: r.id }
    for (const c of SNAPSHOT_COLUMNS) {
      const v = r[c]
      out[c] = v instanceof Date ? v.toISOString() : v ?? null
    }
    return out as SerialSnapshot
  })
}
