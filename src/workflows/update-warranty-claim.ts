import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { SerialEvents } from "../modules/serial/events"
import { updateWarrantyClaimStep, UpdateWarrantyClaimStepInput } from "./steps/update-warranty-claim"

export const updateWarrantyClaimWorkflowId = "update-warranty-claim-workflow"
/** Moves a claim along open -> in_progress -> resolved / rejected; links visits and a replacement. */
export const updateWarrantyClaimWorkflow = createWorkflow(
  updateWarrantyClaimWorkflowId,
  (input: UpdateWarrantyClaimStepInput) => {
    const updated = updateWarrantyClaimStep(input)
    emitEventStep({
      eventName: SerialEvents.WARRANTY_CLAIM_UPDATED,
      data: transform({ updated, input }, ({ updated, input }) => ({
        id: updated.id,
        from_status: updated.from_status,
        status: input.update.status ?? updated.from_status,
      })),
    })
    return new WorkflowResponse(updated)
  }
)
