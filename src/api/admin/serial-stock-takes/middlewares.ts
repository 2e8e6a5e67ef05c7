import { validateAndTransformBody } from "@medusajs/framework/http"
import type { MiddlewareRoute } from "@medusajs/framework/http"
import { AdminConfirmStockTake, AdminPreviewStockTake } from "./validators"

// A whole location's count, scanned or pasted: up to 50,000 serials.
const COUNT_BODY = { sizeLimit: "10mb" }

/** Routes of stock-takes (cycle counts) by serial. */
export const serialStockTakeMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/admin/serial-stock-takes/preview",
    bodyParser: COUNT_BODY,
    middlewares: [validateAndTransformBody(AdminPreviewStockTake)],
  },
  {
    method: ["POST"],
    matcher: "/admin/serial-stock-takes",
    bodyParser: COUNT_BODY,
    middlewares: [validateAndTransformBody(AdminConfirmStockTake)],
  },
]
