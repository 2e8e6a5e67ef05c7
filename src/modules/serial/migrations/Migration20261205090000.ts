import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * A series counter is a bigint: patterns may have up to 18 digits (999,999,999,999,999,999),
 * far past an integer's 2,147,483,647. Medusa's data-model language has no bigint type, so
 * the model still says `model.number()`, and the migration snapshot keeps "integer" on
 * purpose: migrations generated from the models compare them with the snapshot, and so do
 * not propose to turn the column back. The code reads the value as a BigInt.
 */
export class Migration20261205090000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "serial_series_counter" alter column "value" type bigint;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "serial_series_counter" alter column "value" type integer;`);
  }

}
