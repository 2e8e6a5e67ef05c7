import { run, type SqlManager } from "../lib/sql"

export const returnSql = {
  /**
   * How many serials each order line has already given back with this return, restocked
   * and not, read from the ledger (the return's moves carry the line in their data).
   */
  async returnedByLine(
    manager: SqlManager,
    returnId: string
  ): Promise<Map<string, { restock: number; no_restock: number }>> {
    const rows: { line_item_id: string; type: string; count: string }[] = await run(manager,
      `SELECT data->>'line_item_id' AS line_item_id, type, count(*) AS count
         FROM serial_ledger_entry
        WHERE reference_type = 'return' AND reference_id = ?
          AND type IN ('return_restock', 'return_no_restock') AND deleted_at IS NULL
        GROUP BY 1, 2`,
      [returnId]
    )
    const out = new Map<string, { restock: number; no_restock: number }>()
    for (const r of rows) {
      const entry = out.get(r.line_item_id) ?? { restock: 0, no_restock: 0 }
      entry[r.type === "return_restock" ? "restock" : "no_restock"] += Number(r.count)
      out.set(r.line_item_id, entry)
    }
    return out
  },

  /** Serials that came back with a return. */
  async serialsOfReturn(manager: SqlManager, returnId: string) {
    return (await run(manager,
      `SELECT DISTINCT ON (s.id) s.id, s.serial_number, s.status, s.stock_location_id, l.type,
              l.data->>'line_item_id' AS line_item_id
         FROM serial_ledger_entry l JOIN serial_number s ON s.id = l.serial_number_id
        WHERE l.reference_type = 'return' AND l.reference_id = ?
          AND l.type IN ('return_restock', 'return_no_restock') AND l.deleted_at IS NULL
        ORDER BY s.id, l.created_at DESC`,
      [returnId]
    )) as Array<{ id: string; serial_number: string; status: string; stock_location_id: string | null; type: string; line_item_id: string }>
  },
}

export const replacementSql = {
  /** Serials a return brought back that no serial replaces yet, in the order they came back. */
  async returnedNotReplaced(manager: SqlManager, returnId: string) {
    return (await run(manager,
      `SELECT s.id, s.serial_number, s.variant_id
         FROM serial_number s
         JOIN (SELECT serial_number_id, min(created_at) AS at FROM serial_ledger_entry
                WHERE reference_type = 'return' AND reference_id = ? AND deleted_at IS NULL
                  AND type IN ('return_restock', 'return_no_restock')
                GROUP BY serial_number_id) r ON r.serial_number_id = s.id
        WHERE s.deleted_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM serial_number n WHERE n.replaces_serial_number_id = s.id AND n.deleted_at IS NULL)
        ORDER BY r.at, s.serial_number`,
      [returnId]
    )) as Array<{ id: string; serial_number: string; variant_id: string }>
  },

  async setReplaces(manager: SqlManager, links: Array<{ id: string; replaces_serial_number_id: string | null }>) {
    if (!links.length) {
      return
    }
    await run(manager,
      `UPDATE serial_number AS s SET replaces_serial_number_id = x.replaces_serial_number_id, updated_at = now()
         FROM jsonb_to_recordset(?::jsonb) AS x(id text, replaces_serial_number_id text)
        WHERE s.id = x.id`,
      [JSON.stringify(links)]
    )
  },
}
