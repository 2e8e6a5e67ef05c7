import { defineLink } from "@medusajs/framework/utils"
import OrderModule from "@medusajs/medusa/order"
import SerialModule from "../modules/serial"

// The other direction of the read-only link: a order with its serial numbers.
export default defineLink(
  { linkable: OrderModule.linkable.order, field: "id", isList: true },
  { ...SerialModule.linkable.serialNumber.id, primaryKey: "order_id" },
  { readOnly: true }
)
