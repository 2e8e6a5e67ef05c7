import { model } from "@medusajs/framework/utils"

import { CLAIM_DECISIONS, CLAIM_STATUSES } from "../../../shared/statuses"

export { CLAIM_STATUSES }

/**
 * A warranty claim for one serial. Its coverage is computed by the server when the claim
 * is filed (never copied from what a client sends) and kept as it was then, so a claim
 * reads the same after the warranty has run out.
 */
const WarrantyClaim = model
  .define("warranty_claim", {
    id: model.id({ prefix: "snclm" }).primaryKey(),
    display_id: model.autoincrement(),
    serial_number_id: model.text(),
    /** The serial's text when the claim was filed. */
    serial_number: model.text().searchable(),
    customer_id: model.text().nullable(),
    description: model.text(),
    status: model.enum([...CLAIM_STATUSES]).default("open"),

    /** Coverage at filing: the maintenance status and the dates it came from. */
    maintenance_status: model.text().nullable(),
    covered: model.boolean().default(false),
    warranty_expires_at: model.dateTime().nullable(),
    contract_expires_at: model.dateTime().nullable(),
    filed_at: model.dateTime(),

    resolution: model.text().nullable(),
    /** The operator's decision (shared/statuses.ts), when and by whom it was taken. */
    decision: model.enum([...CLAIM_DECISIONS]).nullable(),
    decided_at: model.dateTime().nullable(),
    decided_by: model.text().nullable(),
    /** What a repair cost, in `currency_code` (a currency Medusa knows). */
    repair_cost: model.bigNumber().nullable(),
    currency_code: model.text().nullable(),
    /** The order the serial was sold in, and the Medusa return or exchange a decision opened on it. */
    order_id: model.text().nullable(),
    return_id: model.text().nullable(),
    exchange_id: model.text().nullable(),
    /** Photos and documents in Medusa's File Module: `StoredFile[]` (shared/attachments.ts). */
    attachments: model.json().nullable(),
    replacement_serial_number_id: model.text().nullable(),
    closed_at: model.dateTime().nullable(),
    created_by: model.text().nullable(),
    /**
     * The `Idempotency-Key` a storefront sent with the claim: the same key again from the
     * same customer answers this claim instead of filing a second one.
     */
    idempotency_key: model.text().nullable(),
    metadata: model.json().nullable(),
  })
  .indexes([
    { name: "IDX_warranty_claim_serial", on: ["serial_number_id"], where: "deleted_at IS NULL" },
    { name: "IDX_warranty_claim_status", on: ["status", "created_at"], where: "deleted_at IS NULL" },
    {
      name: "IDX_warranty_claim_idempotency_key",
      on: ["customer_id", "idempotency_key"],
      unique: true,
      where: "deleted_at IS NULL AND idempotency_key IS NOT NULL",
    },
    {
      name: "IDX_warranty_claim_customer",
      on: ["customer_id"],
      where: "deleted_at IS NULL AND customer_id IS NOT NULL",
    },
  ])

export default WarrantyClaim
