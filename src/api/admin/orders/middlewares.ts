import { validateAndTransformBody } from "@medusajs/framework/http"
import type { MiddlewareRoute } from "@medusajs/framework/http"
import { AdminPostOrderSerialNumbers, AdminReleaseOrderSerials, serialFulfillmentAdditionalData } from "./validators"
import { AdminReturnSerials } from "../returns/validators"

/** Serials of orders and returns, and the serials Medusa's own fulfilment route carries. */
export const orderSerialMiddlewares: MiddlewareRoute[] = [
  {
    // Medusa's native fulfilment route: `additional_data.serial_numbers` per line item,
    // read by the plugin's `fulfillmentCreated` hook handler. Large enough for thousands.
    method: ["POST"],
    matcher: "/admin/orders/:id/fulfillments",
    bodyParser: { sizeLimit: "5mb" },
    additionalDataValidator: serialFulfillmentAdditionalData,
  },
  {
    method: ["POST"],
    matcher: "/admin/orders/:id/serial-numbers",
    bodyParser: { sizeLimit: "5mb" },
    middlewares: [validateAndTransformBody(AdminPostOrderSerialNumbers)],
  },
  {
    method: ["POST"],
    matcher: "/admin/orders/:id/serial-numbers/release",
    bodyParser: { sizeLimit: "5mb" },
    middlewares: [validateAndTransformBody(AdminReleaseOrderSerials)],
  },
  {
    method: ["POST"],
    matcher: "/admin/returns/:id/serial-numbers",
    bodyParser: { sizeLimit: "5mb" },
    middlewares: [validateAndTransformBody(AdminReturnSerials)],
  },
]
