import { validateAndTransformBody } from "@medusajs/framework/http"
import type { MiddlewareRoute } from "@medusajs/framework/http"
import { AdminUpsertSerialSettings } from "./validators"

/** Routes of a variant's serial settings. */
export const serialSettingsMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/admin/serial-settings/:variant_id",
    middlewares: [validateAndTransformBody(AdminUpsertSerialSettings)],
  },
]
