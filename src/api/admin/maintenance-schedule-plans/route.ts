import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { SERIAL_MODULE } from "../../../modules/serial"
import type SerialModuleService from "../../../modules/serial/service"
import type { AdminPlanMaintenanceScheduleType } from "../maintenance-schedules/validators"
import type { AdminMaintenanceSchedulePlanResponse } from "../../../shared/http/admin"

/**
 * The visit days a schedule's rules generate, by the server's calendar rules (month ends,
 * leap years), saving nothing: the admin shows them before the schedule is created. A rule
 * that cannot be planned is a 400 naming the field, as creating it would be.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminPlanMaintenanceScheduleType>,
  res: MedusaResponse<AdminMaintenanceSchedulePlanResponse>
) => {
  const service: SerialModuleService = req.scope.resolve(SERIAL_MODULE)
  const plan = await service.planMaintenanceSchedule(req.validatedBody)
  res.json({ plan })
}
