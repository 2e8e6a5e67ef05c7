import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { queryList } from "../../utils/query-list"
import { fileWarrantyClaimWorkflow } from "../../../workflows/file-warranty-claim"
import { readClaim } from "./read-claim"
import type { AdminFileWarrantyClaimType, AdminGetWarrantyClaimsParamsType } from "./validators"
import type { AdminWarrantyClaimListResponse, AdminWarrantyClaimResponse } from "../../../shared/http/admin"

export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetWarrantyClaimsParamsType>,
  res: MedusaResponse<AdminWarrantyClaimListResponse>
) => {
  const { covered, ...filters } = req.filterableFields as Record<string, any>
  if (covered !== undefined) {
    filters.covered = covered === "true"
  }
  const { data, ...page } = await queryList(req, "warranty_claim", {
    filters,
    defaultOrder: { created_at: "DESC", id: "DESC" },
  })
  res.json({ warranty_claims: data, ...page })
}

/** Files a claim; the answer carries the coverage the server computed. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminFileWarrantyClaimType>, res: MedusaResponse<AdminWarrantyClaimResponse>) => {
  const { result } = await fileWarrantyClaimWorkflow(req.scope).run({
    input: { ...req.validatedBody, actor_id: req.auth_context?.actor_id },
  })
  res.status(201).json({ warranty_claim: await readClaim(req.scope, result.id) })
}
