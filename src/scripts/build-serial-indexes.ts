import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import {
  DROPPED_NULL_INDEXES_20261206,
  SERIAL_INDEXES_20261206,
  SERIAL_INDEXES_20261207,
  SERIAL_INDEXES_20261207_EOL,
  SERIAL_INDEXES_20261209_LEDGER_LOCATION,
  TRIGRAM_INDEX_20261206,
} from "../modules/serial/lib/serial-indexes"

/**
 * Builds the serial tables' indexes of Migration20261206000000, Migration20261207000000 and
 * Migration20261207020000
 * (with the ledger's `operation_id` column they index) without locking the tables
 * (`CREATE INDEX CONCURRENTLY`), before `medusa db:migrate`, for a store with millions of
 * serials; run in the store's folder:
 *
 *   npx medusa exec ./node_modules/medusa-plugin-serial-numbers/.medusa/server/src/scripts/build-serial-indexes.js
 *
 * Sales go on while it runs. The migration then finds the indexes made. Running it again
 * is harmless: made indexes are skipped, and one left invalid by an interrupted build is
 * dropped and built again.
 */
export default async function buildSerialIndexes({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const state = async (name: string): Promise<"valid" | "invalid" | "missing"> => {
    const { rows } = await knex.raw(
      `SELECT i.indisvalid FROM pg_class c JOIN pg_index i ON i.indexrelid = c.oid WHERE c.relname = ? AND c.relkind = 'i'`,
      [name]
    )
    return rows.length ? (rows[0].indisvalid ? "valid" : "invalid") : "missing"
  }
  const build = async (name: string, definition: string) => {
    const before = await state(name)
    if (before === "valid") {
      logger.info(`${name}: already built`)
      return
    }
    if (before === "invalid") {
      await knex.raw(`DROP INDEX CONCURRENTLY IF EXISTS "${name}"`)
    }
    const t0 = Date.now()
    await knex.raw(`CREATE INDEX CONCURRENTLY IF NOT EXISTS "${name}" ${definition}`)
    logger.info(`${name}: built in ${((Date.now() - t0) / 1000).toFixed(1)} s`)
  }

  for (const index of SERIAL_INDEXES_20261206) {
    await build(index.name, index.create)
    for (const old of index.replaces ?? []) {
      await knex.raw(`DROP INDEX CONCURRENTLY IF EXISTS "${old}"`)
    }
  }
  // Nullable, no default: an instant change of the catalog, not a rewrite of the ledger.
  await knex.raw(`ALTER TABLE IF EXISTS "serial_ledger_entry" ADD COLUMN IF NOT EXISTS "operation_id" text NULL`)
  for (const index of [...SERIAL_INDEXES_20261207, ...SERIAL_INDEXES_20261207_EOL, ...SERIAL_INDEXES_20261209_LEDGER_LOCATION]) {
    await build(index.name, index.create)
    for (const old of index.replaces ?? []) {
      await knex.raw(`DROP INDEX CONCURRENTLY IF EXISTS "${old}"`)
    }
  }
  for (const [, name] of DROPPED_NULL_INDEXES_20261206) {
    await knex.raw(`DROP INDEX CONCURRENTLY IF EXISTS "${name}"`)
  }
  try {
    await knex.raw(`CREATE EXTENSION IF NOT EXISTS pg_trgm`)
  } catch (e) {
    logger.warn(`pg_trgm cannot be created here (${(e as Error).message}): serial search stays unindexed`)
    return
  }
  await build(TRIGRAM_INDEX_20261206.name, TRIGRAM_INDEX_20261206.create)
}
