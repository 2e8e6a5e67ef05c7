import { adjustInventoryLevelsStep, emitEventStep } from "@medusajs/medusa/core-flows"
import { SerialEvents } from "../modules/serial/events"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { markReceiptCanceledStep } from "./steps/mark-receipt-canceled"
import { unstockReceiptSerialsStep } from "./steps/unstock-receipt-serials"

export const cancelSerialReceiptWorkflowId = "cancel-serial-receipt-workflow"
/**
 * Cancels a receipt: its serials leave stock and the inventory it added is taken off
 * again. Refused while any of its serials has left the location.
 */
export const cancelSerialReceiptWorkflow = createWorkflow(
  cancelSerialReceiptWorkflowId,
  (input: { id: string; actor_id?: string }) => {
    const id = transform({ input }, ({ input }) => input.id)
    const receipt = markReceiptCanceledStep(id)
    const unstock = transform({ input, receipt }, ({ input, receipt }) => ({
      receipt_id: receipt.id,
      stock_location_id: receipt.stock_location_id,
      actor_id: input.actor_id ?? null,
    }))
    const unstocked = unstockReceiptSerialsStep(unstock)
    const adjustments = transform({ receipt }, ({ receipt }) => {
      const total = new Map<string, number>()
      for (const line of receipt.lines ?? []) {
        total.set(line.inventory_item_id, (total.get(line.inventory_item_id) ?? 0) + line.quantity)
      }
      return [...total.entries()].map(([inventory_item_id, quantity]) => ({
        inventory_item_id,
        location_id: receipt.stock_location_id,
        adjustment: -quantity,
      }))
    })
    adjustInventoryLevelsStep(adjustments)
    emitEventStep({
      eventName: SerialEvents.STATUS_CHANGED,
      data: transform({ unstocked }, ({ unstocked }) => ({ ids: unstocked, movement: "deactivate", to_status: "inactive" })),
    })
    return new WorkflowResponse(receipt)
  }
)
