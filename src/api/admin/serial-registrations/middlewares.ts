import { validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import type { MiddlewareRoute } from "@medusajs/framework/http"
import { AdminDecideSerialRegistration, AdminGetSerialRegistrationsParams } from "./validators"

/** Routes of registrations of serials bought elsewhere. */
export const serialRegistrationMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/serial-registrations",
    middlewares: [validateAndTransformQuery(AdminGetSerialRegistrationsParams, { isList: true })],
  },
  {
    method: ["POST"],
    matcher: "/admin/serial-registrations/:id",
    middlewares: [validateAndTransformBody(AdminDecideSerialRegistration)],
  },
]
