import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { UpdateSerialDetailsInput } from "../modules/serial/types"
import { updateSerialDetailsStep } from "./steps/update-serial-details"

export type UpdateSerialNumberWorkflowInput = {
  id: string
  update: UpdateSerialDetailsInput
  actor_id?: string
}

export const updateSerialNumberWorkflowId = "update-serial-number-workflow"
/** Changes what an admin may change by hand on a serial; the ledger records it. */
export const updateSerialNumberWorkflow = createWorkflow(
  updateSerialNumberWorkflowId,
  (input: UpdateSerialNumberWorkflowInput) => {
    const stepInput = transform({ input }, ({ input }) => ({
      id: input.id,
      update: input.update,
      reference: { reference_type: "manual", actor_type: "user", actor_id: input.actor_id ?? null },
    }))
    return new WorkflowResponse(updateSerialDetailsStep(stepInput))
  }
)
