import { Migration } from "@medusajs/framework/mikro-orm/migrations";
import { DROPPED_NULL_INDEXES_20261206, SERIAL_INDEXES_20261206, TRIGRAM_INDEX_20261206 } from "../lib/serial-indexes";

/**
 * Indexes for a serial table of 10M rows and more:
 * - one `(column, id)` index per sort of the admin list, so that a cursor page is one range;
 * - the series and replaced-serial look-ups, which had none;
 * - the first-in, first-out pick's index in the pick's whole order (received_at, then the
 *   serial text in byte order, then id), so that picking 1 unit of a 100,000-serial receipt
 *   (one received_at for all) reads 1 entry instead of sorting 100,000 rows;
 * - a trigram index for the list's search (`ILIKE '%q%'`), where the server allows the
 *   pg_trgm extension (trusted since Postgres 13; without it, search still works, by scan);
 * - no more `deleted_at`-only indexes on the big tables: `WHERE deleted_at IS NULL` on
 *   `deleted_at` holds only NULLs, which no query reads and every insert writes.
 *
 * Medusa runs all migrations in one transaction, where `CREATE INDEX CONCURRENTLY` cannot
 * run: on a big table, build these first without locking it out, with
 * `src/scripts/build-serial-indexes.ts` (the same statements, from lib/serial-indexes.ts,
 * CONCURRENTLY), and this migration then finds them made (`IF NOT EXISTS`).
 */
export class Migration20261206000000 extends Migration {

  override async up(): Promise<void> {
    for (const index of SERIAL_INDEXES_20261206) {
      this.addSql(`CREATE INDEX IF NOT EXISTS "${index.name}" ${index.create};`);
      for (const old of index.replaces ?? []) {
        this.addSql(`DROP INDEX IF EXISTS "${old}";`);
      }
    }
    for (const [, name] of DROPPED_NULL_INDEXES_20261206) {
      this.addSql(`DROP INDEX IF EXISTS "${name}";`);
    }
    // A role that may not create the extension leaves search unindexed, not the migration failed.
    this.addSql(`DO $$
BEGIN
  BEGIN
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
  EXCEPTION WHEN insufficient_privilege OR undefined_file THEN
    RAISE NOTICE 'pg_trgm is not available: serial search runs without its index';
  END;
  IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
    EXECUTE 'CREATE INDEX IF NOT EXISTS "${TRIGRAM_INDEX_20261206.name}" ${TRIGRAM_INDEX_20261206.create.replace(/'/g, "''")}';
  END IF;
END $$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`DROP INDEX IF EXISTS "${TRIGRAM_INDEX_20261206.name}";`);
    for (const [table, name] of DROPPED_NULL_INDEXES_20261206) {
      this.addSql(`CREATE INDEX IF NOT EXISTS "${name}" ON "${table}" ("deleted_at") WHERE deleted_at IS NULL;`);
    }
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_serial_number_variant_status_received" ON "serial_number" ("variant_id", "status", "received_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_serial_number_fifo_active" ON "serial_number" ("variant_id", "stock_location_id", "received_at") WHERE deleted_at IS NULL AND status = 'active';`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_serial_number_status_created" ON "serial_number" ("status", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_serial_number_warranty_expires_at" ON "serial_number" ("warranty_expires_at") WHERE deleted_at IS NULL AND warranty_expires_at IS NOT NULL;`);
    for (const index of SERIAL_INDEXES_20261206) {
      this.addSql(`DROP INDEX IF EXISTS "${index.name}";`);
    }
  }

}
