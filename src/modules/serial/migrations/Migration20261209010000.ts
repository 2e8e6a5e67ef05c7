import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * Files through Medusa's File Module (shared/attachments.ts): a claim's photos and
 * documents, a registration's proof of purchase. Rows before have none.
 */
export class Migration20261209010000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "warranty_claim" add column if not exists "attachments" jsonb null;`);
    this.addSql(`alter table if exists "serial_registration" add column if not exists "proof_of_purchase" jsonb null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "warranty_claim" drop column if exists "attachments";`);
    this.addSql(`alter table if exists "serial_registration" drop column if exists "proof_of_purchase";`);
  }

}
