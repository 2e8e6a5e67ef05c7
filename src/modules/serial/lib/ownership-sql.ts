/** SQL of ownership changes: the serial locked in full (for the undo snapshot) and its new owner. */
import { type OrderSerialRow, ROW_COLUMNS } from "./fulfillment-sql"
import { run, type SqlManager } from "./sql"

export const ownershipSql = {
  async lockById(manager: SqlManager, id: string): Promise<OrderSerialRow | null> {
    const [row] = await run(manager, `SELECT ${ROW_COLUMNS} FROM serial_number WHERE id = ? AND deleted_at IS NULL FOR UPDATE`, [id])
    return row ?? null
  },

  async setCustomer(manager: SqlManager, id: string, customerId: string): Promise<void> {
    await run(manager, `UPDATE serial_number SET customer_id = ?, updated_at = now() WHERE id = ?`, [customerId, id])
  },
}
