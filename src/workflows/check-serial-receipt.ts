import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { PostSerialReceiptWorkflowInput } from "./post-serial-receipt"
import { checkReceiptStep } from "./steps/check-receipt"
import { resolveStockLocationStep } from "./steps/resolve-stock-location"
import { ResolvedVariant, resolveVariantsStep } from "./steps/resolve-variants"
import { validateReceiptVariantsStep } from "./steps/validate-receipt-variants"
import { receiptLines } from "./utils/receipt-lines"

export const checkSerialReceiptWorkflowId = "check-serial-receipt-workflow"
/**
 * A receipt's dry run: the same checks as `postSerialReceiptWorkflow` (location,
 * variants, serials), answering every serial problem at once and writing nothing.
 * Series values are previewed, not issued.
 */
export const checkSerialReceiptWorkflow = createWorkflow(
  checkSerialReceiptWorkflowId,
  (input: PostSerialReceiptWorkflowInput) => {
    resolveStockLocationStep(input.stock_location_id)
    const variantIds = transform({ input }, ({ input }) => input.items.map((i) => i.variant_id))
    const variants = resolveVariantsStep(variantIds)
    validateReceiptVariantsStep(variants)
    const check = transform({ input, variants }, ({ input, variants }) => ({
      receipt_id: null,
      stock_location_id: input.stock_location_id,
      supplier_name: input.supplier?.name ?? null,
      supplier_reference: input.supplier?.reference ?? null,
      received_at: input.received_at ?? new Date().toISOString(),
      lines: receiptLines(input.items, variants as Record<string, ResolvedVariant>),
    }))
    return new WorkflowResponse(checkReceiptStep(check))
  }
)
