import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { checkSerialConsistencyStep } from "./steps/check-serial-consistency"
import { readSerializedStockStep } from "./steps/read-serialized-stock"

export const checkSerialConsistencyWorkflowId = "check-serial-consistency-workflow"
/**
 * The consistency check merchants run (admin report `consistency`, and the script
 * `check-serial-consistency`): reads Medusa's stock of the serialized variants, then lets
 * the serial module compare it, and every serial's ledger, with the serials. Changes nothing.
 */
export const checkSerialConsistencyWorkflow = createWorkflow(
  checkSerialConsistencyWorkflowId,
  (input: { limit?: number }) => {
    const stock = readSerializedStockStep()
    const report = checkSerialConsistencyStep(transform({ stock, input }, ({ stock, input }) => ({ ...stock, limit: input.limit })))
    return new WorkflowResponse(report)
  }
)
