import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { updateWarrantyClaimWorkflow } from "../../../../workflows/update-warranty-claim"
import { readClaim } from "../read-claim"
import type { AdminUpdateWarrantyClaimType } from "../validators"
import type { AdminWarrantyClaimResponse } from "../../../../shared/http/admin"

/** A claim with its coverage at filing and its visits. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminWarrantyClaimResponse>) => {
  res.json({ warranty_claim: await readClaim(req.scope, req.params.id, req.queryConfig.fields) })
}

/** Moves the claim along its statuses; sets resolution, replacement serial and visits. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateWarrantyClaimType>, res: MedusaResponse<AdminWarrantyClaimResponse>) => {
  await updateWarrantyClaimWorkflow(req.scope).run({ input: { id: req.params.id, update: req.validatedBody } })
  res.json({ warranty_claim: await readClaim(req.scope, req.params.id) })
}
