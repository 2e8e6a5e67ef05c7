import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { SerialEvents } from "../modules/serial/events"
import type { FileWarrantyClaimInput } from "../modules/serial/maintenance-types"
import { fileWarrantyClaimStep } from "./steps/file-warranty-claim"
import { resolveCustomerStep } from "./steps/resolve-customer"

export const fileWarrantyClaimWorkflowId = "file-warranty-claim-workflow"
/**
 * Files a warranty claim for a serial; the server computes and stores its coverage. The
 * created event is emitted only for a new claim, not for one a storefront retry replays.
 */
export const fileWarrantyClaimWorkflow = createWorkflow(
  fileWarrantyClaimWorkflowId,
  (input: FileWarrantyClaimInput) => {
    resolveCustomerStep(transform({ input }, ({ input }) => input.customer_id ?? null))
    const filed = fileWarrantyClaimStep(input)
    when({ filed }, ({ filed }) => !filed.replayed).then(() => {
      emitEventStep({
        eventName: SerialEvents.WARRANTY_CLAIM_CREATED,
        data: transform({ filed, input }, ({ filed, input }) => ({ id: filed.id, serial_number_id: input.serial_number_id })),
      })
    })
    return new WorkflowResponse(filed)
  }
)
