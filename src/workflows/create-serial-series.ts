import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createSerialSeriesStep, CreateSerialSeriesStepInput } from "./steps/create-serial-series"

export const createSerialSeriesWorkflow = createWorkflow(
  "serial-create-serial-series",
  (input: CreateSerialSeriesStepInput) => new WorkflowResponse(createSerialSeriesStep(input))
)
