import { validateAndTransformQuery } from "@medusajs/framework/http"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { SERIAL_STATUSES } from "../../../modules/serial/lib/status-machine"
import { REPORT_NAMES } from "../../../modules/serial/types"
import { cursorParam, idParam, isoDate, oneOrMany, queryInt, wholeNumber } from "../../utils/validators"

const page = {
  limit: queryInt("limit", 1, 1000, 50),
  offset: queryInt("offset", 0, 10_000_000, 0),
  /** The previous page's `next_cursor` (instead of `offset`, which reads every row it skips). */
  after: cursorParam.optional(),
}
const many = (schema: z.ZodTypeAny) =>
  oneOrMany(schema)
    .optional()
    .transform((v) => (v === undefined ? undefined : ([v].flat() as string[])))

const expiry = z
  .object({
    ...page,
    within_days: queryInt("within_days", 0, 3650, 30),
    product_id: many(idParam),
    variant_id: many(idParam),
    stock_location_id: many(idParam),
    customer_id: many(idParam),
    status: many(z.enum(SERIAL_STATUSES)),
  })
  .strict()

/** The paged reports of the module, and the consistency check and expiries per month (one answer each, not paged). */
export const ADMIN_REPORT_NAMES = [...REPORT_NAMES, "consistency", "expiries-by-month"] as const
export type AdminReportName = (typeof ADMIN_REPORT_NAMES)[number]

/** The query each report takes; anything else is refused, naming it. */
export const REPORT_PARAMS: Record<AdminReportName, z.ZodTypeAny> = {
  /** The latest run's report; a run is started by `POST /admin/serial-reports/consistency/runs`. */
  consistency: z.object({}).strict(),
  /** Warranties and contracts ending per calendar month, this month and the next `months - 1`. */
  "expiries-by-month": z
    .object({
      months: queryInt("months", 1, 36, 12),
      product_id: many(idParam),
      stock_location_id: many(idParam),
    })
    .strict(),
  summary: z
    .object({
      ...page,
      product_id: many(idParam),
      variant_id: many(idParam),
      stock_location_id: many(idParam),
      group_by: z
        .enum(["product", "variant"], {
          error: (i) => `Field 'group_by' must be product or variant, got: '${String(i.input).slice(0, 60)}'`,
        })
        .optional(),
    })
    .strict(),
  "warranty-expiry": expiry,
  "contract-expiry": expiry,
  ledger: z
    .object({
      ...page,
      serial_number_id: many(idParam),
      type: many(z.string().max(50)),
      reference_type: many(z.string().max(50)),
      reference_id: many(idParam),
      /** Entries that moved a serial from or to one of these locations. */
      stock_location_id: many(idParam),
      // A bare day as `to` means up to the end of that day.
      from: isoDate("from", { keepDay: true }).optional(),
      to: isoDate("to", { keepDay: true }).optional(),
    })
    .strict(),
}

/**
 * Middleware of GET /admin/serial-reports/:report: an unknown report is a 404 naming it;
 * the query is validated against that report's parameters (a 400 naming field and value).
 */
export function validateReportQuery(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const name = req.params.report as AdminReportName
  if (!ADMIN_REPORT_NAMES.includes(name)) {
    return next(
      new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Unknown report '${String(req.params.report).slice(0, 60)}': the reports are ${ADMIN_REPORT_NAMES.join(", ")}`
      )
    )
  }
  return validateAndTransformQuery(REPORT_PARAMS[name] as any, { isList: false, defaults: [], allowed: [] })(req, res, next)
}

/** Body of `POST /admin/serial-reports/consistency/runs`: `limit`, the problems listed per part of the check (all are counted). */
export const AdminPostConsistencyRun = z.strictObject({
  limit: wholeNumber("limit", 1, 10_000).optional(),
})
export type AdminPostConsistencyRunType = z.infer<typeof AdminPostConsistencyRun>
