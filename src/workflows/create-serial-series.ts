import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createSerialSeriesStep, CreateSerialSeriesStepInput } from "./steps/create-serial-series"

export const createSerialSeriesWorkflowId = "create-serial-series-workflow"
export const createSerialSeriesWorkflow = createWorkflow(
  createSerialSeriesWorkflowId,
  (input: CreateSerialSeriesStepInput) => new WorkflowResponse(createSerialSeriesStep(input))
)
