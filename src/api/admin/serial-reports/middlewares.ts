import { validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import type { MiddlewareRoute } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { AdminPostConsistencyRun, validateReportQuery } from "./validators"

/** Routes of reports. */
export const serialReportMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/serial-reports/:report",
    middlewares: [validateReportQuery],
  },
  {
    method: ["POST"],
    matcher: "/admin/serial-reports/consistency/runs",
    middlewares: [validateAndTransformBody(AdminPostConsistencyRun)],
  },
  {
    method: ["GET"],
    matcher: "/admin/serial-reports/consistency/runs/:id",
    middlewares: [validateAndTransformQuery(z.object({}).strict(), {})],
  },
]
