import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { fileWarrantyClaimWorkflow } from "../../../workflows/file-warranty-claim"
import { readClaim } from "./read-claim"
import type { AdminFileWarrantyClaimType, AdminGetWarrantyClaimsParamsType } from "./validators"

export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetWarrantyClaimsParamsType>,
  res: MedusaResponse
) => {
  const { covered, ...filters } = req.filterableFields as Record<string, any>
  if (covered !== undefined) {
    filters.covered = covered === "true"
  }
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: "warranty_claim",
    fields: req.queryConfig.fields,
    filters,
    pagination: {
      ...req.queryConfig.pagination,
      order: req.queryConfig.pagination?.order ?? { created_at: "DESC", id: "DESC" },
    },
  })
  res.json({
    warranty_claims: data,
    count: metadata?.count ?? data.length,
    offset: metadata?.skip ?? 0,
    limit: metadata?.take ?? data.length,
  })
}

/** Files a claim; the answer carries the coverage the server computed. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminFileWarrantyClaimType>, res: MedusaResponse) => {
  const { result } = await fileWarrantyClaimWorkflow(req.scope).run({
    input: { ...req.validatedBody, actor_id: req.auth_context?.actor_id },
  })
  res.status(201).json({ warranty_claim: await readClaim(req.scope, result.id) })
}
