import { adjustInventoryLevelsStep, emitEventStep } from "@medusajs/medusa/core-flows"
import { createHook, createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { SerialEvents } from "../modules/serial/events"
import type { CancelReceiptSerialsInput } from "../modules/serial/services/receipt-corrections"
import { cancelReceiptSerialsStep } from "./steps/cancel-receipt-serials"

export const cancelReceiptSerialsWorkflowId = "cancel-receipt-serials-workflow"
/**
 * `POST /admin/serial-receipts/:id/cancel` with `serial_numbers`: a posted receipt corrected
 * in part (units that never arrived). The serials are un-received, the receipt's lines
 * count them no more, and Medusa's stock at the receipt's location goes down by as many;
 * a receipt left without serials is canceled. Every problem is named in one 400 and
 * nothing changes. Hook `receiptSerialsCanceled` ({ canceled }); event
 * `serial_number.status_changed`.
 */
export const cancelReceiptSerialsWorkflow = createWorkflow(cancelReceiptSerialsWorkflowId, (input: CancelReceiptSerialsInput) => {
  const canceled = cancelReceiptSerialsStep(input)
  const adjustments = transform({ canceled }, ({ canceled }) => {
    const total = new Map<string, number>()
    for (const s of canceled.serials) {
      if (s.inventory_item_id) {
        total.set(s.inventory_item_id, (total.get(s.inventory_item_id) ?? 0) - 1)
      }
    }
    return [...total.entries()].map(([inventory_item_id, adjustment]) => ({
      inventory_item_id,
      location_id: canceled.stock_location_id,
      adjustment,
    }))
  })
  adjustInventoryLevelsStep(adjustments)
  const receiptSerialsCanceled = createHook("receiptSerialsCanceled", { canceled })
  emitEventStep({
    eventName: SerialEvents.STATUS_CHANGED,
    data: transform({ canceled }, ({ canceled }) => ({
      ids: canceled.serials.map((s) => s.id),
      movement: "deactivate",
      to_status: "inactive",
    })),
  })
  return new WorkflowResponse(canceled, { hooks: [receiptSerialsCanceled] })
})
