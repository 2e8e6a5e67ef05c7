import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { SERIAL_MODULE } from "../../../../modules/serial"
import { maintenanceStatus } from "../../../../shared/maintenance-status"
import type { SerialReportName } from "../../../../modules/serial/types"
import type SerialModuleService from "../../../../modules/serial/service"

/**
 * `summary`: serials per product (or per variant with `group_by=variant`) and stock location,
 * counted by status.
 * `warranty-expiry`, `contract-expiry`: serials whose warranty / service contract ends
 * within `within_days` (default 30), soonest first.
 * `ledger`: ledger entries, newest first, filtered by serial, type, reference and dates.
 * Each answers `{ report, rows, count, count_is_estimate, offset, limit, next_cursor }`: the
 * next page is `after=next_cursor` (or `offset`, for the first pages); the count is exact up
 * to REPORT_COUNT_CAP, Postgres' estimate beyond.
 * `expiries-by-month`: `{ report, months: [{ month: "YYYY-MM", warranty, contract }] }`, how
 * many warranties and service contracts end in this calendar month (UTC) and the next
 * `months - 1` (default 12, at most 36).
 * `consistency`: the latest run of the consistency check, `{ report, run }` (`run.report`
 * once completed; null before the first run), which the nightly job or `POST
 * /admin/serial-reports/consistency/runs` starts (docs/admin-api.md). The report name and
 * the query were checked by `validateReportQuery`.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const params = req.validatedQuery as any
  const service: SerialModuleService = req.scope.resolve(SERIAL_MODULE)
  if (req.params.report === "consistency") {
    return res.json({ report: "consistency", run: await service.latestConsistencyRun() })
  }
  if (req.params.report === "expiries-by-month") {
    const { months, product_id, stock_location_id } = params
    return res.json({ report: "expiries-by-month", months: await service.expiriesByMonth({ from: new Date(), months, product_id, stock_location_id }) })
  }
  const name = req.params.report as SerialReportName
  const now = new Date()
  const page = await service.serialReport(name, { ...params, now })
  const expiry = name === "warranty-expiry" || name === "contract-expiry"
  res.json({
    report: name,
    ...(expiry ? { within_days: params.within_days } : {}),
    rows: expiry ? page.rows.map((r) => ({ ...r, maintenance_status: maintenanceStatus(r as any, now) })) : page.rows,
    count: page.count,
    count_is_estimate: page.count_is_estimate,
    offset: params.after ? 0 : params.offset,
    limit: params.limit,
    next_cursor: page.next_cursor,
  })
}
