import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { updateSerialSeriesStep, UpdateSerialSeriesStepInput } from "./steps/update-serial-series"

export const updateSerialSeriesWorkflowId = "update-serial-series-workflow"
export const updateSerialSeriesWorkflow = createWorkflow(
  updateSerialSeriesWorkflowId,
  (input: UpdateSerialSeriesStepInput) => new WorkflowResponse(updateSerialSeriesStep(input))
)
