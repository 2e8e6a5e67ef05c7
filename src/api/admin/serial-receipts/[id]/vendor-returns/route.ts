import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { returnSerialsToSupplierWorkflow } from "../../../../../workflows/return-serials-to-supplier"
import type { AdminPostVendorReturnType } from "../../validators"
import type { AdminVendorReturnResponse } from "../../../../../shared/http/admin"

/**
 * Sends chosen serials of the receipt back to its supplier, with Medusa's stock
 * (docs/admin-api.md, "Vendor returns"). 201 with the return and its serials.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminPostVendorReturnType>,
  res: MedusaResponse<AdminVendorReturnResponse>
) => {
  const { result } = await returnSerialsToSupplierWorkflow(req.scope).run({
    input: { ...req.validatedBody, receipt_id: req.params.id, actor_id: req.auth_context?.actor_id ?? null },
  })
  res.status(201).json({ vendor_return: result })
}
