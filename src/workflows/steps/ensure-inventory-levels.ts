import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

type Pair = { inventory_item_id: string; location_id: string }

export const ensureInventoryLevelsStepId = "ensure-inventory-levels-step"
/**
 * Creates the inventory levels stock is about to be added to, where an item is not yet
 * stocked at the location (Medusa's adjustment needs the level to exist). Two receipts
 * arriving at once (on any process) may both find a level missing: the one that loses the
 * race finds it created by the other and goes on.
 *
 * No compensation: a level this receipt created may already carry another receipt's stock,
 * or be about to (that receipt found it here and relies on it), so deleting it when this
 * receipt fails would lose that stock. A level left behind by a failed receipt holds 0.
 */
export const ensureInventoryLevelsStep = createStep(
  ensureInventoryLevelsStepId,
  async (pairs: Pair[], { container }) => {
    const inventory = container.resolve(Modules.INVENTORY)
    const unique = [...new Map(pairs.map((p) => [`${p.inventory_item_id}|${p.location_id}`, p])).values()]
    const findMissing = async () => {
      const existing = await inventory.listInventoryLevels({
        inventory_item_id: unique.map((p) => p.inventory_item_id),
        location_id: [...new Set(unique.map((p) => p.location_id))],
      })
      const have = new Set(existing.map((l) => `${l.inventory_item_id}|${l.location_id}`))
      return unique.filter((p) => !have.has(`${p.inventory_item_id}|${p.location_id}`))
    }
    const missing = await findMissing()
    if (!missing.length) {
      return new StepResponse([])
    }
    try {
      const created = await inventory.createInventoryLevels(missing.map((p) => ({ ...p, stocked_quantity: 0 })))
      const ids = created.map((l) => l.id)
      return new StepResponse(ids)
    } catch (e) {
      // The batch failed as a whole, so this step created nothing. Fine if another
      // transaction created the same levels meanwhile; anything else is a real error.
      if ((await findMissing()).length) {
        throw e
      }
      return new StepResponse([])
    }
  }
)
