// What must hold in the database after any crash or race, read straight from Postgres.
import { sql } from "./cluster"

/** Medusa's stocked quantity of a variant at a location (0 without an inventory level). */
export async function stockedQuantity(databaseUrl: string, variantId: string, locationId: string): Promise<number> {
  const rows = await sql(
    databaseUrl,
    `SELECT COALESCE(SUM(il.stocked_quantity), 0)::int AS qty
       FROM inventory_level il
       JOIN product_variant_inventory_item pvi
         ON pvi.inventory_item_id = il.inventory_item_id AND pvi.deleted_at IS NULL
      WHERE pvi.variant_id = $1 AND il.location_id = $2 AND il.deleted_at IS NULL`,
    [variantId, locationId]
  )
  return rows[0].qty
}

/** Serials of a variant in stock (active or reserved) at a location. */
export async function inStockSerials(databaseUrl: string, variantId: string, locationId: string): Promise<number> {
  const rows = await sql(
    databaseUrl,
    `SELECT COUNT(*)::int AS n FROM serial_number
      WHERE variant_id = $1 AND stock_location_id = $2 AND status IN ('active', 'reserved') AND deleted_at IS NULL`,
    [variantId, locationId]
  )
  return rows[0].n
}

/**
 * Every way the serial data can contradict itself, as readable lines (empty when sound):
 * a serial text twice, a serial delivered twice without coming back in between, a serial
 * whose state differs from its last ledger row. (The plugin's consistency check covers
 * these too; this reads the tables directly, so a defect in the check cannot hide one.)
 */
export async function serialContradictions(databaseUrl: string): Promise<string[]> {
  const problems: string[] = []
  const twice = await sql(
    databaseUrl,
    `SELECT serial_number, COUNT(*)::int AS n FROM serial_number WHERE deleted_at IS NULL
      GROUP BY serial_number HAVING COUNT(*) > 1 LIMIT 20`
  )
  problems.push(...twice.map((r) => `serial ${r.serial_number} exists ${r.n} times`))

  const soldTwice = await sql(
    databaseUrl,
    `SELECT serial_number, COUNT(*)::int AS n FROM serial_ledger_entry
      WHERE type = 'deliver' AND deleted_at IS NULL
      GROUP BY serial_number HAVING COUNT(*) > 1 + (
        SELECT COUNT(*) FROM serial_ledger_entry r
         WHERE r.serial_number = serial_ledger_entry.serial_number AND r.deleted_at IS NULL
           AND r.type IN ('return_restock', 'return_no_restock', 'cancel_fulfillment'))
      LIMIT 20`
  )
  problems.push(...soldTwice.map((r) => `serial ${r.serial_number} delivered ${r.n} times`))

  const drift = await sql(
    databaseUrl,
    `SELECT sn.serial_number, sn.status, sn.stock_location_id, last.to_status, last.to_location_id
       FROM serial_number sn
       LEFT JOIN LATERAL (
         SELECT to_status, to_location_id FROM serial_ledger_entry e
          WHERE e.serial_number_id = sn.id AND e.deleted_at IS NULL AND e.to_status IS NOT NULL
          ORDER BY e.created_at DESC, e.id DESC LIMIT 1) last ON true
      WHERE sn.deleted_at IS NULL
        AND (last.to_status IS DISTINCT FROM sn.status::text
             OR last.to_location_id IS DISTINCT FROM sn.stock_location_id)
      LIMIT 20`
  )
  problems.push(
    ...drift.map(
      (r) =>
        `serial ${r.serial_number} is ${r.status} at ${r.stock_location_id}, its ledger says ${r.to_status} at ${r.to_location_id}`
    )
  )
  return problems
}
