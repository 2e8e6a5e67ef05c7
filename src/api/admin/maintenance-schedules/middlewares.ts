import { validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import type { MiddlewareRoute } from "@medusajs/framework/http"
import {
  AdminCreateMaintenanceSchedule,
  AdminGetMaintenanceScheduleParams,
  AdminGetMaintenanceSchedulesParams,
  AdminPlanMaintenanceSchedule,
  AdminReplanMaintenanceSchedule,
  AdminUpdateMaintenanceSchedule,
} from "./validators"
import { listMaintenanceSchedulesConfig, retrieveMaintenanceScheduleConfig } from "./query-config"

/** Routes of maintenance schedules. */
export const maintenanceScheduleMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/maintenance-schedules",
    middlewares: [validateAndTransformQuery(AdminGetMaintenanceSchedulesParams, listMaintenanceSchedulesConfig)],
  },
  {
    method: ["POST"],
    matcher: "/admin/maintenance-schedules",
    middlewares: [validateAndTransformBody(AdminCreateMaintenanceSchedule)],
  },
  {
    method: ["POST"],
    matcher: "/admin/maintenance-schedule-plans",
    middlewares: [validateAndTransformBody(AdminPlanMaintenanceSchedule)],
  },
  {
    method: ["GET"],
    matcher: "/admin/maintenance-schedules/:id",
    middlewares: [validateAndTransformQuery(AdminGetMaintenanceScheduleParams, retrieveMaintenanceScheduleConfig)],
  },
  {
    method: ["POST"],
    matcher: "/admin/maintenance-schedules/:id",
    middlewares: [validateAndTransformBody(AdminUpdateMaintenanceSchedule)],
  },
  {
    method: ["POST"],
    matcher: "/admin/maintenance-schedules/:id/replan",
    middlewares: [validateAndTransformBody(AdminReplanMaintenanceSchedule)],
  },
]
