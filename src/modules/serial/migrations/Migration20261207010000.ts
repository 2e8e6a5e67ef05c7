import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** The consistency check's runs (models/serial-consistency-run.ts): one row per run, its checkpoint and its report. */
export class Migration20261207010000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "serial_consistency_run" ("id" text not null, "status" text not null, "trigger" text not null, "problem_limit" integer not null, "cursor" text not null default '', "progress" jsonb not null, "found" jsonb not null, "report" jsonb null, "error" text null, "heartbeat_at" timestamptz not null, "finished_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "serial_consistency_run_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_serial_consistency_run_deleted_at" ON "serial_consistency_run" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_serial_consistency_run_one_running" ON "serial_consistency_run" ("status") WHERE status = 'running' AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_serial_consistency_run_created" ON "serial_consistency_run" ("created_at", "id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "serial_consistency_run" cascade;`);
  }

}
