import { validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import type { MiddlewareRoute } from "@medusajs/framework/http"
import { AdminCreateSerialNumbers, AdminGetSerialNumberParams, AdminGetSerialNumbersParams, AdminUpdateSerialNumber } from "./validators"
import { listSerialNumbersConfig, retrieveSerialNumberConfig } from "./query-config"

/** Bulk bodies (10,000 serials) are larger than express' default 100 KB. */
const BULK_BODY = { sizeLimit: "5mb" }

/** Routes of serials: list, create (bulk), read and update. */
export const serialNumberMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/serial-numbers",
    middlewares: [validateAndTransformQuery(AdminGetSerialNumbersParams, listSerialNumbersConfig)],
  },
  {
    method: ["POST"],
    matcher: "/admin/serial-numbers",
    bodyParser: BULK_BODY,
    middlewares: [validateAndTransformBody(AdminCreateSerialNumbers)],
  },
  {
    method: ["GET"],
    matcher: "/admin/serial-numbers/:id",
    middlewares: [validateAndTransformQuery(AdminGetSerialNumberParams, retrieveSerialNumberConfig)],
  },
  {
    method: ["POST"],
    matcher: "/admin/serial-numbers/:id",
    middlewares: [
    validateAndTransformBody(AdminUpdateSerialNumber),
    validateAndTransformQuery(AdminGetSerialNumberParams, retrieveSerialNumberConfig),
    ],
  },
]
