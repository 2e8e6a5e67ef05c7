import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { ResolvedVariant } from "./resolve-variants"

export const validateReceiptVariantsStepId = "validate-receipt-variants-step"
/** Stock can be received only for variants whose inventory Medusa manages. Read-only. */
export const validateReceiptVariantsStep = createStep(
  validateReceiptVariantsStepId,
  async (variants: Record<string, ResolvedVariant>) => {
    const refused = Object.values(variants).filter((v) => !v.manage_inventory || !v.inventory_item_id)
    if (refused.length) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Receipt refused: these variants do not manage inventory, so stock cannot be received for them (register their serials directly instead): ${refused
          .map((v) => v.sku ?? v.id)
          .join(", ")}`
      )
    }
    return new StepResponse(true)
  }
)
