import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type SerialModuleService from "../../../modules/serial/service"
import { SERIAL_MODULE } from "../../../modules/serial"
import { weekStart } from "../../../shared/week"
import type { AdminAgendaVisit, AdminMaintenanceAgendaResponse } from "../../../shared/http/admin"
import { presentVisit } from "../../utils/present-maintenance"
import type { AdminGetMaintenanceAgendaParamsType } from "./validators"

/**
 * A week of maintenance visits (Monday to Sunday, UTC days, as visits are kept) that are
 * not cancelled, and the visits overdue today, optionally of one technician and of units at
 * one stock location; with the technicians of that week for a picker.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetMaintenanceAgendaParamsType>,
  res: MedusaResponse<AdminMaintenanceAgendaResponse>
) => {
  const { week, technician, stock_location_id } = req.validatedQuery as AdminGetMaintenanceAgendaParamsType
  const today = new Date().toISOString().slice(0, 10)
  const start = weekStart(week ?? today)
  const service: SerialModuleService = req.scope.resolve(SERIAL_MODULE)
  const agenda = await service.maintenanceAgenda({ week_start: start, today, technician, stock_location_id })
  // Visits as every visit answer has them: their day as a calendar day.
  const present = (v: (typeof agenda.visits)[number]) => presentVisit(v) as AdminAgendaVisit
  res.json({
    week_start: start,
    today,
    visits: agenda.visits.map(present),
    overdue: agenda.overdue.map(present),
    technicians: agenda.technicians,
    truncated: agenda.truncated,
  })
}
