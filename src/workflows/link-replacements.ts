import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { linkReplacementsStep } from "./steps/link-replacements"
import { readOrderReplacementsStep } from "./steps/read-order-replacements"

export const linkReplacementsWorkflowId = "link-replacements-workflow"
/**
 * After serials of an order are delivered or returned: in its exchanges and claims, link
 * each replacement serial to the one it replaces (`replaces_serial_number_id`).
 */
export const linkReplacementsWorkflow = createWorkflow(
  linkReplacementsWorkflowId,
  (input: { order_id: string }) => {
    const groups = readOrderReplacementsStep(input.order_id)
    const stepInput = transform({ input, groups }, ({ input, groups }) => ({ order_id: input.order_id, groups }))
    return new WorkflowResponse(linkReplacementsStep(stepInput))
  }
)
