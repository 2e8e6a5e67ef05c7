import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * Claim decisions (models/warranty-claim.ts): the decision, who took it and when, a
 * repair's cost and currency, and the order, return and exchange a decision opened.
 * Claims decided before keep nulls: their status says what happened.
 */
export class Migration20261209000000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "warranty_claim" add column if not exists "decision" text check ("decision" in ('approve', 'reject', 'repair', 'replace', 'return')) null, add column if not exists "decided_at" timestamptz null, add column if not exists "decided_by" text null, add column if not exists "repair_cost" numeric null, add column if not exists "raw_repair_cost" jsonb null, add column if not exists "currency_code" text null, add column if not exists "order_id" text null, add column if not exists "return_id" text null, add column if not exists "exchange_id" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "warranty_claim" drop column if exists "decision", drop column if exists "decided_at", drop column if exists "decided_by", drop column if exists "repair_cost", drop column if exists "raw_repair_cost", drop column if exists "currency_code", drop column if exists "order_id", drop column if exists "return_id", drop column if exists "exchange_id";`);
  }

}
