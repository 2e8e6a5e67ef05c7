import { defineLink } from "@medusajs/framework/utils"
import FulfillmentModule from "@medusajs/medusa/fulfillment"
import SerialModule from "../modules/serial"

// Read-only link: the serial stores the id, so query.graph joins without a link table.
export default defineLink(
  { linkable: SerialModule.linkable.serialNumber, field: "fulfillment_id" },
  FulfillmentModule.linkable.fulfillment,
  { readOnly: true }
)
