import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SERIAL_MODULE } from "../../modules/serial"
import type SerialModuleService from "../../modules/serial/service"
import type { SerialWriteOff } from "../../modules/serial/services/write-offs"
import type { ResolvedVariant } from "../utils/fetch-variants"

export const checkWrittenOffBeyondStockStepId = "check-written-off-beyond-stock-step"
/**
 * For a write-off of units whose stock was already lowered in Medusa by hand: after it,
 * every variant must still have at least as many serials in stock at each location as
 * Medusa counts there. Otherwise serials were written off that Medusa still counts, and
 * the step refuses (the write-off before it is undone), naming how many were beyond
 * Medusa's count. Read-only.
 */
export const checkWrittenOffBeyondStockStep = createStep(
  checkWrittenOffBeyondStockStepId,
  async ({ write_off, variants }: { write_off: SerialWriteOff; variants: Record<string, ResolvedVariant> }, { container }) => {
    const service: SerialModuleService = container.resolve(SERIAL_MODULE)
    const inventory = container.resolve(Modules.INVENTORY)
    const written = new Map<string, { variant_id: string; location_id: string; n: number }>()
    for (const s of write_off.serials) {
      if (s.from_status === "active" && s.from_location_id) {
        const key = `${s.variant_id}|${s.from_location_id}`
        const at = written.get(key) ?? { variant_id: s.variant_id, location_id: s.from_location_id, n: 0 }
        at.n += 1
        written.set(key, at)
      }
    }
    const problems: string[] = []
    for (const { variant_id, location_id, n } of written.values()) {
      const item = variants[variant_id]?.inventory_item_id
      if (!item) {
        continue
      }
      const [level] = await inventory.listInventoryLevels({ inventory_item_id: item, location_id })
      const stocked = Number(level?.stocked_quantity ?? 0)
      const remaining = (await service.countInStockByLocation(variant_id))[location_id] ?? 0
      if (remaining < stocked) {
        const beyond = Math.max(0, remaining + n - stocked)
        const label = variants[variant_id]?.sku ?? variant_id
        problems.push(
          `${label} at ${location_id}: Medusa still counts ${stocked} and ${remaining} serial${remaining === 1 ? "" : "s"} would remain; only ${beyond} of the ${n} written off ${beyond === 1 ? "is" : "are"} beyond Medusa's count (write the others off with stock lowered)`
        )
      }
    }
    if (problems.length) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, problems.join("; "))
    }
    return new StepResponse(undefined)
  }
)
