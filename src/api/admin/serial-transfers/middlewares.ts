import { validateAndTransformBody } from "@medusajs/framework/http"
import type { MiddlewareRoute } from "@medusajs/framework/http"
import { AdminPostSerialTransfer } from "./validators"

/** Routes of stock transfers by serial. */
export const serialTransferMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/admin/serial-transfers",
    // A transfer of thousands of serials, scanned or pasted.
    bodyParser: { sizeLimit: "5mb" },
    middlewares: [validateAndTransformBody(AdminPostSerialTransfer)],
  },
]
