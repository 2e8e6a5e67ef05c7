import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { attachWarrantyClaimFilesWorkflow } from "../../../../../workflows/attach-warranty-claim-files"
import { uploadedFiles } from "../../../../utils/uploads"
import { readClaim } from "../../read-claim"
import type { AdminWarrantyClaimResponse } from "../../../../../shared/http/admin"

/**
 * Adds photos and documents to a claim: `multipart/form-data`, field `files`, JPEG, PNG,
 * WebP or PDF by content, up to 10 MB each and 10 per claim. Answers the claim with them.
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminWarrantyClaimResponse>) => {
  const files = uploadedFiles(req, "files")
  await attachWarrantyClaimFilesWorkflow(req.scope).run({ input: { id: req.params.id, files } })
  res.json({ warranty_claim: await readClaim(req.scope, req.params.id) })
}
