import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * Consistency runs walked by several walkers at once: the chunks claimed and not yet
 * recorded (models/serial-consistency-run.ts). A run started before has none out: the
 * column is added with '[]' for the rows there, then without a default, as the model says.
 */
export class Migration20261208000000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "serial_consistency_run" add column if not exists "claimed" jsonb not null default '[]';`);
    this.addSql(`alter table if exists "serial_consistency_run" alter column "claimed" drop default;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "serial_consistency_run" drop column if exists "claimed";`);
  }

}
