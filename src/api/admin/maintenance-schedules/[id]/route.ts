import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { deleteMaintenanceScheduleWorkflow } from "../../../../workflows/delete-maintenance-schedule"
import { updateMaintenanceScheduleWorkflow } from "../../../../workflows/update-maintenance-schedule"
import { readSchedule } from "../read-schedule"
import type { AdminUpdateMaintenanceScheduleType } from "../validators"
import type { AdminDeleteResponse, AdminMaintenanceScheduleResponse } from "../../../../shared/http/admin"

/** A schedule with its visits and its serials' current coverage. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminMaintenanceScheduleResponse>) => {
  res.json({ maintenance_schedule: await readSchedule(req.scope, req.params.id, req.queryConfig.fields) })
}

/** Changes the assignee or notes, or cancels / completes the schedule. */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminUpdateMaintenanceScheduleType>,
  res: MedusaResponse<AdminMaintenanceScheduleResponse>
) => {
  await updateMaintenanceScheduleWorkflow(req.scope).run({
    input: { id: req.params.id, update: { ...req.validatedBody, actor_id: req.auth_context?.actor_id } },
  })
  res.json({ maintenance_schedule: await readSchedule(req.scope, req.params.id) })
}

/** Deletes a schedule without completed visits, with its visits. */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminDeleteResponse<"maintenance_schedule">>) => {
  await deleteMaintenanceScheduleWorkflow(req.scope).run({
    input: { id: req.params.id, actor_id: req.auth_context?.actor_id },
  })
  res.json({ id: req.params.id, object: "maintenance_schedule", deleted: true })
}
