import { validateAndTransformQuery } from "@medusajs/framework/http"
import type { MiddlewareRoute } from "@medusajs/framework/http"
import { AdminGetSerialNumbersParams } from "../serial-numbers/validators"
import { listSerialNumbersConfig } from "../serial-numbers/query-config"
import { AdminImportSerialsParams } from "./validators"

/** Routes of the CSV import and export. */
export const serialCsvMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/admin/serial-imports",
    // The CSV body is streamed to the import as it arrives; no parser may read it first.
    bodyParser: false,
    middlewares: [validateAndTransformQuery(AdminImportSerialsParams, {})],
  },
  {
    // The list route's own filter validation: the export holds what the list shows.
    method: ["GET"],
    matcher: "/admin/serial-numbers/export",
    middlewares: [validateAndTransformQuery(AdminGetSerialNumbersParams, listSerialNumbersConfig)],
  },
]
