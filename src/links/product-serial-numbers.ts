import { defineLink } from "@medusajs/framework/utils"
import ProductModule from "@medusajs/medusa/product"
import SerialModule from "../modules/serial"

// The other direction of the read-only link: a product with its serial numbers.
export default defineLink(
  { linkable: ProductModule.linkable.product, field: "id", isList: true },
  { ...SerialModule.linkable.serialNumber.id, primaryKey: "product_id" },
  { readOnly: true }
)
