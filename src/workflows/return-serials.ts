import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { SerialEvents } from "../modules/serial/events"
import { emitStatusChanged } from "./release-order-serials"
import { resolveReturnStep } from "./steps/resolve-return"
import { returnSerialsStep } from "./steps/return-serials"

export type ReturnSerialsWorkflowInput = {
  return_id: string
  selection?: Array<{ serial_number: string; restock?: boolean }>
  actor_id?: string | null
}

export const returnSerialsWorkflowId = "return-serials-workflow"
/**
 * Serials back from a return: run by the `order.return_received` subscriber (lines that
 * leave no choice) and by POST /admin/returns/:id/serial-numbers (the admin's choice).
 */
export const returnSerialsWorkflow = createWorkflow(
  returnSerialsWorkflowId,
  (input: ReturnSerialsWorkflowInput) => {
    const ret = resolveReturnStep(input.return_id)
    const stepInput = transform({ input, ret }, ({ input, ret }) => ({
      ret,
      selection: input.selection,
      actor_id: input.actor_id ?? null,
    }))
    const result = returnSerialsStep(stepInput)
    const moved = transform({ result }, ({ result }) => result.moved)
    when({ moved }, ({ moved }) => moved.length > 0).then(() => {
      emitEventStep({
        eventName: SerialEvents.RETURNED,
        data: transform({ moved, ret }, ({ moved, ret }) => ({
          ids: moved.map((m) => m.id),
          order_id: ret.order_id,
          return_id: ret.id,
        })),
      })
    })
    emitStatusChanged(moved)
    return new WorkflowResponse(result)
  }
)
