import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitStatusChanged } from "./release-order-serials"
import { resolveOrderLineStep } from "./steps/resolve-order-line"
import { swapLineSerialStep } from "./steps/swap-line-serial"

export type SwapOrderSerialWorkflowInput = {
  order_id: string
  line_item_id: string
  from: string
  to: string
  actor_id?: string | null
}

export const swapOrderSerialWorkflowId = "swap-order-serial-workflow"
/** Replaces a serial on an order line before shipment; the ledger shows both serials' moves. */
export const swapOrderSerialWorkflow = createWorkflow(
  swapOrderSerialWorkflowId,
  (input: SwapOrderSerialWorkflowInput) => {
    const line = resolveOrderLineStep(transform({ input }, ({ input }) => ({ order_id: input.order_id, line_item_id: input.line_item_id })))
    const moved = swapLineSerialStep(
      transform({ input, line }, ({ input, line }) => ({
        order_id: line.order_id,
        line_item_id: line.line_item_id,
        variant_id: line.variant_id,
        label: line.label,
        from: input.from,
        to: input.to,
        shipped_fulfillment_ids: line.shipped_fulfillment_ids,
        actor_id: input.actor_id ?? null,
      }))
    )
    emitStatusChanged(moved)
    return new WorkflowResponse(moved)
  }
)
