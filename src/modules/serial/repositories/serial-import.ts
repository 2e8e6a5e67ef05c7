/**
 * Set-based SQL of the CSV import and export: one statement per batch of rows, rows passed
 * as one JSON parameter (see lib/sql.ts for the pattern).
 */
import { MedusaError } from "@medusajs/framework/utils"
import { run, type SqlManager } from "../lib/sql"
import { pairKey } from "../lib/pair-key"

const json = (v: unknown) => JSON.stringify(v)

export type ImportedSerialRow = {
  id: string
  serial_number: string
  normalized: string
  scope_key: string
  variant_id: string
  product_id: string | null
  inventory_item_id: string | null
  status: string
  stock_location_id: string | null
  supplier_name: string | null
  supplier_reference: string | null
  unit_cost: number | null
  received_at: string | null
  delivered_at: string | null
  warranty_starts_at: string | null
  warranty_expires_at: string | null
  contract_expires_at: string | null
  end_of_life_at: string | null
  notes: string | null
  metadata: Record<string, unknown> | null
}

export const importSql = {
  async insertSerials(manager: SqlManager, rows: ImportedSerialRow[]): Promise<void> {
    if (!rows.length) {
      return
    }
    try {
      await run(manager,
        `INSERT INTO serial_number
           (id, serial_number, normalized, scope_key, variant_id, product_id, inventory_item_id, status,
            stock_location_id, supplier_name, supplier_reference, unit_cost, raw_unit_cost, received_at,
            delivered_at, warranty_starts_at, warranty_expires_at, contract_expires_at, end_of_life_at,
            notes, metadata, created_at, updated_at)
         SELECT x.id, x.serial_number, x.normalized, x.scope_key, x.variant_id, x.product_id, x.inventory_item_id,
                x.status, x.stock_location_id, x.supplier_name, x.supplier_reference, x.unit_cost,
                CASE WHEN x.unit_cost IS NULL THEN NULL
                     ELSE jsonb_build_object('value', x.unit_cost::text, 'precision', 20) END,
                x.received_at, x.delivered_at, x.warranty_starts_at, x.warranty_expires_at, x.contract_expires_at,
                x.end_of_life_at, x.notes, x.metadata, now(), now()
           FROM jsonb_to_recordset(?::jsonb) AS x(
             id text, serial_number text, normalized text, scope_key text, variant_id text, product_id text,
             inventory_item_id text, status text, stock_location_id text, supplier_name text,
             supplier_reference text, unit_cost numeric, received_at timestamptz, delivered_at timestamptz,
             warranty_starts_at timestamptz, warranty_expires_at timestamptz, contract_expires_at timestamptz,
             end_of_life_at timestamptz, notes text, metadata jsonb)`,
        [json(rows)]
      )
    } catch (e: any) {
      // Another import or receipt committed the same serial after this one checked.
      if (e?.code === "23505" || /duplicate key/.test(e?.detail ?? e?.message ?? "")) {
        throw new MedusaError(
          MedusaError.Types.CONFLICT,
          "Import refused: a serial in the file was created by someone else while the file was being imported; nothing was imported, try again"
        )
      }
      throw e
    }
  },

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

