import { defineLink } from "@medusajs/framework/utils"
import ProductModule from "@medusajs/medusa/product"
import SerialModule from "../modules/serial"

// The other direction of the read-only link: a product with all its variants' serials, as
// `product.serials`. (Product and variant live in one module, so the two reverse links
// need different names: the variant's is `serial_numbers`.)
export default defineLink(
  { linkable: ProductModule.linkable.product, field: "id", isList: true },
  { ...SerialModule.linkable.serialNumber.id, primaryKey: "product_id", alias: "serial" },
  { readOnly: true }
)
