import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { replanMaintenanceScheduleWorkflow } from "../../../../../workflows/replan-maintenance-schedule"
import { readSchedule } from "../../read-schedule"
import type { AdminReplanMaintenanceScheduleType } from "../../validators"
import type { AdminMaintenanceScheduleResponse } from "../../../../../shared/http/admin"

/**
 * Plans an active schedule again with new rules: it is cancelled with its pending visits,
 * and the new schedule (answered, 201) takes its serials, type, customer and notes.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminReplanMaintenanceScheduleType>,
  res: MedusaResponse<AdminMaintenanceScheduleResponse>
) => {
  const { assignee, ...rules } = req.validatedBody
  const { result } = await replanMaintenanceScheduleWorkflow(req.scope).run({
    input: { id: req.params.id, rules, ...(assignee !== undefined ? { assignee } : {}), actor_id: req.auth_context?.actor_id ?? null },
  })
  res.status(201).json({ maintenance_schedule: await readSchedule(req.scope, result.id) })
}
