import { defineLink } from "@medusajs/framework/utils"
import OrderModule from "@medusajs/medusa/order"
import SerialModule from "../modules/serial"

// Read-only link: the serial stores the id, so query.graph joins without a link table.
export default defineLink(
  { linkable: SerialModule.linkable.serialNumber, field: "order_id" },
  OrderModule.linkable.order,
  { readOnly: true }
)
