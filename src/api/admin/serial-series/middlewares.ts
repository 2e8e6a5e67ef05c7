import { validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import type { MiddlewareRoute } from "@medusajs/framework/http"
import { AdminCreateSerialSeries, AdminGetSerialSeriesParams, AdminPreviewSerialSeriesParams, AdminUpdateSerialSeries } from "./validators"
import { listSerialSeriesConfig, retrieveSerialSeriesConfig } from "./query-config"
import { z } from "@medusajs/framework/zod"

/** Routes of series: list, create, read, update and preview. */
export const serialSeriesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/serial-series",
    middlewares: [validateAndTransformQuery(AdminGetSerialSeriesParams, listSerialSeriesConfig)],
  },
  {
    method: ["POST"],
    matcher: "/admin/serial-series",
    middlewares: [validateAndTransformBody(AdminCreateSerialSeries)],
  },
  {
    method: ["GET"],
    matcher: "/admin/serial-series/:id",
    middlewares: [validateAndTransformQuery(z.object({}), retrieveSerialSeriesConfig)],
  },
  {
    method: ["POST"],
    matcher: "/admin/serial-series/:id",
    middlewares: [validateAndTransformBody(AdminUpdateSerialSeries)],
  },
  {
    method: ["GET"],
    matcher: "/admin/serial-series/:id/preview",
    middlewares: [validateAndTransformQuery(AdminPreviewSerialSeriesParams, { isList: false })],
  },
]
