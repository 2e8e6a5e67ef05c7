import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { attachRegistrationProofWorkflow } from "../../../../../../../workflows/attach-registration-proof"
import { uploadedFiles } from "../../../../../../utils/uploads"
import { presentRegistration } from "../../../../../present"
import type { StoreSerialRegistrationResponse } from "../../../../../../../shared/http/store"

/**
 * The customer's proof of purchase for their own pending registration: `multipart/form-data`,
 * field `file`, a JPEG, PNG or WebP photo or a PDF, up to 10 MB. A second one replaces the
 * first. Answers the registration; another customer's registration is not found.
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreSerialRegistrationResponse>) => {
  const [file] = uploadedFiles(req, "file")
  const { result } = await attachRegistrationProofWorkflow(req.scope).run({
    input: { customer_id: req.auth_context.actor_id, registration_id: req.params.id, file },
  })
  res.json({ registration: presentRegistration(result) })
}
