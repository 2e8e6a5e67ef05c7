import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261125205655 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "serial_notification" drop constraint if exists "serial_notification_unique";`);
    this.addSql(`alter table if exists "maintenance_schedule_serial" drop constraint if exists "maintenance_schedule_serial_unique";`);
    this.addSql(`create table if not exists "maintenance_schedule" ("id" text not null, "display_id" serial, "type" text check ("type" in ('warranty', 'amc', 'preventive')) not null, "periodicity" text check ("periodicity" in ('weekly', 'monthly', 'quarterly', 'half_yearly', 'yearly', 'custom', 'manual')) not null, "interval_value" integer null, "interval_unit" text check ("interval_unit" in ('day', 'week', 'month')) null, "start_date" timestamptz not null, "end_date" timestamptz null, "visit_count" integer null, "first_visit_on_start" boolean not null default false, "assignee" text null, "status" text check ("status" in ('active', 'cancelled', 'completed')) not null default 'active', "customer_id" text null, "cancelled_at" timestamptz null, "completed_at" timestamptz null, "notes" text null, "created_by" text null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "maintenance_schedule_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_maintenance_schedule_deleted_at" ON "maintenance_schedule" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_maintenance_schedule_status" ON "maintenance_schedule" ("status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_maintenance_schedule_customer_id" ON "maintenance_schedule" ("customer_id") WHERE deleted_at IS NULL AND customer_id IS NOT NULL;`);

    this.addSql(`create table if not exists "maintenance_schedule_serial" ("id" text not null, "schedule_id" text not null, "serial_number_id" text not null, "previous_contract_expires_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "maintenance_schedule_serial_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_maintenance_schedule_serial_schedule_id" ON "maintenance_schedule_serial" ("schedule_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_maintenance_schedule_serial_deleted_at" ON "maintenance_schedule_serial" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_maintenance_schedule_serial_unique" ON "maintenance_schedule_serial" ("schedule_id", "serial_number_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_maintenance_schedule_serial_serial" ON "maintenance_schedule_serial" ("serial_number_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "maintenance_visit" ("id" text not null, "schedule_id" text null, "serial_number_id" text not null, "scheduled_date" timestamptz not null, "status" text check ("status" in ('pending', 'completed', 'partially_completed', 'cancelled')) not null default 'pending', "kind" text check ("kind" in ('scheduled', 'unscheduled', 'breakdown')) not null default 'scheduled', "completed_at" timestamptz null, "technician" text null, "notes" text null, "warranty_claim_id" text null, "created_by" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "maintenance_visit_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_maintenance_visit_schedule_id" ON "maintenance_visit" ("schedule_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_maintenance_visit_deleted_at" ON "maintenance_visit" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_maintenance_visit_status_date" ON "maintenance_visit" ("status", "scheduled_date") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_maintenance_visit_serial" ON "maintenance_visit" ("serial_number_id", "scheduled_date") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_maintenance_visit_claim" ON "maintenance_visit" ("warranty_claim_id") WHERE deleted_at IS NULL AND warranty_claim_id IS NOT NULL;`);

    this.addSql(`create table if not exists "serial_notification" ("id" text not null, "kind" text not null, "subject_id" text not null, "key" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "serial_notification_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_serial_notification_deleted_at" ON "serial_notification" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_serial_notification_unique" ON "serial_notification" ("kind", "subject_id", "key") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "warranty_claim" ("id" text not null, "display_id" serial, "serial_number_id" text not null, "serial_number" text not null, "customer_id" text null, "description" text not null, "status" text check ("status" in ('open', 'in_progress', 'resolved', 'rejected')) not null default 'open', "maintenance_status" text null, "covered" boolean not null default false, "warranty_expires_at" timestamptz null, "contract_expires_at" timestamptz null, "filed_at" timestamptz not null, "resolution" text null, "replacement_serial_number_id" text null, "closed_at" timestamptz null, "created_by" text null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "warranty_claim_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_warranty_claim_deleted_at" ON "warranty_claim" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_warranty_claim_serial" ON "warranty_claim" ("serial_number_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_warranty_claim_status" ON "warranty_claim" ("status", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_warranty_claim_customer" ON "warranty_claim" ("customer_id") WHERE deleted_at IS NULL AND customer_id IS NOT NULL;`);

    this.addSql(`alter table if exists "maintenance_schedule_serial" add constraint "maintenance_schedule_serial_schedule_id_foreign" foreign key ("schedule_id") references "maintenance_schedule" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table if exists "maintenance_visit" add constraint "maintenance_visit_schedule_id_foreign" foreign key ("schedule_id") references "maintenance_schedule" ("id") on update cascade on delete cascade;`);

    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_serial_number_warranty_expires_at" ON "serial_number" ("warranty_expires_at") WHERE deleted_at IS NULL AND warranty_expires_at IS NOT NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_serial_number_contract_expires_at" ON "serial_number" ("contract_expires_at") WHERE deleted_at IS NULL AND contract_expires_at IS NOT NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_serial_number_end_of_life_at" ON "serial_number" ("end_of_life_at") WHERE deleted_at IS NULL AND end_of_life_at IS NOT NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "maintenance_schedule_serial" drop constraint if exists "maintenance_schedule_serial_schedule_id_foreign";`);

    this.addSql(`alter table if exists "maintenance_visit" drop constraint if exists "maintenance_visit_schedule_id_foreign";`);

    this.addSql(`drop table if exists "maintenance_schedule" cascade;`);

    this.addSql(`drop table if exists "maintenance_schedule_serial" cascade;`);

    this.addSql(`drop table if exists "maintenance_visit" cascade;`);

    this.addSql(`drop table if exists "serial_notification" cascade;`);

    this.addSql(`drop table if exists "warranty_claim" cascade;`);

    this.addSql(`drop index if exists "IDX_serial_number_warranty_expires_at";`);
    this.addSql(`drop index if exists "IDX_serial_number_contract_expires_at";`);
    this.addSql(`drop index if exists "IDX_serial_number_end_of_life_at";`);
  }

}
