import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * The first-in, first-out pick reads only serials in stock (`status = 'active'`), so its
 * index holds only those: smaller, and a delivery no longer adds an entry to it for every
 * unit it moves (see BENCHMARKS.md, fulfilment).
 */
export class Migration20261126031500 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_serial_number_fifo_active" ON "serial_number" ("variant_id", "stock_location_id", "received_at") WHERE deleted_at IS NULL AND status = 'active';`);
    this.addSql(`DROP INDEX IF EXISTS "IDX_serial_number_fifo";`);
  }

  override async down(): Promise<void> {
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_serial_number_fifo" ON "serial_number" ("variant_id", "stock_location_id", "status", "received_at") WHERE deleted_at IS NULL;`);
    this.addSql(`DROP INDEX IF EXISTS "IDX_serial_number_fifo_active";`);
  }

}
