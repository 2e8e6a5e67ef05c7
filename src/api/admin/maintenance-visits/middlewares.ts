import { validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import type { MiddlewareRoute } from "@medusajs/framework/http"
import { AdminGetMaintenanceVisitsParams, AdminLogMaintenanceVisit, AdminUpdateMaintenanceVisit, listMaintenanceVisitsConfig } from "./validators"

/** Routes of maintenance visits. */
export const maintenanceVisitMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/maintenance-visits",
    middlewares: [validateAndTransformQuery(AdminGetMaintenanceVisitsParams, listMaintenanceVisitsConfig)],
  },
  {
    method: ["POST"],
    matcher: "/admin/maintenance-visits",
    middlewares: [validateAndTransformBody(AdminLogMaintenanceVisit)],
  },
  {
    method: ["POST"],
    matcher: "/admin/maintenance-visits/:id",
    middlewares: [validateAndTransformBody(AdminUpdateMaintenanceVisit)],
  },
]
