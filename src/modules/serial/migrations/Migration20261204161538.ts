import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * Storefront claims carry the `Idempotency-Key` they were sent with, unique per customer, so
 * a retried request answers the claim it filed instead of filing another.
 */
export class Migration20261204161538 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "warranty_claim" add column if not exists "idempotency_key" text null;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_warranty_claim_idempotency_key" ON "warranty_claim" ("customer_id", "idempotency_key") WHERE deleted_at IS NULL AND idempotency_key IS NOT NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_warranty_claim_idempotency_key";`);
    this.addSql(`alter table if exists "warranty_claim" drop column if exists "idempotency_key";`);
  }

}
