import { validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import type { MiddlewareRoute } from "@medusajs/framework/http"
import { AdminGetSerialTransfers, AdminPostSerialTransfer } from "./validators"

/** Routes of stock transfers by serial. */
export const serialTransferMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/serial-transfers",
    middlewares: [validateAndTransformQuery(AdminGetSerialTransfers, {})],
  },
  {
    method: ["POST"],
    matcher: "/admin/serial-transfers",
    // A transfer of thousands of serials, scanned or pasted.
    bodyParser: { sizeLimit: "5mb" },
    middlewares: [validateAndTransformBody(AdminPostSerialTransfer)],
  },
]
