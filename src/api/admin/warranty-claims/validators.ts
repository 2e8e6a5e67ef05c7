import { z } from "@medusajs/framework/zod"
import { CLAIM_STATUSES } from "../../../modules/serial/models/warranty-claim"
import { exactFieldsParam, freeText, idParam, listParams, metadataSchema, oneOrMany, searchText } from "../../utils/validators"

export const CLAIM_FIELDS = [
  "id",
  "display_id",
  "serial_number_id",
  "serial_number",
  "customer_id",
  "description",
  "status",
  "maintenance_status",
  "covered",
  "warranty_expires_at",
  "contract_expires_at",
  "filed_at",
  "resolution",
  "replacement_serial_number_id",
  "closed_at",
  "created_by",
  "metadata",
  "created_at",
  "updated_at",
]

export const listWarrantyClaimsConfig = { defaults: CLAIM_FIELDS, allowed: CLAIM_FIELDS, isList: true }
export const retrieveWarrantyClaimConfig = { defaults: CLAIM_FIELDS, allowed: CLAIM_FIELDS, isList: false }

export const AdminGetWarrantyClaimsParams = listParams(
  ["created_at", "updated_at", "filed_at", "display_id", "status"],
  CLAIM_FIELDS
).extend({
  fields: exactFieldsParam(CLAIM_FIELDS),
  q: searchText.optional(),
  status: oneOrMany(z.enum(CLAIM_STATUSES)).optional(),
  serial_number_id: oneOrMany(idParam).optional(),
  customer_id: oneOrMany(idParam).optional(),
  covered: z
    .enum(["true", "false"], {
      error: (issue) => `Field 'covered' must be true or false, got: '${String(issue.input).slice(0, 60)}'`,
    })
    .optional(),
})
export type AdminGetWarrantyClaimsParamsType = z.infer<typeof AdminGetWarrantyClaimsParams>

export const AdminGetWarrantyClaimParams = z.object({ fields: exactFieldsParam(CLAIM_FIELDS) })

/** Body of POST /admin/warranty-claims. Coverage is not accepted: the server computes it. */
export const AdminFileWarrantyClaim = z.object({
  serial_number_id: idParam,
  description: freeText("description", 10_000, { min: 1, trim: true }),
  customer_id: idParam.nullish(),
  metadata: metadataSchema.nullish(),
})
export type AdminFileWarrantyClaimType = z.infer<typeof AdminFileWarrantyClaim>

/** Body of POST /admin/warranty-claims/:id. */
export const AdminUpdateWarrantyClaim = z.object({
  status: z.enum(CLAIM_STATUSES).optional(),
  resolution: freeText("resolution", 10_000).nullish(),
  replacement_serial_number_id: idParam.nullish(),
  visit_ids: z.array(idParam).max(1000).optional(),
  metadata: metadataSchema.nullish(),
})
export type AdminUpdateWarrantyClaimType = z.infer<typeof AdminUpdateWarrantyClaim>
