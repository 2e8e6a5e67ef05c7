import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitStatusChanged } from "./release-order-serials"
import { readOrderOpenQuantitiesStep } from "./steps/read-order-open-quantities"
import { releaseOrderSerialsStep } from "./steps/release-order-serials"

export const releaseUnneededOrderSerialsWorkflowId = "release-unneeded-order-serials-workflow"
export type ReleaseUnneededOrderSerialsInput = {
  order_id: string
  /** Recorded in the ledger ("order edited", "draft order deleted"). */
  reason: string
  actor_id?: string | null
}

/**
 * After an order's lines changed outside the plugin (an order edit, a draft order's edit or
 * deletion), each line keeps as many reserved serials as it has units left to fulfil and
 * the rest go back `active`: a removed line, or a deleted draft, releases all of its own.
 * Idempotent: run twice, the second run finds nothing beyond and moves nothing.
 */
export const releaseUnneededOrderSerialsWorkflow = createWorkflow(
  releaseUnneededOrderSerialsWorkflowId,
  (input: ReleaseUnneededOrderSerialsInput) => {
    const open = readOrderOpenQuantitiesStep({ order_id: input.order_id })
    const moved = releaseOrderSerialsStep(
      transform({ input, open }, ({ input, open }) => ({
        order_id: input.order_id,
        open_quantities: open,
        reason: input.reason,
        actor_id: input.actor_id ?? null,
      }))
    )
    emitStatusChanged(moved)
    return new WorkflowResponse(moved)
  }
)
