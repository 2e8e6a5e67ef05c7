import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { updateMaintenanceVisitWorkflow } from "../../../../workflows/update-maintenance-visit"
import { readVisit } from "../read-visits"
import type { AdminUpdateMaintenanceVisitType } from "../validators"
import type { AdminMaintenanceVisitResponse } from "../../../../shared/http/admin"

/** Completes, partially completes, cancels or reschedules a visit; sets technician and notes. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateMaintenanceVisitType>, res: MedusaResponse<AdminMaintenanceVisitResponse>) => {
  await updateMaintenanceVisitWorkflow(req.scope).run({
    input: { id: req.params.id, update: req.validatedBody },
  })
  res.json({ maintenance_visit: await readVisit(req.scope, req.params.id) })
}
