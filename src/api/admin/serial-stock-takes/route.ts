import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { confirmStockTakeWorkflow } from "../../../workflows/confirm-stock-take"
import type { AdminConfirmStockTakeType } from "./validators"
import type { AdminStockTakeResponse } from "../../../shared/http/admin"

/**
 * Confirms a count: the books and Medusa's stock made to match what was found
 * (docs/admin-api.md, "Stock-takes"). 201 with what it moved, wrote off and received.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminConfirmStockTakeType>,
  res: MedusaResponse<AdminStockTakeResponse>
) => {
  const { result } = await confirmStockTakeWorkflow(req.scope).run({
    input: { ...req.validatedBody, actor_id: req.auth_context?.actor_id ?? null },
  })
  res.status(201).json({ stock_take: result })
}
