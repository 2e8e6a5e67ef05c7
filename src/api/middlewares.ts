import {
  defineMiddlewares,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import {
  AdminCreateSerialNumbers,
  AdminGetSerialNumberParams,
  AdminGetSerialNumbersParams,
  AdminUpdateSerialNumber,
} from "./admin/serial-numbers/validators"
import { listSerialNumbersConfig, retrieveSerialNumberConfig } from "./admin/serial-numbers/query-config"
import {
  AdminCreateSerialSeries,
  AdminGetSerialSeriesParams,
  AdminPreviewSerialSeriesParams,
  AdminUpdateSerialSeries,
} from "./admin/serial-series/validators"
import { listSerialSeriesConfig, retrieveSerialSeriesConfig } from "./admin/serial-series/query-config"
import { AdminUpsertSerialSettings } from "./admin/serial-settings/validators"
import {
  AdminGetSerialReceiptParams,
  AdminGetSerialReceiptsParams,
  AdminPostSerialReceipt,
  AdminPostSerialReceiptQuery,
} from "./admin/serial-receipts/validators"
import { listSerialReceiptsConfig, retrieveSerialReceiptConfig } from "./admin/serial-receipts/query-config"
import { z } from "@medusajs/framework/zod"
import { AdminReturnSerials } from "./admin/returns/validators"
import { AdminPostOrderSerialNumbers, serialFulfillmentAdditionalData } from "./admin/orders/validators"

// maintenance, claims, reports
import {
  AdminCreateMaintenanceSchedule,
  AdminGetMaintenanceScheduleParams,
  AdminGetMaintenanceSchedulesParams,
  AdminUpdateMaintenanceSchedule,
} from "./admin/maintenance-schedules/validators"
import {
  listMaintenanceSchedulesConfig,
  retrieveMaintenanceScheduleConfig,
} from "./admin/maintenance-schedules/query-config"
import {
  AdminGetMaintenanceVisitsParams,
  AdminLogMaintenanceVisit,
  AdminUpdateMaintenanceVisit,
  listMaintenanceVisitsConfig,
} from "./admin/maintenance-visits/validators"
import {
  AdminFileWarrantyClaim,
  AdminGetWarrantyClaimParams,
  AdminGetWarrantyClaimsParams,
  AdminUpdateWarrantyClaim,
  listWarrantyClaimsConfig,
  retrieveWarrantyClaimConfig,
} from "./admin/warranty-claims/validators"
import { validateReportQuery } from "./admin/serial-reports/validators"
import { publicLookupRateLimit, storefrontWriteRateLimit } from "./store/rate-limit"
import { refuseUndecodablePath } from "./store/validators"
import { pathDecodingErrorHandler } from "./utils/undecodable-path"
import { StoreFileWarrantyClaim, StoreRegisterSerial } from "./store/validators"
import { AdminDecideSerialRegistration, AdminGetSerialRegistrationsParams } from "./admin/serial-registrations/validators"
import { serialCsvMiddlewares } from "./admin/serial-imports/middlewares"

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
 * Not on the CSV import, which reads its own body and checks its type itself.
 */
function requireJsonBody(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const hasBody = Number(req.headers["content-length"] ?? 0) > 0 || req.headers["transfer-encoding"] !== undefined
  if (!hasBody || req.method === "GET" || req.is("application/json")) {
    return next()
  }
  res.status(415).json({
    type: "unsupported_media_type",
    message: `Content type '${String(req.headers["content-type"] ?? "none").slice(0, 100)}' is not accepted: send the body as JSON, with 'Content-Type: application/json'`,
  })
}

/** Bulk bodies (10,000 serials) are larger than express' default 100 KB. */
const BULK_BODY = { sizeLimit: "5mb" }

/** The plugin's admin route families: too deeply nested query keys are refused on all of them. */
const ADMIN_PREFIXES = [
  "/admin/serial-numbers",
  "/admin/serial-series",
  "/admin/serial-settings",
  "/admin/serial-receipts",
  "/admin/serial-registrations",
  "/admin/serial-imports",
  "/admin/serial-reports",
  "/admin/maintenance-schedules",
  "/admin/maintenance-visits",
  "/admin/warranty-claims",
]

export default defineMiddlewares({
  errorHandler: pathDecodingErrorHandler(),
  routes: [
    ...ADMIN_PREFIXES.map((matcher) => ({ matcher, middlewares: [refuseDeepQueryKeys] })),
    ...[...ADMIN_PREFIXES.filter((p) => p !== "/admin/serial-imports"), "/admin/orders/:id/serial-numbers", "/admin/returns/:id/serial-numbers", "/store/customers/me/serial-numbers", "/store/customers/me/warranty-claims"].map(
      (matcher) => ({ matcher, middlewares: [requireJsonBody] })
    ),
    {
      method: ["GET"],
      matcher: "/admin/serial-numbers",
      middlewares: [validateAndTransformQuery(AdminGetSerialNumbersParams, listSerialNumbersConfig)],
    },
    {
      method: ["POST"],
      matcher: "/admin/serial-numbers",
      bodyParser: BULK_BODY,
      middlewares: [validateAndTransformBody(AdminCreateSerialNumbers)],
    },
    {
      method: ["GET"],
      matcher: "/admin/serial-numbers/:id",
      middlewares: [validateAndTransformQuery(AdminGetSerialNumberParams, retrieveSerialNumberConfig)],
    },
    {
      method: ["POST"],
      matcher: "/admin/serial-numbers/:id",
      middlewares: [
        validateAndTransformBody(AdminUpdateSerialNumber),
        validateAndTransformQuery(AdminGetSerialNumberParams, retrieveSerialNumberConfig),
      ],
    },
    {
      method: ["GET"],
      matcher: "/admin/serial-series",
      middlewares: [validateAndTransformQuery(AdminGetSerialSeriesParams, listSerialSeriesConfig)],
    },
    {
      method: ["POST"],
      matcher: "/admin/serial-series",
      middlewares: [validateAndTransformBody(AdminCreateSerialSeries)],
    },
    {
      method: ["GET"],
      matcher: "/admin/serial-series/:id",
      middlewares: [validateAndTransformQuery(z.object({}), retrieveSerialSeriesConfig)],
    },
    {
      method: ["POST"],
      matcher: "/admin/serial-series/:id",
      middlewares: [validateAndTransformBody(AdminUpdateSerialSeries)],
    },
    {
      method: ["GET"],
      matcher: "/admin/serial-series/:id/preview",
      middlewares: [validateAndTransformQuery(AdminPreviewSerialSeriesParams, { isList: false })],
    },
    {
      method: ["POST"],
      matcher: "/admin/serial-settings/:variant_id",
      middlewares: [validateAndTransformBody(AdminUpsertSerialSettings)],
    },
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
    // ------------------------------------------------------------ order fulfilment
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
    // ------------------------------------------------------------ maintenance, claims, reports
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
    {
      method: ["GET"],
      matcher: "/admin/warranty-claims",
      middlewares: [validateAndTransformQuery(AdminGetWarrantyClaimsParams, listWarrantyClaimsConfig)],
    },
    {
      method: ["POST"],
      matcher: "/admin/warranty-claims",
      middlewares: [validateAndTransformBody(AdminFileWarrantyClaim)],
    },
    {
      method: ["GET"],
      matcher: "/admin/warranty-claims/:id",
      middlewares: [validateAndTransformQuery(AdminGetWarrantyClaimParams, retrieveWarrantyClaimConfig)],
    },
    {
      method: ["POST"],
      matcher: "/admin/warranty-claims/:id",
      middlewares: [validateAndTransformBody(AdminUpdateWarrantyClaim)],
    },
    {
      method: ["GET"],
      matcher: "/admin/serial-reports/:report",
      middlewares: [validateReportQuery],
    },
    {
      method: ["POST"],
      matcher: "/admin/returns/:id/serial-numbers",
      bodyParser: { sizeLimit: "5mb" },
      middlewares: [validateAndTransformBody(AdminReturnSerials)],
    },
    // ------------------------------------------------------------ storefront
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
      method: ["GET"],
      matcher: "/admin/serial-registrations",
      middlewares: [validateAndTransformQuery(AdminGetSerialRegistrationsParams, { isList: true })],
    },
    {
      method: ["POST"],
      matcher: "/admin/serial-registrations/:id",
      middlewares: [validateAndTransformBody(AdminDecideSerialRegistration)],
    },
    ...serialCsvMiddlewares,
  ],
})
