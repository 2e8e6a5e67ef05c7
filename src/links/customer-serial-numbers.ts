import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import SerialModule from "../modules/serial"

// The other direction of the read-only link: a customer with its serial numbers.
export default defineLink(
  { linkable: CustomerModule.linkable.customer, field: "id", isList: true },
  { ...SerialModule.linkable.serialNumber.id, primaryKey: "customer_id" },
  { readOnly: true }
)
