import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { changeSerialOwnerWorkflow } from "../../../../../workflows/change-serial-owner"
import type { AdminChangeSerialOwnerType } from "../../validators"
import type { AdminSerialOwnerChangeResponse } from "../../../../../shared/http/admin"

/** Passes a sold serial on to another customer, warranty kept (docs/admin-api.md, "Serial numbers"). */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminChangeSerialOwnerType>,
  res: MedusaResponse<AdminSerialOwnerChangeResponse>
) => {
  const { result } = await changeSerialOwnerWorkflow(req.scope).run({
    input: { ...req.validatedBody, id: req.params.id, actor_id: req.auth_context?.actor_id ?? null },
  })
  res.json({ owner_change: result })
}
