import { validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import type { MiddlewareRoute } from "@medusajs/framework/http"
import {
  AdminCreateSerialNumbers,
  AdminGetSerialNumberParams,
  AdminGetSerialNumbersParams,
  AdminChangeSerialOwner,
  AdminScrapSerialNumbers,
  AdminUpdateSerialNumber,
} from "./validators"
import { exceptParamValues } from "../../utils/except-param-values"
import { listSerialNumbersConfig, retrieveSerialNumberConfig } from "./query-config"

/** Bulk bodies (10,000 serials) are larger than express' default 100 KB. */
const BULK_BODY = { sizeLimit: "5mb" }

/** Actions under /admin/serial-numbers/ that the `:id` routes' middlewares must not claim. */
const ACTIONS = ["scrap"]

/** Routes of serials: list, create (bulk), read, update and write-off. */
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
    matcher: "/admin/serial-numbers/scrap",
    bodyParser: BULK_BODY,
    middlewares: [validateAndTransformBody(AdminScrapSerialNumbers)],
  },
  {
    method: ["POST"],
    matcher: "/admin/serial-numbers/:id",
    middlewares: exceptParamValues("id", ACTIONS, [
      validateAndTransformBody(AdminUpdateSerialNumber),
      validateAndTransformQuery(AdminGetSerialNumberParams, retrieveSerialNumberConfig),
    ]),
  },
  {
    method: ["POST"],
    matcher: "/admin/serial-numbers/:id/owner",
    middlewares: [validateAndTransformBody(AdminChangeSerialOwner)],
  },
]
