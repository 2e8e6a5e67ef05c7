/** SQL of ownership changes: the serial locked in full (for the undo snapshot) and its new owner. */
import { ROW_COLUMNS } from "./order-serials"
import { run, type SqlManager } from "../lib/sql"
import type { OrderSerialRow } from "../order-types"

export const ownershipSql = {
  async lockById(manager: SqlManager, id: string): Promise<OrderSerialRow | null> {
    const [row] = await run(manager, `SELECT ${ROW_COLUMNS} FROM serial_number WHERE id = ? AND deleted_at IS NULL FOR UPDATE`, [id])
    return row ?? null
  },

  async setCustomer(manager: SqlManager, id: string, customerId: string): Promise<void> {
    await run(manager, `UPDATE serial_number SET customer_id = ?, updated_at = now() WHERE id = ?`, [customerId, id])
  },

  /** The order's serials its customer still owns (delivered, or returned and kept), locked in full. */
  async lockOwnedFromOrder(manager: SqlManager, orderId: string, customerId: string): Promise<OrderSerialRow[]> {
    return run(
      manager,
      `SELECT ${ROW_COLUMNS} FROM serial_number
        WHERE order_id = ? AND customer_id = ? AND deleted_at IS NULL
        ORDER BY id FOR UPDATE`,
      [orderId, customerId]
    )
  },

  async setCustomers(manager: SqlManager, ids: string[], customerId: string): Promise<void> {
    await run(
      manager,
      `UPDATE serial_number SET customer_id = ?, updated_at = now() WHERE id IN (SELECT jsonb_array_elements_text(?::jsonb))`,
      [customerId, JSON.stringify(ids)]
    )
  },
}
