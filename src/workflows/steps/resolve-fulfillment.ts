import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { readFulfillmentForSerials } from "../utils/read-fulfillment"

export const resolveFulfillmentStepId = "resolve-fulfillment-step"
/** Reads a fulfilment's order, location, lines and shipment state (null when it has no order). Read-only. */
export const resolveFulfillmentStep = createStep(
  resolveFulfillmentStepId,
  async (input: { fulfillment_id: string }, { container }) => {
    return new StepResponse(await readFulfillmentForSerials(container, input.fulfillment_id))
  }
)
