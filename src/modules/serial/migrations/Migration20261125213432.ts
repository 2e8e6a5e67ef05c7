import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261125213432 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "serial_registration" ("id" text not null, "serial_number_id" text not null, "serial_number" text not null, "customer_id" text not null, "purchased_at" timestamptz not null, "status" text check ("status" in ('pending', 'approved', 'rejected')) not null default 'pending', "decided_at" timestamptz null, "decided_by" text null, "note" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "serial_registration_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_serial_registration_deleted_at" ON "serial_registration" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_serial_registration_status" ON "serial_registration" ("status", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_serial_registration_customer" ON "serial_registration" ("customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_serial_registration_serial" ON "serial_registration" ("serial_number_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "serial_registration" cascade;`);
  }

}
