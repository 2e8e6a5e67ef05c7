import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { SERIAL_MODULE } from "../../modules/serial"
import type { MedusaStockLevel } from "../../modules/serial/types"
import type SerialModuleService from "../../modules/serial/service"

export type SerializedStock = {
  /** Serialized variants whose stock Medusa tracks on an item of their own. */
  variant_ids: string[]
  stock_levels: MedusaStockLevel[]
}

/**
 * Medusa's stocked quantity per serialized variant and location, read from the product
 * and inventory modules in two queries, for the consistency check. Variants without
 * managed inventory, and items shared by several variants (kits: their units cannot be
 * told apart per variant), are left out, as the stock reconciliation leaves them alone.
 */
export async function readSerializedStock(container: { resolve: (key: string) => any }): Promise<SerializedStock> {
  const service: SerialModuleService = container.resolve(SERIAL_MODULE)
  const serialized = await service.listSerializedVariantIds()
  if (!serialized.length) {
    return { variant_ids: [], stock_levels: [] }
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: variants } = await query.graph({
    entity: "product_variant",
    fields: ["id", "manage_inventory", "inventory_items.inventory_item_id"],
    filters: { id: serialized },
  })
  const itemOf = new Map<string, string>()
  for (const v of variants as any[]) {
    const items = (v.inventory_items ?? []).filter(Boolean)
    if (v.manage_inventory && items.length === 1) {
      itemOf.set(v.id, items[0].inventory_item_id)
    }
  }
  if (!itemOf.size) {
    return { variant_ids: [], stock_levels: [] }
  }
  const { data: items } = await query.graph({
    entity: "inventory_item",
    fields: ["id", "variants.id", "location_levels.location_id", "location_levels.stocked_quantity"],
    filters: { id: [...new Set(itemOf.values())] },
  })
  const byItem = new Map((items as any[]).map((i) => [i.id, i]))
  const variantIds: string[] = []
  const levels: MedusaStockLevel[] = []
  for (const [variantId, itemId] of itemOf) {
    const item = byItem.get(itemId)
    if (!item || (item.variants ?? []).filter(Boolean).length !== 1) {
      continue
    }
    variantIds.push(variantId)
    for (const l of (item.location_levels ?? []).filter(Boolean)) {
      levels.push({ variant_id: variantId, location_id: l.location_id, stocked_quantity: Number(l.stocked_quantity) })
    }
  }
  return { variant_ids: variantIds.sort(), stock_levels: levels }
}
