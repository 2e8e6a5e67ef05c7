import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { addDays, formatDay } from "../../../modules/serial/lib/schedule"
import { logMaintenanceVisitWorkflow } from "../../../workflows/log-maintenance-visit"
import { readVisit, withSerialText } from "./read-visits"
import { queryList } from "../../utils/query-list"
import type { AdminGetMaintenanceVisitsParamsType, AdminLogMaintenanceVisitType } from "./validators"
import type { AdminMaintenanceVisitListResponse, AdminMaintenanceVisitResponse } from "../../../shared/http/admin"

/**
 * Visits, soonest first. `due_within_days=N`: pending, from today to today + N days;
 * `overdue=true`: pending and their day has passed; both: pending up to today + N days.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetMaintenanceVisitsParamsType>,
  res: MedusaResponse<AdminMaintenanceVisitListResponse>
) => {
  const { due_within_days, overdue, ...filters } = req.filterableFields as Record<string, any>
  const due = due_within_days !== undefined && due_within_days !== null
  if (due || overdue === "true") {
    const statuses = filters.status === undefined ? ["pending"] : [filters.status].flat()
    if (!statuses.includes("pending")) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `due_within_days and overdue select pending visits, but status is '${statuses.join(", ")}'`
      )
    }
    filters.status = "pending"
    const today = `${formatDay(new Date())}T00:00:00.000Z`
    const range: Record<string, string> = {}
    if (due) {
      range.$lte = `${addDays(formatDay(new Date()), Number(due_within_days))}T00:00:00.000Z`
      if (overdue !== "true") {
        range.$gte = today
      }
    } else {
      range.$lt = today
    }
    filters.scheduled_date = range
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
