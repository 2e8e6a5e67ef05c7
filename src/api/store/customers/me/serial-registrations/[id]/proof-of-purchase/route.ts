import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type SerialModuleService from "../../../../../../../modules/serial/service"
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
  const customerId = req.auth_context.actor_id
  const [file] = uploadedFiles(req, "file")
  await attachRegistrationProofWorkflow(req.scope).run({
    input: { customer_id: customerId, registration_id: req.params.id, file },
  })
  const service = req.scope.resolve<SerialModuleService>("serial")
  const registration = (await service.storefrontListCustomerRegistrations(customerId)).find((r) => r.id === req.params.id)
  res.json({ registration: presentRegistration(registration) })
}
