import { createProductsWorkflow } from "@medusajs/core-flows"
import type { MedusaContainer } from "@medusajs/framework/types"

/** A product with one variant (SKU given) through Medusa's own product workflow. */
export async function createProductWithVariant(
  container: MedusaContainer,
  { title, sku }: { title: string; sku: string }
) {
  const { result } = await createProductsWorkflow(container).run({
    input: {
      products: [
        {
          title,
          status: "published",
          options: [{ title: "Default", values: ["Default"] }],
          variants: [
            {
              title: `${title} default`,
              sku,
              manage_inventory: true,
              options: { Default: "Default" },
              prices: [{ amount: 10000, currency_code: "eur" }],
            },
          ],
        },
      ],
    },
  })
  const product = result[0]
  return { product, variant: product.variants[0] }
}
