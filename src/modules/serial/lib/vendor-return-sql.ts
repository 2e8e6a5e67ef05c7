/**
 * SQL of vendor returns: the receipt (locked, so a cancel cannot run beside a return) and
 * the serials a return names, locked in id order.
 */
import { type OrderSerialRow, ROW_COLUMNS } from "./fulfillment-sql"
import { run, type SqlManager } from "./sql"

export const vendorReturnSql = {
  async lockReceipt(manager: SqlManager, receiptId: string): Promise<{ id: string; status: string; supplier_name: string | null } | null> {
    const [row] = await run(manager,
      `SELECT id, status, supplier_name FROM serial_receipt WHERE id = ? AND deleted_at IS NULL FOR UPDATE`,
      [receiptId]
    )
    return row ?? null
  },

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
