/**
 * SQL of transfers between stock locations. A transfer has no table of its own: it is the
 * ledger rows of its serials (`reference_type` 'transfer', `reference_id` its id).
 */
import { run, type SqlManager } from "../lib/sql"

export const transferSql = {
  /** Transfers newest first (ids are time-ordered), `limit` of them, summed from their ledger rows. */
  async list(
    manager: SqlManager,
    { limit, after, location_id }: { limit: number; after?: string; location_id?: string }
  ): Promise<any[]> {
    const params: unknown[] = []
    let where = ""
    if (after) {
      where += " AND reference_id < ?"
      params.push(after)
    }
    if (location_id) {
      where += " AND (from_location_id = ? OR to_location_id = ?)"
      params.push(location_id, location_id)
    }
    return await run(manager,
      `SELECT reference_id AS id, count(*) AS serial_count, min(from_location_id) AS from_location_id,
              min(to_location_id) AS to_location_id, min(actor_id) AS created_by, min(created_at) AS created_at,
              min(data->>'note') AS note
         FROM serial_ledger_entry
        WHERE reference_type = 'transfer' AND type = 'transfer' AND deleted_at IS NULL${where}
        GROUP BY reference_id
        ORDER BY reference_id DESC
        LIMIT ?`,
      [...params, limit]
    )
  },

  /** The serials of one transfer, from its ledger rows (none for an id no transfer has). */
  async serialsOf(manager: SqlManager, id: string): Promise<any[]> {
    return await run(manager,
      `SELECT l.serial_number_id, l.serial_number, l.from_location_id, l.to_location_id, l.actor_id, l.data, l.created_at, s.variant_id
         FROM serial_ledger_entry l
         JOIN serial_number s ON s.id = l.serial_number_id
        WHERE l.reference_type = 'transfer' AND l.reference_id = ? AND l.type = 'transfer' AND l.deleted_at IS NULL
        ORDER BY l.serial_number, l.id`,
      [id]
    )
  },
}
