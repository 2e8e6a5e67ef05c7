import { model } from "@medusajs/framework/utils"

/** A naming pattern such as `SN-{YYYY}-#####` that generates serials for variants. */
const SerialSeries = model
  .define("serial_series", {
    id: model.id({ prefix: "snser" }).primaryKey(),
    name: model.text().searchable(),
    pattern: model.text().searchable(),
    metadata: model.json().nullable(),
  })
  .indexes([
    { name: "IDX_serial_series_name_unique", on: ["name"], unique: true, where: "deleted_at IS NULL" },
  ])

export default SerialSeries
