import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { removeSerialsStep } from "./steps/remove-serials"

export const deleteSerialNumbersWorkflowId = "delete-serial-numbers-workflow"
/** Deletes serials that never moved with stock (a typo at entry, say). */
export const deleteSerialNumbersWorkflow = createWorkflow(
  deleteSerialNumbersWorkflowId,
  (input: { ids: string[]; actor_id?: string }) => {
    const stepInput = transform({ input }, ({ input }) => ({
      ids: input.ids,
      reference: { reference_type: "manual", actor_type: "user", actor_id: input.actor_id ?? null },
    }))
    return new WorkflowResponse(removeSerialsStep(stepInput))
  }
)
