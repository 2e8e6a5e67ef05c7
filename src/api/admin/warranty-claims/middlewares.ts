import { validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import type { MiddlewareRoute } from "@medusajs/framework/http"
import { CLAIM_ATTACHMENTS_MAX } from "../../../shared/attachments"
import { fileUpload } from "../../utils/uploads"
import { AdminDecideWarrantyClaim, AdminFileWarrantyClaim, AdminGetWarrantyClaimParams, AdminGetWarrantyClaimsParams, AdminUpdateWarrantyClaim, listWarrantyClaimsConfig, retrieveWarrantyClaimConfig } from "./validators"

/** Routes of warranty claims (admin side). */
export const warrantyClaimMiddlewares: MiddlewareRoute[] = [
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
    method: ["POST"],
    matcher: "/admin/warranty-claims/:id/decision",
    middlewares: [validateAndTransformBody(AdminDecideWarrantyClaim)],
  },
  {
    method: ["POST"],
    matcher: "/admin/warranty-claims/:id/attachments",
    middlewares: [fileUpload("files", CLAIM_ATTACHMENTS_MAX)],
  },
]
