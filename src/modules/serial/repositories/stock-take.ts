/**
 * SQL of stock-takes: the serials a location holds by the books, and the serials a count
 * names, read (preview) or locked in id order (confirm). Both use indexed columns
 * (`stock_location_id, variant_id, status`; `normalized`).
 */
import { ROW_COLUMNS } from "./order-serials"
import { run, type SqlManager } from "../lib/sql"
import type { OrderSerialRow } from "../order-types"

export type CountedSerialRow = OrderSerialRow
const COLUMNS = ROW_COLUMNS
const json = (v: unknown) => JSON.stringify(v)

export const stockTakeSql = {
  /** Serials in stock (`active` or `reserved`) at a location, of these variants when given. */
  async heldAt(manager: SqlManager, locationId: string, variantIds: string[] | null, lock: boolean): Promise<CountedSerialRow[]> {
    return await run(manager,
      `SELECT ${COLUMNS} FROM serial_number
        WHERE stock_location_id = ? AND status IN ('active', 'reserved') AND deleted_at IS NULL
          ${variantIds ? "AND variant_id IN (SELECT jsonb_array_elements_text(?::jsonb))" : ""}
        ORDER BY id ${lock ? "FOR UPDATE" : ""}`,
      variantIds ? [locationId, json(variantIds)] : [locationId]
    )
  },

  /** Every serial with one of these texts (any variant). */
  async byNormalized(manager: SqlManager, normalized: string[], lock: boolean): Promise<CountedSerialRow[]> {
    if (!normalized.length) {
      return []
    }
    return await run(manager,
      `SELECT ${COLUMNS} FROM serial_number
        WHERE normalized IN (SELECT jsonb_array_elements_text(?::jsonb)) AND deleted_at IS NULL
        ORDER BY id ${lock ? "FOR UPDATE" : ""}`,
      [json(normalized)]
    )
  },
}
