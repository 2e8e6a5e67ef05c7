import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/** Raw SQL on the test database (to tamper with rows, or to read them as they are). */
export async function sqlRows(container: MedusaContainer, query: string, bindings: unknown[] = []): Promise<any[]> {
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION) as any
  return (await knex.raw(query, bindings)).rows
}

/** Medusa tables the plugin's flows write besides its own, by name. */
const MEDUSA_TABLES = ["inventory_level", "reservation_item", "notification", "capture", "refund"]

/**
 * Per table, its row count and a digest of every row: the plugin's own tables (serials,
 * ledger, receipts, series, settings, maintenance, claims, notifications, registrations),
 * the Medusa tables its flows touch, and all of Medusa's order, return, payment and
 * fulfilment tables (a refused request must not leave half an order change behind). Two
 * equal checksums mean nothing changed.
 */
export async function databaseChecksum(container: MedusaContainer): Promise<Record<string, string>> {
  const tables: string[] = (
    await sqlRows(
      container,
      `SELECT table_name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
          AND (table_name LIKE 'serial\\_%' OR table_name LIKE 'maintenance\\_%' OR table_name LIKE 'warranty\\_claim%'
               OR table_name LIKE 'order%' OR table_name LIKE 'return%' OR table_name LIKE 'payment%'
               OR table_name LIKE 'fulfillment%' OR table_name = ANY (?))
        ORDER BY table_name`,
      [MEDUSA_TABLES]
    )
  ).map((r) => r.table_name)
  const out: Record<string, string> = {}
  for (const table of tables) {
    // Table names come from the catalog above, never from input.
    const [row] = await sqlRows(
      container,
      `SELECT count(*) AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM "${table}" t`
    )
    out[table] = `${row.n}:${row.digest}`
  }
  return out
}
