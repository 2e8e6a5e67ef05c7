import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { deleteSerialSeriesStep } from "./steps/delete-serial-series"

export const deleteSerialSeriesWorkflowId = "delete-serial-series-workflow"
export const deleteSerialSeriesWorkflow = createWorkflow(
  deleteSerialSeriesWorkflowId,
  (input: { id: string }) => {
    const id = transform({ input }, ({ input }) => input.id)
    return new WorkflowResponse(deleteSerialSeriesStep(id))
  }
)
