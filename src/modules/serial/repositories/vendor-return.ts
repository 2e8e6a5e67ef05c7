/**
 * SQL of vendor returns: the serials a return names, locked in id order (the receipt is
 * locked with `receiptSql.lockReceipt`).
 */
import { ROW_COLUMNS } from "./order-serials"
import { run, type SqlManager } from "../lib/sql"
import type { OrderSerialRow } from "../order-types"

export const vendorReturnSql = {
  /** Every serial with one of these texts (any variant), with the receipt it came with. */
  async lockByNormalized(manager: SqlManager, normalized: string[]): Promise<Array<OrderSerialRow & { receipt_id: string | null }>> {
    return await run(manager,
      `SELECT ${ROW_COLUMNS}, receipt_id FROM serial_number
        WHERE normalized IN (SELECT jsonb_array_elements_text(?::jsonb)) AND deleted_at IS NULL
        ORDER BY id FOR UPDATE`,
      [JSON.stringify(normalized)]
    )
  },
}
