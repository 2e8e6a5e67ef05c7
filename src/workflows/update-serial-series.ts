import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { updateSerialSeriesStep, UpdateSerialSeriesStepInput } from "./steps/update-serial-series"

export const updateSerialSeriesWorkflow = createWorkflow(
  "serial-update-serial-series",
  (input: UpdateSerialSeriesStepInput) => new WorkflowResponse(updateSerialSeriesStep(input))
)
