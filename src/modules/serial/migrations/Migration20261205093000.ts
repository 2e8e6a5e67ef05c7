import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** A receipt may have no supplier: opening stock, and units found in a stock count. */
export class Migration20261205093000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "serial_receipt" alter column "supplier_name" drop not null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`update "serial_receipt" set "supplier_name" = '' where "supplier_name" is null;`);
    this.addSql(`alter table if exists "serial_receipt" alter column "supplier_name" set not null;`);
  }

}
