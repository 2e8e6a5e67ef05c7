import { adjustInventoryLevelsStep, emitEventStep } from "@medusajs/medusa/core-flows"
import { createHook, createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { SerialEvents } from "../modules/serial/events"
import type { ScrapSerialsInput } from "../modules/serial/services/write-offs"
import { checkWrittenOffBeyondStockStep } from "./steps/check-written-off-beyond-stock"
import { resolveVariantsStep } from "./steps/resolve-variants"
import { scrapSerialsStep } from "./steps/scrap-serials"
import type { ResolvedVariant } from "./utils/fetch-variants"

export const scrapSerialsWorkflowId = "scrap-serials-workflow"
/**
 * `POST /admin/serial-numbers/scrap`: serials written off (damaged, lost, stolen). Each one
 * that was in stock lowers Medusa's stocked quantity by one at its location, in the same
 * workflow, so the count and the serials stay equal and nothing is left counted that is
 * gone. With `stock_already_lowered` (an admin lowered Medusa's stock by hand, and now
 * picks which serials left) the stock is not lowered again, and the write-off is refused
 * unless those serials were beyond Medusa's count. Emits `serial_number.scrapped` and
 * `serial_number.status_changed`. Every problem
 * with the serials is named in one 400, and nothing changes. Hook `serialsScrapped`
 * ({ write_off }): a store's own rule that throws undoes the write-off, stock included.
 */
export const scrapSerialsWorkflow = createWorkflow(scrapSerialsWorkflowId, (input: ScrapSerialsInput) => {
  const writeOff = scrapSerialsStep(input)
  const variantIds = transform({ writeOff }, ({ writeOff }) => [...new Set(writeOff.serials.map((s) => s.variant_id))])
  const variants = resolveVariantsStep(variantIds)

  const adjustments = transform({ writeOff, variants, input }, ({ writeOff, variants, input }) => {
    if (input.stock_already_lowered) {
      return []
    }
    const byId = variants as Record<string, ResolvedVariant>
    const units = new Map<string, { inventory_item_id: string; location_id: string; adjustment: number }>()
    for (const s of writeOff.serials) {
      const item = byId[s.variant_id]?.inventory_item_id
      // Only units in stock are counted in Medusa (reserved ones are refused).
      if (item && s.from_status === "active" && s.from_location_id) {
        const key = `${item}|${s.from_location_id}`
        const at = units.get(key) ?? { inventory_item_id: item, location_id: s.from_location_id, adjustment: 0 }
        at.adjustment -= 1
        units.set(key, at)
      }
    }
    return [...units.values()]
  })
  adjustInventoryLevelsStep(adjustments)
  when({ input }, ({ input }) => !!input.stock_already_lowered).then(() => {
    checkWrittenOffBeyondStockStep({ write_off: writeOff, variants: variants as Record<string, ResolvedVariant> })
  })

  const serialsScrapped = createHook("serialsScrapped", { write_off: writeOff })

  emitEventStep({
    eventName: SerialEvents.SCRAPPED,
    data: transform({ writeOff }, ({ writeOff }) => ({
      ids: writeOff.serials.map((s) => s.id),
      write_off_id: writeOff.id,
      reason: writeOff.reason,
    })),
  })
  emitEventStep({
    eventName: SerialEvents.STATUS_CHANGED,
    data: transform({ writeOff }, ({ writeOff }) => ({ ids: writeOff.serials.map((s) => s.id), movement: "scrap", to_status: "scrapped" })),
  }).config({ name: "emit-serial-status-changed" })
  return new WorkflowResponse(writeOff, { hooks: [serialsScrapped] })
})
