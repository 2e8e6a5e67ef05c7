import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { SERIAL_MODULE } from "../../../../modules/serial"
import { maintenanceStatus } from "../../../../shared/maintenance-status"
import type { SerialReportName } from "../../../../modules/serial/lib/report-sql"
import type SerialModuleService from "../../../../modules/serial/service"
import { checkSerialConsistencyWorkflow } from "../../../../workflows/check-serial-consistency"

/**
 * `summary`: serials per product (or per variant with `group_by=variant`) and stock location,
 * counted by status.
 * `warranty-expiry`, `contract-expiry`: serials whose warranty / service contract ends
 * within `within_days` (default 30), soonest first.
 * `ledger`: ledger entries, newest first, filtered by serial, type, reference and dates.
 * Each answers `{ report, rows, count, offset, limit }`, one query per page.
 * `consistency`: the consistency check, `{ report, ok, checked, problems, problem_count,
 * unserialized_stock }` (docs/admin-api.md). The report name and the query were checked by
 * `validateReportQuery`.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const params = req.validatedQuery as any
  if (req.params.report === "consistency") {
    const { result } = await checkSerialConsistencyWorkflow(req.scope).run({ input: { limit: params.limit } })
    return res.json({ report: "consistency", ...result })
  }
  const name = req.params.report as SerialReportName
  const service: SerialModuleService = req.scope.resolve(SERIAL_MODULE)
  const now = new Date()
  const { rows, count } = await service.serialReport(name, { ...params, now })
  const expiry = name === "warranty-expiry" || name === "contract-expiry"
  res.json({
    report: name,
    ...(expiry ? { within_days: params.within_days } : {}),
    rows: expiry ? rows.map((r) => ({ ...r, maintenance_status: maintenanceStatus(r as any, now) })) : rows,
    count,
    offset: params.offset,
    limit: params.limit,
  })
}
