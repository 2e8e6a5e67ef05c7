import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { previewStockTakeWorkflow } from "../../../../workflows/preview-stock-take"
import type { AdminPreviewStockTakeType } from "../validators"
import type { AdminStockTakePreviewResponse } from "../../../../shared/http/admin"

/**
 * A count compared with the books, without changing anything (docs/admin-api.md,
 * "Stock-takes"): found, missing, unexpected, unknown, and what a confirm would refuse.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminPreviewStockTakeType>,
  res: MedusaResponse<AdminStockTakePreviewResponse>
) => {
  const { result } = await previewStockTakeWorkflow(req.scope).run({ input: req.validatedBody })
  res.json({ stock_take_preview: result })
}
