import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { decideWarrantyClaimWorkflow } from "../../../../../workflows/decide-warranty-claim"
import { readClaim } from "../../read-claim"
import type { AdminDecideWarrantyClaimType } from "../../validators"
import type { AdminWarrantyClaimResponse } from "../../../../../shared/http/admin"

/**
 * Decides the claim: approve, reject, repair (with its cost), or replace / return, which
 * open a Medusa exchange / return on the serial's order and link it to the claim.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminDecideWarrantyClaimType>,
  res: MedusaResponse<AdminWarrantyClaimResponse>
) => {
  await decideWarrantyClaimWorkflow(req.scope).run({
    input: { id: req.params.id, ...req.validatedBody, actor_id: req.auth_context?.actor_id ?? null },
  })
  res.json({ warranty_claim: await readClaim(req.scope, req.params.id) })
}
