import { validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import type { MiddlewareRoute } from "@medusajs/framework/http"
import {
  AdminCancelSerialReceipt,
  AdminGetSerialReceiptParams,
  AdminGetSerialReceiptsParams,
  AdminPostSerialReceipt,
  AdminPostSerialReceiptQuery,
  AdminPostVendorReturn,
} from "./validators"
import { listSerialReceiptsConfig, retrieveSerialReceiptConfig } from "./query-config"

/** Routes of receipts: list, post (or check), read, cancel (whole or in part), and returns to the supplier. */
export const serialReceiptMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/serial-receipts",
    middlewares: [validateAndTransformQuery(AdminGetSerialReceiptsParams, listSerialReceiptsConfig)],
  },
  {
    method: ["POST"],
    matcher: "/admin/serial-receipts",
    // A receipt of 100,000 serials is a few megabytes of JSON.
    bodyParser: { sizeLimit: "20mb" },
    middlewares: [
    validateAndTransformBody(AdminPostSerialReceipt),
    validateAndTransformQuery(AdminPostSerialReceiptQuery, { isList: false }),
    ],
  },
  {
    method: ["GET"],
    matcher: "/admin/serial-receipts/:id",
    middlewares: [validateAndTransformQuery(AdminGetSerialReceiptParams, retrieveSerialReceiptConfig)],
  },
  {
    method: ["POST"],
    matcher: "/admin/serial-receipts/:id/cancel",
    bodyParser: { sizeLimit: "5mb" },
    middlewares: [validateAndTransformBody(AdminCancelSerialReceipt)],
  },
  {
    method: ["POST"],
    matcher: "/admin/serial-receipts/:id/vendor-returns",
    bodyParser: { sizeLimit: "5mb" },
    middlewares: [validateAndTransformBody(AdminPostVendorReturn)],
  },
]
