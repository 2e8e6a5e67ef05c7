import { defineLink } from "@medusajs/framework/utils"
import StockLocationModule from "@medusajs/medusa/stock-location"
import SerialModule from "../modules/serial"

// The other direction of the read-only link: a stockLocation with its serial numbers.
export default defineLink(
  { linkable: StockLocationModule.linkable.stockLocation, field: "id", isList: true },
  { ...SerialModule.linkable.serialNumber.id, primaryKey: "stock_location_id" },
  { readOnly: true }
)
