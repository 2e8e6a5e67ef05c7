import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"

export type ResolvedVariant = {
  id: string
  sku: string | null
  product_id: string
  inventory_item_id: string | null
  manage_inventory: boolean
}

/** The variants by id, from the product module; a NOT_FOUND error names any unknown id. */
export async function fetchVariants(
  container: { resolve: (key: string) => any },
  variantIds: string[]
): Promise<Record<string, ResolvedVariant>> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const ids = [...new Set(variantIds)]
  const { data } = await query.graph({
    entity: "product_variant",
    fields: ["id", "sku", "product_id", "manage_inventory", "inventory_items.inventory_item_id"],
    filters: { id: ids },
  })
  const found = new Map<string, ResolvedVariant>()
  for (const v of data as any[]) {
    found.set(v.id, {
      id: v.id,
      sku: v.sku ?? null,
      product_id: v.product_id,
      manage_inventory: !!v.manage_inventory,
      inventory_item_id: v.inventory_items?.[0]?.inventory_item_id ?? null,
    })
  }
  const missing = ids.filter((id) => !found.has(id))
  if (missing.length) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Product variant${missing.length > 1 ? "s" : ""} not found: ${missing.join(", ")}`
    )
  }
  return Object.fromEntries(found)
}
