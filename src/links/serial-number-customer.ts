import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import SerialModule from "../modules/serial"

// Read-only link: the serial stores the id, so query.graph joins without a link table.
export default defineLink(
  { linkable: SerialModule.linkable.serialNumber, field: "customer_id" },
  CustomerModule.linkable.customer,
  { readOnly: true }
)
