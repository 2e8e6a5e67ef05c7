import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type SerialModuleService from "../../../../modules/serial/service"
import type { AdminDecideSerialRegistrationType } from "../validators"

/** `{ action: "approve" | "reject", note? }` on a pending registration. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminDecideSerialRegistrationType>, res: MedusaResponse) => {
  const service = req.scope.resolve<SerialModuleService>("serial")
  const serial_registration = await service.decideSerialRegistration({
    id: req.params.id,
    action: req.validatedBody.action,
    note: req.validatedBody.note ?? null,
    actor_id: req.auth_context?.actor_id ?? null,
  })
  res.json({ serial_registration })
}
