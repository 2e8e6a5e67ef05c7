import { adjustInventoryLevelsStep, emitEventStep } from "@medusajs/medusa/core-flows"
import { createHook, createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { AdminStockTake } from "../shared/http/admin"
import { SerialEvents } from "../modules/serial/events"
import type { ConfirmStockTakeInput } from "../modules/serial/services/stock-takes"
import { postSerialReceiptWorkflow } from "./post-serial-receipt"
import { applyStockTakeStep } from "./steps/apply-stock-take"
import { ensureInventoryLevelsStep } from "./steps/ensure-inventory-levels"
import { resolveStockLocationStep } from "./steps/resolve-stock-location"
import { resolveVariantsStep } from "./steps/resolve-variants"
import type { ResolvedVariant } from "./utils/fetch-variants"

export const confirmStockTakeWorkflowId = "confirm-stock-take-workflow"
/**
 * `POST /admin/serial-stock-takes`: a count at one location makes the books match the
 * shelf, Medusa's stock included, in one workflow:
 * - serials found here but in stock elsewhere are transferred here (stock -1 there, +1 here);
 * - serials held here and not found are written off as lost (stock -1 here);
 * - serials found that are in stock nowhere (existing `inactive` ones, and unknown ones
 *   given a variant) are received here by a receipt without a supplier (stock +1 here).
 * Every problem is named in one 400 and nothing changes; a failure in a later step (or a
 * store's rule on the `stockTakeConfirmed` hook) undoes the steps before it. Emits
 * `serial_stock_take.confirmed`.
 */
export const confirmStockTakeWorkflow = createWorkflow(confirmStockTakeWorkflowId, (input: ConfirmStockTakeInput) => {
  resolveStockLocationStep(input.location_id)
  const applied = applyStockTakeStep(input)
  const variantIds = transform({ applied }, ({ applied }) => [
    ...new Set([...applied.transferred, ...applied.lost].map((s) => s.variant_id)),
  ])
  const variants = resolveVariantsStep(variantIds)

  const adjustments = transform({ applied, variants }, ({ applied, variants }) => {
    const byId = variants as Record<string, ResolvedVariant>
    const total = new Map<string, { inventory_item_id: string; location_id: string; adjustment: number }>()
    const add = (variantId: string, locationId: string, n: number) => {
      const item = byId[variantId]?.inventory_item_id
      if (!item) {
        return
      }
      const key = `${item}|${locationId}`
      const entry = total.get(key) ?? { inventory_item_id: item, location_id: locationId, adjustment: 0 }
      entry.adjustment += n
      total.set(key, entry)
    }
    for (const s of applied.transferred) {
      add(s.variant_id, s.from_location_id, -1)
      add(s.variant_id, applied.location_id, 1)
    }
    for (const s of applied.lost) {
      add(s.variant_id, applied.location_id, -1)
    }
    return [...total.values()].filter((a) => a.adjustment !== 0)
  })
  const levels = transform({ adjustments }, ({ adjustments }) =>
    adjustments.filter((a) => a.adjustment > 0).map((a) => ({ inventory_item_id: a.inventory_item_id, location_id: a.location_id }))
  )
  ensureInventoryLevelsStep(levels)
  adjustInventoryLevelsStep(adjustments)

  const receipt = when({ applied }, ({ applied }) => applied.to_receive.length > 0).then(() =>
    postSerialReceiptWorkflow.runAsStep({
      input: transform({ applied, input }, ({ applied, input }) => ({
        stock_location_id: applied.location_id,
        supplier: null,
        notes: `Found in stock-take ${applied.id}`,
        metadata: { stock_take_id: applied.id },
        items: applied.to_receive.map((r) => ({ variant_id: r.variant_id, quantity: r.serial_numbers.length, serial_numbers: r.serial_numbers })),
        actor_id: input.actor_id ?? undefined,
      })),
    })
  )

  const stockTake = transform({ applied, receipt }, ({ applied, receipt }): AdminStockTake => {
    const { to_receive, ...rest } = applied
    return {
      ...rest,
      received: receipt ? { receipt_id: (receipt as { id: string }).id, serial_numbers: to_receive.flatMap((r) => r.serial_numbers) } : null,
    }
  })
  const stockTakeConfirmed = createHook("stockTakeConfirmed", { stock_take: stockTake })

  emitEventStep({
    eventName: SerialEvents.STOCK_TAKE_CONFIRMED,
    data: transform({ stockTake }, ({ stockTake }) => ({
      id: stockTake.id,
      location_id: stockTake.location_id,
      found: stockTake.found_count,
      transferred_ids: stockTake.transferred.map((s) => s.id),
      lost_ids: stockTake.lost.map((s) => s.id),
      receipt_id: stockTake.received?.receipt_id ?? null,
    })),
  })
  when({ applied }, ({ applied }) => applied.lost.length > 0).then(() => {
    emitEventStep({
      eventName: SerialEvents.STATUS_CHANGED,
      data: transform({ applied }, ({ applied }) => ({ ids: applied.lost.map((s) => s.id), movement: "scrap", to_status: "scrapped" })),
    }).config({ name: "emit-lost-status-changed" })
  })
  return new WorkflowResponse(stockTake, { hooks: [stockTakeConfirmed] })
})
