import { model } from "@medusajs/framework/utils"
import { SERIAL_STATUSES } from "../lib/status-machine"

/**
 * One physical unit of a serialized variant. Where it is (status, stock location) changes
 * only through the status machine; ids of other modules' records are stored as plain
 * columns and exposed to `query.graph` through read-only links.
 */
const SerialNumber = model
  .define("serial_number", {
    id: model.id({ prefix: "sn" }).primaryKey(),
    /** As entered, trimmed. */
    serial_number: model.text().searchable(),
    /** Upper-cased serial: what uniqueness and look-ups compare. */
    normalized: model.text(),
    /**
     * Uniqueness scope: "" when serials are unique store-wide, the variant id when the
     * store chose per-variant uniqueness. Part of the unique index.
     */
    scope_key: model.text().default(""),
    variant_id: model.text(),
    product_id: model.text().nullable(),
    inventory_item_id: model.text().nullable(),
    status: model.enum([...SERIAL_STATUSES]).default("inactive"),
    stock_location_id: model.text().nullable(),
    series_id: model.text().nullable(),

    supplier_name: model.text().nullable(),
    supplier_reference: model.text().nullable(),
    receipt_id: model.text().nullable(),
    unit_cost: model.bigNumber().nullable(),
    received_at: model.dateTime().nullable(),

    customer_id: model.text().nullable(),
    order_id: model.text().nullable(),
    line_item_id: model.text().nullable(),
    fulfillment_id: model.text().nullable(),
    delivered_at: model.dateTime().nullable(),
    shipped_at: model.dateTime().nullable(),
    replaces_serial_number_id: model.text().nullable(),

    warranty_starts_at: model.dateTime().nullable(),
    warranty_expires_at: model.dateTime().nullable(),
    /** Set when an admin fixed the warranty by hand; stock flows then leave it alone. */
    warranty_overridden: model.boolean().default(false),
    contract_expires_at: model.dateTime().nullable(),
    end_of_life_at: model.dateTime().nullable(),

    notes: model.text().nullable(),
    metadata: model.json().nullable(),
  })
  .indexes([
    {
      name: "IDX_serial_number_normalized_scope_unique",
      on: ["normalized", "scope_key"],
      unique: true,
      where: "deleted_at IS NULL",
    },
    // Serials of a variant in a status, newest first (not by received_at: see
    // lib/serial-indexes.ts, the FIFO pick).
    {
      name: "IDX_serial_number_variant_status_created",
      on: ["variant_id", "status", "created_at", "id"],
      where: "deleted_at IS NULL",
    },
    // The first-in, first-out pick's index (received_at, then the serial text in byte
    // order, then id, among active serials of a variant at a location) orders by
    // `serial_number COLLATE "C"`, which this language cannot say: it is made by
    // Migration20261206000000 alone, as is the trigram index of the list's search.
    // A warranty-only variant's pool (its unowned `inactive` serials), oldest id first.
    {
      name: "IDX_serial_number_pool",
      on: ["variant_id", "id"],
      where: "deleted_at IS NULL AND status = 'inactive' AND customer_id IS NULL",
    },
    { name: "IDX_serial_number_product_id", on: ["product_id"], where: "deleted_at IS NULL" },
    {
      name: "IDX_serial_number_location_variant_status",
      on: ["stock_location_id", "variant_id", "status"],
      where: "deleted_at IS NULL AND stock_location_id IS NOT NULL",
    },
    {
      name: "IDX_serial_number_customer_id",
      on: ["customer_id"],
      where: "deleted_at IS NULL AND customer_id IS NOT NULL",
    },
    { name: "IDX_serial_number_order_id", on: ["order_id"], where: "deleted_at IS NULL AND order_id IS NOT NULL" },
    { name: "IDX_serial_number_receipt_id", on: ["receipt_id"], where: "deleted_at IS NULL AND receipt_id IS NOT NULL" },
    { name: "IDX_serial_number_series_id", on: ["series_id"], where: "deleted_at IS NULL AND series_id IS NOT NULL" },
    {
      name: "IDX_serial_number_replaces_serial_number_id",
      on: ["replaces_serial_number_id"],
      where: "deleted_at IS NULL AND replaces_serial_number_id IS NOT NULL",
    },
    // The admin list's sorts (src/shared/serial-list.ts): one `(column, id)` index each, so
    // that a page is one range of it, ties broken by id, NULLs included; by status, newest
    // first, for its most used filter.
    { name: "IDX_serial_number_status_created_id", on: ["status", "created_at", "id"], where: "deleted_at IS NULL" },
    { name: "IDX_serial_number_sort_serial_number", on: ["serial_number", "id"], where: "deleted_at IS NULL" },
    { name: "IDX_serial_number_sort_created_at", on: ["created_at", "id"], where: "deleted_at IS NULL" },
    { name: "IDX_serial_number_sort_received_at", on: ["received_at", "id"], where: "deleted_at IS NULL" },
    { name: "IDX_serial_number_sort_delivered_at", on: ["delivered_at", "id"], where: "deleted_at IS NULL" },
    // Also the daily job's and the expiry reports' look-up by date.
    { name: "IDX_serial_number_warranty_expires_id", on: ["warranty_expires_at", "id"], where: "deleted_at IS NULL" },
    // The contract-expiry report's keyset order (lib/serial-indexes.ts).
    {
      name: "IDX_serial_number_contract_expires_id",
      on: ["contract_expires_at", "id"],
      where: "deleted_at IS NULL AND contract_expires_at IS NOT NULL",
    },
    // The end-of-life pass's keyset order, holding only serials still to expire (lib/serial-indexes.ts).
    {
      name: "IDX_serial_number_end_of_life_due",
      on: ["end_of_life_at", "id"],
      where: "deleted_at IS NULL AND end_of_life_at IS NOT NULL AND status NOT IN ('expired', 'scrapped')",
    },
  ])

export default SerialNumber
