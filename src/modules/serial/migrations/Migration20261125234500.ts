import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * Indexes the hot paths need at a million serials (see BENCHMARKS.md):
 * - the admin list filtered by variant and status and sorted by arrival reads one page in
 *   index order instead of sorting every match; it replaces (variant_id, status), its prefix;
 * - the first-in, first-out pick of a fulfilment reads the oldest active serials of a
 *   variant at a location in index order instead of sorting all of them.
 */
export class Migration20261125234500 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_serial_number_variant_status_received" ON "serial_number" ("variant_id", "status", "received_at") WHERE deleted_at IS NULL;`);
    this.addSql(`DROP INDEX IF EXISTS "IDX_serial_number_variant_status";`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_serial_number_fifo" ON "serial_number" ("variant_id", "stock_location_id", "status", "received_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`DROP INDEX IF EXISTS "IDX_serial_number_fifo";`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_serial_number_variant_status" ON "serial_number" ("variant_id", "status") WHERE deleted_at IS NULL;`);
    this.addSql(`DROP INDEX IF EXISTS "IDX_serial_number_variant_status_received";`);
  }

}
