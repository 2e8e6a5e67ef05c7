import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { StockTakeInput } from "../shared/http/admin"
import { previewStockTakeStep } from "./steps/preview-stock-take"
import { resolveStockLocationStep } from "./steps/resolve-stock-location"

export const previewStockTakeWorkflowId = "preview-stock-take-workflow"
/**
 * `POST /admin/serial-stock-takes/preview`: the count compared with the books (found,
 * missing, unexpected, unknown) and every problem a confirm would refuse. Changes nothing;
 * an unknown location is a 404, as on the confirm.
 */
export const previewStockTakeWorkflow = createWorkflow(previewStockTakeWorkflowId, (input: StockTakeInput) => {
  resolveStockLocationStep(input.location_id)
  return new WorkflowResponse(previewStockTakeStep(input))
})
