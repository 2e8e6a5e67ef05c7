import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { SERIAL_MODULE } from "../../../modules/serial"
import type SerialModuleService from "../../../modules/serial/service"
import { createMaintenanceScheduleWorkflow } from "../../../workflows/create-maintenance-schedule"
import { presentSchedule } from "../../utils/present-maintenance"
import { queryList } from "../../utils/query-list"
import { readSchedule } from "./read-schedule"
import type { AdminCreateMaintenanceScheduleType, AdminGetMaintenanceSchedulesParamsType } from "./validators"
import type { AdminMaintenanceScheduleListResponse, AdminMaintenanceScheduleResponse } from "../../../shared/http/admin"

export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetMaintenanceSchedulesParamsType>,
  res: MedusaResponse<AdminMaintenanceScheduleListResponse>
) => {
  const { serial_number_id, ...filters } = req.filterableFields as Record<string, any>
  if (serial_number_id) {
    // The schedules covering a serial, through the indexed serial rows.
    const service: SerialModuleService = req.scope.resolve(SERIAL_MODULE)
    const rows = await service.listMaintenanceScheduleSerials({ serial_number_id }, { select: ["schedule_id"] })
    filters.id = [...new Set(rows.map((r: any) => r.schedule_id))]
  }
  const { data, ...page } = await queryList(req, "maintenance_schedule", { filters })
  res.json({ maintenance_schedules: data.map(presentSchedule), ...page })
}

/** Creates a schedule and generates its visits; answers it with them. */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminCreateMaintenanceScheduleType>,
  res: MedusaResponse<AdminMaintenanceScheduleResponse>
) => {
  const { result } = await createMaintenanceScheduleWorkflow(req.scope).run({
    input: { ...req.validatedBody, actor_id: req.auth_context?.actor_id },
  })
  res.status(201).json({ maintenance_schedule: await readSchedule(req.scope, result.id) })
}
