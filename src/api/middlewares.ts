import { defineMiddlewares } from "@medusajs/framework/http"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { maintenanceAgendaMiddlewares } from "./admin/maintenance-agenda/middlewares"
import { maintenanceScheduleMiddlewares } from "./admin/maintenance-schedules/middlewares"
import { maintenanceVisitMiddlewares } from "./admin/maintenance-visits/middlewares"
import { orderSerialMiddlewares } from "./admin/orders/middlewares"
import { orderChangeMiddlewares } from "./admin/orders/order-change-middlewares"
import { serialCsvMiddlewares } from "./admin/serial-imports/middlewares"
import { serialNumberMiddlewares } from "./admin/serial-numbers/middlewares"
import { serialReceiptMiddlewares } from "./admin/serial-receipts/middlewares"
import { serialRegistrationMiddlewares } from "./admin/serial-registrations/middlewares"
import { serialReportMiddlewares } from "./admin/serial-reports/middlewares"
import { serialSeriesMiddlewares } from "./admin/serial-series/middlewares"
import { serialSettingsMiddlewares } from "./admin/serial-settings/middlewares"
import { serialStockTakeMiddlewares } from "./admin/serial-stock-takes/middlewares"
import { serialTransferMiddlewares } from "./admin/serial-transfers/middlewares"
import { warrantyClaimMiddlewares } from "./admin/warranty-claims/middlewares"
import { storefrontMiddlewares } from "./store/middlewares"
import { pathDecodingErrorHandler } from "./utils/undecodable-path"

// Each domain's routes (validation, body size, rate limits) are in a `middlewares.ts` next
// to them; this file adds what holds across all of them and composes them.

/**
 * Medusa's query parser answers a key nested deeper than two levels (`?a.b.c=1`) with a
 * 500; on the plugin's routes that is a 400 naming the key.
 */
function refuseDeepQueryKeys(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const deep = Object.keys(req.query ?? {}).find((k) => k.split(".").length > 2)
  if (deep) {
    return next(new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: query key '${deep.slice(0, 100)}' is nested too deeply`))
  }
  next()
}

/**
 * A body the plugin's routes read is JSON: one sent as another type (`text/plain`) would
 * reach them unparsed and be refused as if fields were missing. 415, naming the type.
 * Not on the CSV import, which reads its own body and checks its type itself, nor on a
 * file upload's `multipart/form-data` (utils/uploads.ts reads it).
 */
function requireJsonBody(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const hasBody = Number(req.headers["content-length"] ?? 0) > 0 || req.headers["transfer-encoding"] !== undefined
  if (!hasBody || req.method === "GET" || req.is("application/json")) {
    return next()
  }
  if (req.is("multipart/form-data") && UPLOAD_PATHS.some((p) => p.test(req.originalUrl.split("?")[0]))) {
    return next()
  }
  res.status(415).json({
    type: "unsupported_media_type",
    message: `Content type '${String(req.headers["content-type"] ?? "none").slice(0, 100)}' is not accepted: send the body as JSON, with 'Content-Type: application/json'`,
  })
}

/** Routes that take files as `multipart/form-data`. */
const UPLOAD_PATHS = [/^\/admin\/warranty-claims\/[^/]+\/attachments\/?$/]

/** The plugin's admin route families: too deeply nested query keys are refused on all of them. */
const ADMIN_PREFIXES = [
  "/admin/serial-numbers",
  "/admin/serial-series",
  "/admin/serial-settings",
  "/admin/serial-receipts",
  "/admin/serial-registrations",
  "/admin/serial-imports",
  "/admin/serial-reports",
  "/admin/serial-transfers",
  "/admin/serial-stock-takes",
  "/admin/maintenance-schedules",
  "/admin/maintenance-visits",
  "/admin/maintenance-agenda",
  "/admin/warranty-claims",
]

export default defineMiddlewares({
  errorHandler: pathDecodingErrorHandler(),
  routes: [
    ...ADMIN_PREFIXES.map((matcher) => ({ matcher, middlewares: [refuseDeepQueryKeys] })),
    ...[
      ...ADMIN_PREFIXES.filter((p) => p !== "/admin/serial-imports"),
      "/admin/orders/:id/serial-numbers",
      "/admin/returns/:id/serial-numbers",
      "/store/customers/me/serial-numbers",
      "/store/customers/me/warranty-claims",
    ].map((matcher) => ({ matcher, middlewares: [requireJsonBody] })),
    ...serialNumberMiddlewares,
    ...serialSeriesMiddlewares,
    ...serialSettingsMiddlewares,
    ...serialReceiptMiddlewares,
    ...serialTransferMiddlewares,
    ...serialStockTakeMiddlewares,
    ...orderSerialMiddlewares,
    ...orderChangeMiddlewares,
    ...maintenanceScheduleMiddlewares,
    ...maintenanceVisitMiddlewares,
    ...maintenanceAgendaMiddlewares,
    ...warrantyClaimMiddlewares,
    ...serialReportMiddlewares,
    ...storefrontMiddlewares,
    ...serialRegistrationMiddlewares,
    ...serialCsvMiddlewares,
  ],
})
