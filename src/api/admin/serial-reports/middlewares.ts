import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateReportQuery } from "./validators"

/** Routes of reports. */
export const serialReportMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/serial-reports/:report",
    middlewares: [validateReportQuery],
  },
]
