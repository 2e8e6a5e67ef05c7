import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** The pool a warranty-only variant's sales draw serials from, oldest first. */
export class Migration20261205170000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_serial_number_pool" ON "serial_number" ("variant_id", "id") WHERE deleted_at IS NULL AND status = 'inactive' AND customer_id IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`DROP INDEX IF EXISTS "IDX_serial_number_pool";`);
  }

}
