import { model } from "@medusajs/framework/utils"

export const REGISTRATION_STATUSES = ["pending", "approved", "rejected"] as const

/**
 * A customer's registration of a serial bought elsewhere, awaiting an admin's decision
 * (plugin option `registration_requires_approval`). Approving gives the serial to the
 * customer with a warranty from `purchased_at`; rejecting leaves the serial as it was.
 */
const SerialRegistration = model
  .define("serial_registration", {
    id: model.id({ prefix: "snreg" }).primaryKey(),
    serial_number_id: model.text(),
    /** The serial's text when it was registered. */
    serial_number: model.text(),
    customer_id: model.text(),
    purchased_at: model.dateTime(),
    status: model.enum([...REGISTRATION_STATUSES]).default("pending"),
    decided_at: model.dateTime().nullable(),
    decided_by: model.text().nullable(),
    note: model.text().nullable(),
    /** The customer's receipt or invoice in Medusa's File Module: a `StoredFile` (shared/attachments.ts). */
    proof_of_purchase: model.json().nullable(),
  })
  .indexes([
    { name: "IDX_serial_registration_status", on: ["status", "created_at"], where: "deleted_at IS NULL" },
    { name: "IDX_serial_registration_customer", on: ["customer_id"], where: "deleted_at IS NULL" },
    { name: "IDX_serial_registration_serial", on: ["serial_number_id"], where: "deleted_at IS NULL" },
  ])

export default SerialRegistration
