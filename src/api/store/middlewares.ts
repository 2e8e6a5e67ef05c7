import { validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import type { MiddlewareRoute } from "@medusajs/framework/http"
import { StoreCustomerListParams, StoreFileWarrantyClaim, StoreRegisterSerial, refuseUndecodablePath } from "./validators"
import { publicLookupRateLimit, storefrontWriteRateLimit } from "./rate-limit"
import { fileUpload } from "../utils/uploads"

/**
 * The storefront's routes: the public look-up (rate limited, its path checked before
 * Express decodes it) and the customer's own writes (throttled).
 */
export const storefrontMiddlewares: MiddlewareRoute[] = [
  {
    // A prefix without parameters or wildcard, so it runs before Express decodes
    // `:serial` (a broken percent-encoding would otherwise surface as a 500).
    matcher: "/store/serial-numbers",
    middlewares: [refuseUndecodablePath],
  },
  {
    method: ["GET"],
    matcher: "/store/serial-numbers/:serial/warranty",
    middlewares: [publicLookupRateLimit],
  },
  {
    method: ["GET"],
    matcher: "/store/customers/me/serial-numbers",
    middlewares: [validateAndTransformQuery(StoreCustomerListParams, {})],
  },
  {
    method: ["GET"],
    matcher: "/store/customers/me/warranty-claims",
    middlewares: [validateAndTransformQuery(StoreCustomerListParams, {})],
  },
  {
    method: ["POST"],
    matcher: "/store/customers/me/serial-numbers",
    middlewares: [storefrontWriteRateLimit, validateAndTransformBody(StoreRegisterSerial)],
  },
  {
    method: ["POST"],
    matcher: "/store/customers/me/warranty-claims",
    middlewares: [storefrontWriteRateLimit, validateAndTransformBody(StoreFileWarrantyClaim)],
  },
  {
    method: ["POST"],
    matcher: "/store/customers/me/serial-registrations/:id/proof-of-purchase",
    middlewares: [storefrontWriteRateLimit, fileUpload("file", 1)],
  },
]
