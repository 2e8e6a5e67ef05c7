import { defineLink } from "@medusajs/framework/utils"
import ProductModule from "@medusajs/medusa/product"
import SerialModule from "../modules/serial"

// The other direction of the read-only link: a productVariant with its serial numbers.
export default defineLink(
  { linkable: ProductModule.linkable.productVariant, field: "id", isList: true },
  { ...SerialModule.linkable.serialNumber.id, primaryKey: "variant_id" },
  { readOnly: true }
)
