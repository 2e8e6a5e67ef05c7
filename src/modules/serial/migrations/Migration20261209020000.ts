import { Migration } from "@medusajs/framework/mikro-orm/migrations";
import { SERIAL_INDEXES_20261209_LEDGER_LOCATION } from "../lib/serial-indexes";

/**
 * The ledger report's location filter (entries that moved a serial from or to a
 * location): an index on each side, by date. On a big ledger, build them first without
 * locking the table with `src/scripts/build-serial-indexes.ts` (CONCURRENTLY); this
 * migration then finds them made.
 */
export class Migration20261209020000 extends Migration {

  override async up(): Promise<void> {
    for (const index of SERIAL_INDEXES_20261209_LEDGER_LOCATION) {
      this.addSql(`CREATE INDEX IF NOT EXISTS "${index.name}" ${index.create};`);
    }
  }

  override async down(): Promise<void> {
    for (const index of SERIAL_INDEXES_20261209_LEDGER_LOCATION) {
      this.addSql(`DROP INDEX IF EXISTS "${index.name}";`);
    }
  }

}
