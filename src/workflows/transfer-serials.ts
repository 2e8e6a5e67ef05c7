import { adjustInventoryLevelsStep, emitEventStep } from "@medusajs/medusa/core-flows"
import { createHook, createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { SerialEvents } from "../modules/serial/events"
import type { TransferSerialsInput } from "../modules/serial/services/transfers"
import { ensureInventoryLevelsStep } from "./steps/ensure-inventory-levels"
import { resolveStockLocationStep } from "./steps/resolve-stock-location"
import { resolveVariantsStep } from "./steps/resolve-variants"
import { transferSerialsStep } from "./steps/transfer-serials"
import type { ResolvedVariant } from "./utils/fetch-variants"

export const transferSerialsWorkflowId = "transfer-serials-workflow"
/**
 * `POST /admin/serial-transfers`: serials in stock at one location move to another, and
 * Medusa's stock moves with them: the stocked quantity goes down at the source and up at
 * the destination (whose inventory level is created when there is none), so the
 * destination's count matches its serials and no series fills it with new ones. Emits
 * `serial_number.transferred`. Unknown locations are a 404; every problem with the
 * serials is named in one 400, and nothing changes. Hook `serialsTransferred`
 * ({ transfer }): a store's own rule that throws undoes the transfer, stock included.
 */
export const transferSerialsWorkflow = createWorkflow(transferSerialsWorkflowId, (input: TransferSerialsInput) => {
  resolveStockLocationStep(input.from_location_id).config({ name: "resolve-source-location" })
  resolveStockLocationStep(input.to_location_id).config({ name: "resolve-destination-location" })
  const transfer = transferSerialsStep(input)
  const variantIds = transform({ transfer }, ({ transfer }) => [...new Set(transfer.serials.map((s) => s.variant_id))])
  const variants = resolveVariantsStep(variantIds)

  const adjustments = transform({ transfer, variants }, ({ transfer, variants }) => {
    const byId = variants as Record<string, ResolvedVariant>
    const units = new Map<string, number>()
    for (const s of transfer.serials) {
      const item = byId[s.variant_id].inventory_item_id
      if (item) {
        units.set(item, (units.get(item) ?? 0) + 1)
      }
    }
    return [...units].flatMap(([inventory_item_id, n]) => [
      { inventory_item_id, location_id: transfer.from_location_id, adjustment: -n },
      { inventory_item_id, location_id: transfer.to_location_id, adjustment: n },
    ])
  })
  const destinationLevels = transform({ adjustments }, ({ adjustments }) =>
    adjustments.filter((a) => a.adjustment > 0).map((a) => ({ inventory_item_id: a.inventory_item_id, location_id: a.location_id }))
  )
  ensureInventoryLevelsStep(destinationLevels)
  adjustInventoryLevelsStep(adjustments)

  const serialsTransferred = createHook("serialsTransferred", { transfer })

  emitEventStep({
    eventName: SerialEvents.TRANSFERRED,
    data: transform({ transfer }, ({ transfer }) => ({
      ids: transfer.serials.map((s) => s.id),
      transfer_id: transfer.id,
      from_location_id: transfer.from_location_id,
      to_location_id: transfer.to_location_id,
    })),
  })
  return new WorkflowResponse(transfer, { hooks: [serialsTransferred] })
})
