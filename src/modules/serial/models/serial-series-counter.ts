import { model } from "@medusajs/framework/utils"

/**
 * The last value issued by a series for one resolved key (the pattern with its date and
 * SKU filled in), so `SN-{YYYY}-#####` counts from 1 again each year. Advanced by one
 * atomic upsert per block (see the series allocation in the service).
 */
const SerialSeriesCounter = model
  .define("serial_series_counter", {
    id: model.id({ prefix: "sncnt" }).primaryKey(),
    series_id: model.text(),
    key: model.text(),
    /** bigint in the database (Migration20261205090000); read as a BigInt. */
    value: model.number().default(0),
  })
  .indexes([
    {
      name: "IDX_serial_series_counter_series_key_unique",
      on: ["series_id", "key"],
      unique: true,
      where: "deleted_at IS NULL",
    },
  ])

export default SerialSeriesCounter
