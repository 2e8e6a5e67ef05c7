import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261125202940 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "serial_receipt" ("id" text not null, "display_id" serial, "status" text check ("status" in ('posted', 'canceled')) not null default 'posted', "stock_location_id" text not null, "supplier_name" text not null, "supplier_reference" text null, "received_at" timestamptz not null, "canceled_at" timestamptz null, "notes" text null, "created_by" text null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "serial_receipt_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_serial_receipt_deleted_at" ON "serial_receipt" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_serial_receipt_location" ON "serial_receipt" ("stock_location_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_serial_receipt_received_at" ON "serial_receipt" ("received_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "serial_receipt_line" ("id" text not null, "receipt_id" text not null, "variant_id" text not null, "product_id" text null, "inventory_item_id" text not null, "quantity" integer not null, "unit_cost" numeric null, "raw_unit_cost" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "serial_receipt_line_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_serial_receipt_line_receipt_id" ON "serial_receipt_line" ("receipt_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_serial_receipt_line_deleted_at" ON "serial_receipt_line" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_serial_receipt_line_variant" ON "serial_receipt_line" ("variant_id") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "serial_receipt_line" add constraint "serial_receipt_line_receipt_id_foreign" foreign key ("receipt_id") references "serial_receipt" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "serial_receipt_line" drop constraint if exists "serial_receipt_line_receipt_id_foreign";`);

    this.addSql(`drop table if exists "serial_receipt" cascade;`);

    this.addSql(`drop table if exists "serial_receipt_line" cascade;`);
  }

}
