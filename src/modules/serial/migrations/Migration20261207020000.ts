import { Migration } from "@medusajs/framework/mikro-orm/migrations";
import { SERIAL_INDEXES_20261207_EOL } from "../lib/serial-indexes";

/**
 * The reminders' outbox: `serial_notification` rows get a status (`pending` when taken,
 * `sent`, `skipped` or `failed`; rows from before are `sent`), attempts, a sender's lease
 * and the last error, with an index of the pending ones. The end-of-life pass's index
 * holds only serials still to expire (on a big table, build it first with
 * `src/scripts/build-serial-indexes.ts`, CONCURRENTLY; this migration finds it made).
 */
export class Migration20261207020000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "serial_notification" add column if not exists "status" text not null default 'sent', add column if not exists "attempts" integer not null default 0, add column if not exists "claimed_until" timestamptz null, add column if not exists "sent_at" timestamptz null, add column if not exists "last_error" text null;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_serial_notification_pending" ON "serial_notification" ("created_at", "id") WHERE status = 'pending' AND deleted_at IS NULL;`);
    for (const index of SERIAL_INDEXES_20261207_EOL) {
      this.addSql(`CREATE INDEX IF NOT EXISTS "${index.name}" ${index.create};`);
      for (const old of index.replaces ?? []) {
        this.addSql(`DROP INDEX IF EXISTS "${old}";`);
      }
    }
  }

  override async down(): Promise<void> {
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_serial_number_end_of_life_at" ON "serial_number" ("end_of_life_at") WHERE deleted_at IS NULL AND end_of_life_at IS NOT NULL;`);
    for (const index of SERIAL_INDEXES_20261207_EOL) {
      this.addSql(`DROP INDEX IF EXISTS "${index.name}";`);
    }
    this.addSql(`drop index if exists "IDX_serial_notification_pending";`);
    this.addSql(`alter table if exists "serial_notification" drop column if exists "status", drop column if exists "attempts", drop column if exists "claimed_until", drop column if exists "sent_at", drop column if exists "last_error";`);
  }

}
