import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { SerialSettingsInput } from "../modules/serial/types"
import { resolveVariantsStep } from "./steps/resolve-variants"
import { upsertSerialSettingsStep } from "./steps/upsert-serial-settings"

export const upsertSerialSettingsWorkflowId = "upsert-serial-settings-workflow"
/** Turns serial tracking on or off for a variant and sets its series, warranty and policy. */
export const upsertSerialSettingsWorkflow = createWorkflow(
  upsertSerialSettingsWorkflowId,
  (input: { variant_id: string; settings: SerialSettingsInput }) => {
    const variantIds = transform({ input }, ({ input }) => [input.variant_id])
    resolveVariantsStep(variantIds)
    return new WorkflowResponse(upsertSerialSettingsStep(input))
  }
)
