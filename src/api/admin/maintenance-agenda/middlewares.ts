import { validateAndTransformQuery } from "@medusajs/framework/http"
import type { MiddlewareRoute } from "@medusajs/framework/http"
import { AdminGetMaintenanceAgendaParams } from "./validators"

/** The week agenda of maintenance visits. */
export const maintenanceAgendaMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/maintenance-agenda",
    middlewares: [validateAndTransformQuery(AdminGetMaintenanceAgendaParams, {})],
  },
]
