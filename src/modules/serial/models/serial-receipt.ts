import { model } from "@medusajs/framework/utils"

/**
 * A purchase receipt: stock arriving from a supplier at one location, with the serials of
 * every unit. Medusa has no purchasing, so the plugin keeps this small document itself.
 */
export const SerialReceipt = model
  .define("serial_receipt", {
    id: model.id({ prefix: "snrcpt" }).primaryKey(),
    display_id: model.autoincrement(),
    status: model.enum(["posted", "canceled"]).default("posted"),
    stock_location_id: model.text(),
    /** None for opening stock and units found in a count. */
    supplier_name: model.text().searchable().nullable(),
    /** PO or invoice number. */
    supplier_reference: model.text().searchable().nullable(),
    received_at: model.dateTime(),
    canceled_at: model.dateTime().nullable(),
    notes: model.text().nullable(),
    created_by: model.text().nullable(),
    metadata: model.json().nullable(),
    lines: model.hasMany(() => SerialReceiptLine, { mappedBy: "receipt" }),
  })
  .cascades({ delete: ["lines"] })
  .indexes([
    { name: "IDX_serial_receipt_location", on: ["stock_location_id"], where: "deleted_at IS NULL" },
    { name: "IDX_serial_receipt_received_at", on: ["received_at"], where: "deleted_at IS NULL" },
  ])

export const SerialReceiptLine = model
  .define("serial_receipt_line", {
    id: model.id({ prefix: "snrcln" }).primaryKey(),
    receipt: model.belongsTo(() => SerialReceipt, { mappedBy: "lines" }),
    variant_id: model.text(),
    product_id: model.text().nullable(),
    inventory_item_id: model.text(),
    quantity: model.number(),
    unit_cost: model.bigNumber().nullable(),
  })
  .indexes([{ name: "IDX_serial_receipt_line_variant", on: ["variant_id"], where: "deleted_at IS NULL" }])
