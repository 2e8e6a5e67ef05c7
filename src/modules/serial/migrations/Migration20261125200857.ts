import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261125200857 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "serial_settings" drop constraint if exists "serial_settings_variant_unique";`);
    this.addSql(`alter table if exists "serial_series_counter" drop constraint if exists "serial_series_counter_series_key_unique";`);
    this.addSql(`alter table if exists "serial_series" drop constraint if exists "serial_series_name_unique";`);
    this.addSql(`alter table if exists "serial_number" drop constraint if exists "serial_number_normalized_scope_unique";`);
    this.addSql(`create table if not exists "serial_ledger_entry" ("id" text not null, "serial_number_id" text not null, "serial_number" text not null, "type" text not null, "from_status" text null, "to_status" text null, "from_location_id" text null, "to_location_id" text null, "reference_type" text null, "reference_id" text null, "actor_type" text null, "actor_id" text null, "data" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "serial_ledger_entry_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_serial_ledger_entry_deleted_at" ON "serial_ledger_entry" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_serial_ledger_entry_serial_created" ON "serial_ledger_entry" ("serial_number_id", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_serial_ledger_entry_reference" ON "serial_ledger_entry" ("reference_type", "reference_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_serial_ledger_entry_created" ON "serial_ledger_entry" ("created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "serial_number" ("id" text not null, "serial_number" text not null, "normalized" text not null, "scope_key" text not null default '', "variant_id" text not null, "product_id" text null, "inventory_item_id" text null, "status" text check ("status" in ('inactive', 'active', 'reserved', 'delivered', 'expired', 'scrapped')) not null default 'inactive', "stock_location_id" text null, "series_id" text null, "supplier_name" text null, "supplier_reference" text null, "receipt_id" text null, "unit_cost" numeric null, "received_at" timestamptz null, "customer_id" text null, "order_id" text null, "line_item_id" text null, "fulfillment_id" text null, "delivered_at" timestamptz null, "shipped_at" timestamptz null, "replaces_serial_number_id" text null, "warranty_starts_at" timestamptz null, "warranty_expires_at" timestamptz null, "warranty_overridden" boolean not null default false, "contract_expires_at" timestamptz null, "end_of_life_at" timestamptz null, "notes" text null, "metadata" jsonb null, "raw_unit_cost" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "serial_number_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_serial_number_deleted_at" ON "serial_number" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_serial_number_normalized_scope_unique" ON "serial_number" ("normalized", "scope_key") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_serial_number_variant_status" ON "serial_number" ("variant_id", "status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_serial_number_product_id" ON "serial_number" ("product_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_serial_number_location_variant_status" ON "serial_number" ("stock_location_id", "variant_id", "status") WHERE deleted_at IS NULL AND stock_location_id IS NOT NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_serial_number_customer_id" ON "serial_number" ("customer_id") WHERE deleted_at IS NULL AND customer_id IS NOT NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_serial_number_order_id" ON "serial_number" ("order_id") WHERE deleted_at IS NULL AND order_id IS NOT NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_serial_number_receipt_id" ON "serial_number" ("receipt_id") WHERE deleted_at IS NULL AND receipt_id IS NOT NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_serial_number_status_created" ON "serial_number" ("status", "created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "serial_series" ("id" text not null, "name" text not null, "pattern" text not null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "serial_series_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_serial_series_deleted_at" ON "serial_series" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_serial_series_name_unique" ON "serial_series" ("name") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "serial_series_counter" ("id" text not null, "series_id" text not null, "key" text not null, "value" integer not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "serial_series_counter_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_serial_series_counter_deleted_at" ON "serial_series_counter" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_serial_series_counter_series_key_unique" ON "serial_series_counter" ("series_id", "key") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "serial_settings" ("id" text not null, "variant_id" text not null, "is_serialized" boolean not null default false, "series_id" text null, "warranty_value" integer null, "warranty_unit" text check ("warranty_unit" in ('day', 'month', 'year')) null, "contract_value" integer null, "contract_unit" text check ("contract_unit" in ('day', 'month', 'year')) null, "fulfillment_policy" text check ("fulfillment_policy" in ('auto', 'strict')) null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "serial_settings_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_serial_settings_deleted_at" ON "serial_settings" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_serial_settings_variant_unique" ON "serial_settings" ("variant_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_serial_settings_series_id" ON "serial_settings" ("series_id") WHERE deleted_at IS NULL AND series_id IS NOT NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "serial_ledger_entry" cascade;`);

    this.addSql(`drop table if exists "serial_number" cascade;`);

    this.addSql(`drop table if exists "serial_series" cascade;`);

    this.addSql(`drop table if exists "serial_series_counter" cascade;`);

    this.addSql(`drop table if exists "serial_settings" cascade;`);
  }

}
