import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { decideSerialRegistrationWorkflow } from "../../../../workflows/decide-serial-registration"
import type { AdminDecideSerialRegistrationType } from "../validators"

/** `{ action: "approve" | "reject", note? }` on a pending registration. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminDecideSerialRegistrationType>, res: MedusaResponse) => {
  const { result: serial_registration } = await decideSerialRegistrationWorkflow(req.scope).run({
    input: {
      id: req.params.id,
      action: req.validatedBody.action,
      note: req.validatedBody.note ?? null,
      actor_id: req.auth_context?.actor_id ?? null,
    },
  })
  res.json({ serial_registration })
}
