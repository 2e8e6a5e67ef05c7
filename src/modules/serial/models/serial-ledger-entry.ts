import { model } from "@medusajs/framework/utils"

/**
 * History of a serial: one row per movement or change, written in the same transaction
 * as the change itself, and never updated. Rows are deleted in two cases only: when a
 * workflow step that wrote them is compensated (its change is undone, so the history of
 * it goes too: by the `operation_id` the step wrote them with), and with serials a failed
 * step had created, which go entirely. Written only by repositories/serial-ledger-entry.ts.
 */
const SerialLedgerEntry = model
  .define("serial_ledger_entry", {
    id: model.id({ prefix: "snled" }).primaryKey(),
    /** The change that wrote the row (`snop_...`): what undoing that change deletes by. */
    operation_id: model.text().nullable(),
    serial_number_id: model.text(),
    /** The serial's text at the time, so the ledger reads on its own. */
    serial_number: model.text(),
    /** A status-machine movement, or `update` / `warranty_override` / `delete`. */
    type: model.text(),
    from_status: model.text().nullable(),
    to_status: model.text().nullable(),
    from_location_id: model.text().nullable(),
    to_location_id: model.text().nullable(),
    /** purchase_receipt, order, fulfillment, return, claim, import, manual, inventory */
    reference_type: model.text().nullable(),
    reference_id: model.text().nullable(),
    actor_type: model.text().nullable(),
    actor_id: model.text().nullable(),
    data: model.json().nullable(),
  })
  .indexes([
    { name: "IDX_serial_ledger_entry_serial_created", on: ["serial_number_id", "created_at"], where: "deleted_at IS NULL" },
    { name: "IDX_serial_ledger_entry_reference", on: ["reference_type", "reference_id"], where: "deleted_at IS NULL" },
    // The ledger report's keyset order (lib/serial-indexes.ts, Migration20261207000000).
    { name: "IDX_serial_ledger_entry_created_id", on: ["created_at", "id"], where: "deleted_at IS NULL" },
    { name: "IDX_serial_ledger_entry_operation", on: ["operation_id"], where: "operation_id IS NOT NULL" },
    // The ledger report's location filter: entries from or to a location, by date.
    {
      name: "IDX_serial_ledger_entry_from_location",
      on: ["from_location_id", "created_at", "id"],
      where: "deleted_at IS NULL AND from_location_id IS NOT NULL",
    },
    {
      name: "IDX_serial_ledger_entry_to_location",
      on: ["to_location_id", "created_at", "id"],
      where: "deleted_at IS NULL AND to_location_id IS NOT NULL",
    },
  ])

export default SerialLedgerEntry
