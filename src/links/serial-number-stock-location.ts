import { defineLink } from "@medusajs/framework/utils"
import StockLocationModule from "@medusajs/medusa/stock-location"
import SerialModule from "../modules/serial"

// Read-only link: the serial stores the id, so query.graph joins without a link table.
export default defineLink(
  { linkable: SerialModule.linkable.serialNumber, field: "stock_location_id" },
  StockLocationModule.linkable.stockLocation,
  { readOnly: true }
)
