import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { CatalogueVariant, SerialImportCatalogue } from "../../modules/serial/lib/import-engine"

/** Ids and SKUs per query: keeps each `IN (...)` list and answer small. */
const CHUNK = 500

/**
 * The catalogue facts a serial import needs, read from Medusa's product, stock location and
 * inventory modules through `query.graph`.
 */
export function serialImportCatalogue(container: MedusaContainer): SerialImportCatalogue {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)

  const variants = async (filters: Record<string, string[]>): Promise<CatalogueVariant[]> => {
    const [key, values] = Object.entries(filters)[0]
    const out: CatalogueVariant[] = []
    for (const chunk of chunks(values)) {
      const { data } = await query.graph({
        entity: "product_variant",
        fields: ["id", "sku", "product_id", "manage_inventory", "inventory_items.inventory_item_id"],
        filters: { [key]: chunk },
      })
      for (const v of data as any[]) {
        out.push({
          id: v.id,
          sku: v.sku ?? null,
          product_id: v.product_id ?? null,
          inventory_item_id: v.inventory_items?.[0]?.inventory_item_id ?? null,
          manage_inventory: !!v.manage_inventory,
        })
      }
    }
    return out
  }

  return {
    variantsByIds: (ids) => variants({ id: ids }),
    variantsBySkus: (skus) => variants({ sku: skus }),

    async locationsByIdsOrNames(refs) {
      const out = new Map<string, { id: string; name: string | null }>()
      for (const chunk of chunks(refs)) {
        for (const filters of [{ id: chunk }, { name: chunk }]) {
          const { data } = await query.graph({ entity: "stock_location", fields: ["id", "name"], filters })
          for (const l of data as any[]) {
            out.set(l.id, { id: l.id, name: l.name ?? null })
          }
        }
      }
      return [...out.values()]
    },

    async stockedQuantities(pairs) {
      const out: Array<{ inventory_item_id: string; location_id: string; stocked_quantity: number }> = []
      for (const chunk of chunks(pairs)) {
        const { data } = await query.graph({
          entity: "inventory_level",
          fields: ["inventory_item_id", "location_id", "stocked_quantity"],
          filters: {
            inventory_item_id: [...new Set(chunk.map((p) => p.inventory_item_id))],
            location_id: [...new Set(chunk.map((p) => p.location_id))],
          },
        })
        for (const l of data as any[]) {
          out.push({ inventory_item_id: l.inventory_item_id, location_id: l.location_id, stocked_quantity: Number(l.stocked_quantity) })
        }
      }
      return out
    },
  }
}

function chunks<T>(values: T[]): T[][] {
  const out: T[][] = []
  for (let i = 0; i < values.length; i += CHUNK) {
    out.push(values.slice(i, i + CHUNK))
  }
  return out
}
