/**
 * Set-based SQL of the CSV import and export: one statement per batch of rows, rows passed
 * as one JSON parameter (see lib/sql.ts for the pattern).
 */
import { run, type SqlManager } from "../lib/sql"
import { pairKey } from "../lib/pair-key"

const json = (v: unknown) => JSON.stringify(v)

export const importSql = {
  /** Which of these (normalized, scope) keys are taken, with the serial that takes each. */
  async takenKeys(
    manager: SqlManager,
    keys: Array<{ normalized: string; scope_key: string }>
  ): Promise<Array<{ normalized: string; scope_key: string; serial_number: string; variant_id: string }>> {
    if (!keys.length) {
      return []
    }
    return await run(manager,
      `SELECT s.normalized, s.scope_key, s.serial_number, s.variant_id
         FROM serial_number s
         JOIN jsonb_to_recordset(?::jsonb) AS x(normalized text, scope_key text)
           ON s.normalized = x.normalized AND s.scope_key = x.scope_key
        WHERE s.deleted_at IS NULL`,
      [json(keys)]
    )
  },

  /** Serials in stock (active or reserved) per variant and location, for the given pairs. */
  async countInStock(
    manager: SqlManager,
    pairs: Array<{ variant_id: string; location_id: string }>
  ): Promise<Map<string, number>> {
    if (!pairs.length) {
      return new Map()
    }
    const rows: Array<{ variant_id: string; location_id: string; count: string }> = await run(manager,
      `SELECT x.variant_id, x.location_id, count(s.id) AS count
         FROM jsonb_to_recordset(?::jsonb) AS x(variant_id text, location_id text)
         LEFT JOIN serial_number s
           ON s.variant_id = x.variant_id AND s.stock_location_id = x.location_id
          AND s.status IN ('active', 'reserved') AND s.deleted_at IS NULL
        GROUP BY x.variant_id, x.location_id`,
      [json(pairs)]
    )
    return new Map(rows.map((r) => [pairKey(r.variant_id, r.location_id), Number(r.count)]))
  },
}

