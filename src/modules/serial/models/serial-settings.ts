import { model } from "@medusajs/framework/utils"

/** Serial rules of one product variant. A variant without a row is not serialized. */
const SerialSettings = model
  .define("serial_settings", {
    id: model.id({ prefix: "snset" }).primaryKey(),
    variant_id: model.text(),
    is_serialized: model.boolean().default(false),
    series_id: model.text().nullable(),
    warranty_value: model.number().nullable(),
    warranty_unit: model.enum(["day", "month", "year"]).nullable(),
    contract_value: model.number().nullable(),
    contract_unit: model.enum(["day", "month", "year"]).nullable(),
    /** null: the plugin's `default_fulfillment_policy` applies. */
    fulfillment_policy: model.enum(["auto", "strict"]).nullable(),
  })
  .indexes([
    { name: "IDX_serial_settings_variant_unique", on: ["variant_id"], unique: true, where: "deleted_at IS NULL" },
    { name: "IDX_serial_settings_series_id", on: ["series_id"], where: "deleted_at IS NULL AND series_id IS NOT NULL" },
  ])

export default SerialSettings
