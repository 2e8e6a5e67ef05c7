import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { StockLevelFacts } from "../../modules/serial/types"

export const readStockLevelStepId = "read-stock-level-step"
/**
 * Reads an inventory level with the variants of its item. An item shared by several
 * variants (a kit) is left alone: its units cannot be told apart per variant. Read-only.
 */
export const readStockLevelStep = createStep(
  readStockLevelStepId,
  async (inventoryLevelId: string, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: levels } = await query.graph({
      entity: "inventory_level",
      fields: ["id", "location_id", "stocked_quantity", "inventory_item_id"],
      filters: { id: inventoryLevelId },
    })
    const level = levels[0] as any
    if (!level) {
      return new StepResponse(null)
    }
    const { data: items } = await query.graph({
      entity: "inventory_item",
      fields: ["id", "variants.id", "variants.sku", "variants.product_id"],
      filters: { id: level.inventory_item_id },
    })
    const variants = ((items[0] as any)?.variants ?? []).filter(Boolean)
    if (variants.length !== 1) {
      return new StepResponse(null)
    }
    const facts: StockLevelFacts = {
      inventory_level_id: level.id,
      location_id: level.location_id,
      stocked_quantity: Number(level.stocked_quantity),
      variant: {
        id: variants[0].id,
        sku: variants[0].sku ?? null,
        product_id: variants[0].product_id ?? null,
        inventory_item_id: level.inventory_item_id,
      },
    }
    return new StepResponse(facts)
  }
)
