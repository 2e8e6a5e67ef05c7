/**
 * SQL of purchase receipts: the serials a receipt brings in (their cost, their count by
 * status, the undo of a receipt that did not complete), and a receipt changed after posting
 * (a partial cancel, a vendor return): the receipt and its lines, locked so that two such
 * changes or a cancel never run side by side, its serials, and their undo.
 */
import type { SerialRow } from "./serial-number"
import { run, type SqlManager } from "../lib/sql"

const json = (v: unknown) => JSON.stringify(v)

export const receiptSql = {
  /** Sets a receipt's unit cost on serials it received (a per-line value). */
  async setUnitCost(manager: SqlManager, ids: string[], unitCost: number | null): Promise<void> {
    if (!ids.length) {
      return
    }
    await run(manager,
      `UPDATE serial_number
          SET unit_cost = ?::numeric,
              raw_unit_cost = CASE WHEN ?::numeric IS NULL THEN NULL
                                   ELSE jsonb_build_object('value', (?::numeric)::text, 'precision', 20) END
        WHERE id IN (SELECT jsonb_array_elements_text(?::jsonb))`,
      [unitCost, unitCost, unitCost, json(ids)]
    )
  },

  async countByStatus(manager: SqlManager, where: { receipt_id: string }): Promise<Record<string, number>> {
    const rows: { status: string; count: string }[] = await run(manager,
      `SELECT status, count(*) AS count FROM serial_number
        WHERE receipt_id = ? AND deleted_at IS NULL GROUP BY status`,
      [where.receipt_id]
    )
    return Object.fromEntries(rows.map((r) => [r.status, Number(r.count)]))
  },

  /**
   * Compensation of a receipt that did not complete: serials it had received that existed
   * before go back to how they were (inactive, no location, no receipt). Its ledger rows
   * go by its operation.
   */
  async unreceiveExisting(manager: SqlManager, ids: string[]): Promise<void> {
    if (!ids.length) {
      return
    }
    await run(manager,
      `UPDATE serial_number
          SET status = 'inactive', stock_location_id = NULL, receipt_id = NULL, supplier_name = NULL,
              supplier_reference = NULL, unit_cost = NULL, raw_unit_cost = NULL, received_at = NULL,
              updated_at = now()
        WHERE id IN (SELECT jsonb_array_elements_text(?::jsonb))`,
      [json(ids)]
    )
  },

  async lockReceipt(
    manager: SqlManager,
    receiptId: string
  ): Promise<{ id: string; status: string; stock_location_id: string; supplier_name: string | null; canceled_at: string | null } | null> {
    const [row] = await run(manager,
      `SELECT id, status, stock_location_id, supplier_name, canceled_at FROM serial_receipt WHERE id = ? AND deleted_at IS NULL FOR UPDATE`,
      [receiptId]
    )
    return row ?? null
  },

  async lockLines(manager: SqlManager, receiptId: string): Promise<Array<{ id: string; variant_id: string; quantity: number }>> {
    const rows = await run(manager,
      `SELECT id, variant_id, quantity FROM serial_receipt_line
        WHERE receipt_id = ? AND deleted_at IS NULL ORDER BY id FOR UPDATE`,
      [receiptId]
    )
    return rows.map((r: any) => ({ id: r.id, variant_id: r.variant_id, quantity: Number(r.quantity) }))
  },

  async setLineQuantities(manager: SqlManager, lines: Array<{ id: string; quantity: number }>): Promise<void> {
    if (!lines.length) {
      return
    }
    await run(manager,
      `UPDATE serial_receipt_line AS l
          SET quantity = x.quantity, updated_at = now()
         FROM jsonb_to_recordset(?::jsonb) AS x(id text, quantity integer)
        WHERE l.id = x.id`,
      [JSON.stringify(lines)]
    )
  },

  /** Puts serials back as `serialSql.lockSerials` read them in full, unit cost included. */
  async restoreSerials(manager: SqlManager, rows: SerialRow[]): Promise<void> {
    if (!rows.length) {
      return
    }
    await run(manager,
      `UPDATE serial_number AS s
          SET status = x.status, stock_location_id = x.stock_location_id, receipt_id = x.receipt_id,
              supplier_name = x.supplier_name, supplier_reference = x.supplier_reference,
              unit_cost = x.unit_cost,
              raw_unit_cost = CASE WHEN x.unit_cost IS NULL THEN NULL
                                   ELSE jsonb_build_object('value', x.unit_cost::text, 'precision', 20) END,
              received_at = x.received_at, updated_at = now()
         FROM jsonb_to_recordset(?::jsonb) AS x(
           id text, status text, stock_location_id text, receipt_id text, supplier_name text,
           supplier_reference text, unit_cost numeric, received_at timestamptz)
        WHERE s.id = x.id`,
      [JSON.stringify(rows)]
    )
  },
}
