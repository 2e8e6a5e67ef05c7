import { Migration } from "@medusajs/framework/mikro-orm/migrations";
import { SERIAL_INDEXES_20261207 } from "../lib/serial-indexes";

/**
 * The ledger's `operation_id` column: the change that wrote a row, indexed, so that a
 * compensated workflow step deletes its own rows by one index range instead of a scan of
 * `data->>'operation_id'` over the whole ledger. Rows written before it carried the id in
 * `data`: it moves to the column (only those rows are rewritten). Also the keyset indexes
 * of the ledger and contract-expiry reports.
 *
 * On a big ledger, build the indexes first without locking the table with
 * `src/scripts/build-serial-indexes.ts` (CONCURRENTLY); this migration finds them made.
 */
export class Migration20261207000000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`ALTER TABLE IF EXISTS "serial_ledger_entry" ADD COLUMN IF NOT EXISTS "operation_id" text NULL;`);
    this.addSql(`UPDATE "serial_ledger_entry"
      SET "operation_id" = data->>'operation_id', data = data - 'operation_id'
      WHERE data ? 'operation_id';`);
    for (const index of SERIAL_INDEXES_20261207) {
      this.addSql(`CREATE INDEX IF NOT EXISTS "${index.name}" ${index.create};`);
      for (const old of index.replaces ?? []) {
        this.addSql(`DROP INDEX IF EXISTS "${old}";`);
      }
    }
  }

  override async down(): Promise<void> {
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_serial_number_contract_expires_at" ON "serial_number" ("contract_expires_at") WHERE deleted_at IS NULL AND contract_expires_at IS NOT NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_serial_ledger_entry_created" ON "serial_ledger_entry" ("created_at") WHERE deleted_at IS NULL;`);
    for (const index of SERIAL_INDEXES_20261207) {
      this.addSql(`DROP INDEX IF EXISTS "${index.name}";`);
    }
    this.addSql(`UPDATE "serial_ledger_entry"
      SET data = coalesce(data, '{}'::jsonb) || jsonb_build_object('operation_id', "operation_id")
      WHERE "operation_id" IS NOT NULL;`);
    this.addSql(`ALTER TABLE IF EXISTS "serial_ledger_entry" DROP COLUMN IF EXISTS "operation_id";`);
  }

}
