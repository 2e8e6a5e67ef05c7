import { z } from "@medusajs/framework/zod"
import { CLAIM_STATUSES } from "../../../modules/serial/models/warranty-claim"
import { CLAIM_DECISIONS, CLAIM_DECISIONS_WITH_ORDER, type ClaimDecision } from "../../../shared/statuses"
import { exactFieldsParam, freeText, idParam, listParams, metadataSchema, oneOrMany, searchText, shown } from "../../utils/validators"

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
  "decision",
  "decided_at",
  "decided_by",
  "repair_cost",
  "currency_code",
  "order_id",
  "return_id",
  "exchange_id",
  "attachments",
  "closed_at",
  "created_by",
  "metadata",
  "created_at",
  "updated_at",
]

/** A list leaves out the claims' files, whose URLs are asked of the File Module one claim at a time. */
const LIST_FIELDS = CLAIM_FIELDS.filter((f) => f !== "attachments")
export const listWarrantyClaimsConfig = { defaults: LIST_FIELDS, allowed: LIST_FIELDS, isList: true }
export const retrieveWarrantyClaimConfig = { defaults: CLAIM_FIELDS, allowed: CLAIM_FIELDS, isList: false }

export const AdminGetWarrantyClaimsParams = listParams(
  ["created_at", "updated_at", "filed_at", "display_id", "status"],
  LIST_FIELDS
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

/**
 * Body of POST /admin/warranty-claims/:id/decision. A repair names its cost and currency
 * (a cost of 0 for a repair the warranty pays); a replace or return names the stock
 * location the unit comes back to. Fields another decision would use are refused, not
 * ignored, so a form that sent the wrong ones hears of it.
 */
export const AdminDecideWarrantyClaim = z
  .object({
    decision: z.any().transform((v, ctx) => {
      if (!CLAIM_DECISIONS.includes(v)) {
        ctx.addIssue({
          code: "custom",
          message: `Field 'decision' must be one of ${CLAIM_DECISIONS.join(", ")}, got: '${shown(v)}'`,
        })
        return z.NEVER
      }
      return v as ClaimDecision
    }),
    resolution: freeText("resolution", 10_000).nullish(),
    repair_cost: z
      .any()
      .transform((v, ctx) => {
        if (v === undefined || v === null) {
          return v as undefined | null
        }
        if (typeof v !== "number" || !Number.isFinite(v) || v < 0 || v > 1e12) {
          ctx.addIssue({
            code: "custom",
            message: `Field 'repair_cost' must be a number from 0 to 1000000000000, got: '${shown(v)}'`,
          })
          return z.NEVER
        }
        return v
      }),
    currency_code: z
      .any()
      .transform((v, ctx) => {
        if (v === undefined || v === null) {
          return v as undefined | null
        }
        if (typeof v !== "string" || !/^[a-zA-Z]{3}$/.test(v)) {
          ctx.addIssue({
            code: "custom",
            message: `Field 'currency_code' must be a three-letter ISO 4217 code, got: '${shown(v)}'`,
          })
          return z.NEVER
        }
        return v.toLowerCase()
      }),
    location_id: idParam.nullish(),
  })
  .strict()
  .superRefine((body, ctx) => {
    const costGiven = body.repair_cost !== undefined && body.repair_cost !== null
    const currencyGiven = !!body.currency_code
    if (body.decision === "repair") {
      if (!costGiven) {
        ctx.addIssue({ code: "custom", message: "Field 'repair_cost' is required for a repair decision (0 when nothing is charged)" })
      } else if (!currencyGiven) {
        ctx.addIssue({ code: "custom", message: "Field 'currency_code' is required with 'repair_cost'" })
      }
    } else if (costGiven || currencyGiven) {
      ctx.addIssue({
        code: "custom",
        message: `Fields 'repair_cost' and 'currency_code' belong to a repair decision, not to '${shown(body.decision)}'`,
      })
    }
    const needsLocation = CLAIM_DECISIONS_WITH_ORDER.includes(body.decision)
    if (needsLocation && !body.location_id) {
      ctx.addIssue({
        code: "custom",
        message: `Field 'location_id' is required for a ${body.decision} decision: the stock location the unit comes back to`,
      })
    } else if (!needsLocation && body.location_id) {
      ctx.addIssue({
        code: "custom",
        message: `Field 'location_id' belongs to a replace or return decision, not to '${shown(body.decision)}'`,
      })
    }
  })
export type AdminDecideWarrantyClaimType = z.infer<typeof AdminDecideWarrantyClaim>
