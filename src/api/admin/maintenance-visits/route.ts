import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { dueVisitFilter } from "../../../modules/serial/lib/maintenance-rules"
import { logMaintenanceVisitWorkflow } from "../../../workflows/log-maintenance-visit"
import { readVisit, withSerialText } from "./read-visits"
import { queryList } from "../../utils/query-list"
import type { AdminGetMaintenanceVisitsParamsType, AdminLogMaintenanceVisitType } from "./validators"
import type { AdminMaintenanceVisitListResponse, AdminMaintenanceVisitResponse } from "../../../shared/http/admin"

/**
 * Visits, soonest first; `due_within_days=N` and `overdue=true` as `dueVisitFilter` reads
 * them (pending visits due soon, or past their day).
 */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetMaintenanceVisitsParamsType>,
  res: MedusaResponse<AdminMaintenanceVisitListResponse>
) => {
  const { due_within_days, overdue, ...filters } = req.filterableFields as Record<string, any>
  const dueFilter = dueVisitFilter({ due_within_days, overdue: overdue === "true", status: filters.status }, new Date())
  if (dueFilter) {
    Object.assign(filters, dueFilter)
  }
  const { data, ...page } = await queryList(req, "maintenance_visit", {
    filters,
    defaultOrder: { scheduled_date: "ASC", id: "ASC" },
  })
  res.json({ maintenance_visits: await withSerialText(req.scope, data), ...page })
}

/** Logs an unscheduled or breakdown visit for a serial. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminLogMaintenanceVisitType>, res: MedusaResponse<AdminMaintenanceVisitResponse>) => {
  const { result } = await logMaintenanceVisitWorkflow(req.scope).run({
    input: { ...req.validatedBody, actor_id: req.auth_context?.actor_id },
  })
  res.status(201).json({ maintenance_visit: await readVisit(req.scope, result.id) })
}
