import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { recordShipmentSerialsStep } from "./steps/record-shipment-serials"
import { resolveFulfillmentStep } from "./steps/resolve-fulfillment"

export const recordFulfillmentShipmentWorkflowId = "record-fulfillment-shipment-workflow"
/** A shipped fulfilment: `shipped_at` on its serials (run by the `shipment.created` subscriber). */
export const recordFulfillmentShipmentWorkflow = createWorkflow(
  recordFulfillmentShipmentWorkflowId,
  (input: { fulfillment_id: string }) => {
    const facts = resolveFulfillmentStep(input)
    const stepInput = transform({ facts }, ({ facts }) =>
      facts?.shipped_at
        ? { order_id: facts.order_id, fulfillment_id: facts.fulfillment_id, shipped_at: facts.shipped_at }
        : null
    )
    return new WorkflowResponse(recordShipmentSerialsStep(stepInput))
  }
)
