import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { fetchVariants } from "../utils/fetch-variants"

export type { ResolvedVariant } from "../utils/fetch-variants"

export const resolveVariantsStepId = "resolve-variants-step"
/**
 * Reads the variants serials will belong to, from the product module, and refuses ids
 * that name no variant. Read-only: nothing to compensate.
 */
export const resolveVariantsStep = createStep(
  resolveVariantsStepId,
  async (variantIds: string[], { container }) => {
    return new StepResponse(await fetchVariants(container, variantIds))
  }
)
