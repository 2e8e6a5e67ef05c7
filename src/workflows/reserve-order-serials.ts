import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitStatusChanged } from "./release-order-serials"
import { reserveLineSerialsStep } from "./steps/reserve-line-serials"
import { resolveOrderLineStep } from "./steps/resolve-order-line"

export type ReserveOrderSerialsWorkflowInput = {
  order_id: string
  line_item_id: string
  serial_numbers: string[]
  actor_id?: string | null
}

export const reserveOrderSerialsWorkflowId = "reserve-order-serials-workflow"
/**
 * Reserves serials for an order line before fulfilment (`POST /admin/orders/:id/serial-numbers`):
 * how a store with the `strict` policy fulfils from Medusa's own dashboard form.
 */
export const reserveOrderSerialsWorkflow = createWorkflow(
  reserveOrderSerialsWorkflowId,
  (input: ReserveOrderSerialsWorkflowInput) => {
    const line = resolveOrderLineStep(transform({ input }, ({ input }) => ({ order_id: input.order_id, line_item_id: input.line_item_id })))
    const moved = reserveLineSerialsStep(
      transform({ input, line }, ({ input, line }) => ({
        order_id: line.order_id,
        line_item_id: line.line_item_id,
        variant_id: line.variant_id,
        label: line.label,
        ordered_quantity: line.ordered_quantity,
        serial_numbers: input.serial_numbers,
        actor_id: input.actor_id ?? null,
      }))
    )
    emitStatusChanged(moved)
    return new WorkflowResponse(moved)
  }
)
