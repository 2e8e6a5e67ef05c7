/** SQL of ownership changes: a serial's new owner (the serials are locked with `serialSql.lockSerials`). */
import { run, type SqlManager } from "../lib/sql"

export const ownershipSql = {
  async setCustomers(manager: SqlManager, ids: string[], customerId: string): Promise<void> {
    await run(
      manager,
      `UPDATE serial_number SET customer_id = ?, updated_at = now() WHERE id IN (SELECT jsonb_array_elements_text(?::jsonb))`,
      [customerId, JSON.stringify(ids)]
    )
  },
}
