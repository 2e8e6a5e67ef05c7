import { z } from "@medusajs/framework/zod"
import { SERIAL_STATUSES } from "../../../modules/serial/lib/status-machine"
import { serialTextProblem } from "../../../shared/serial-text"
import { cursorParam, fieldsParam, freeText, idParam, isoDate, listParams, metadataSchema, oneOrMany, searchText, serialTextList } from "../../utils/validators"
import { SERIAL_ALLOWED_FIELDS } from "./query-config"
import { SERIAL_LIST_SORTS } from "../../../shared/serial-list"

const status = z.enum(SERIAL_STATUSES)

/** A serial's warranty now: running (through its expiry instant), ended, or never set. */
export const WARRANTY_STATES = ["under_warranty", "expired", "none"] as const

export const AdminGetSerialNumbersParams = listParams(SERIAL_LIST_SORTS, SERIAL_ALLOWED_FIELDS).extend({
  /** The previous page's `next_cursor` (instead of `offset`, which reads every row it skips). */
  after: cursorParam.optional(),
  q: searchText.optional(),
  id: oneOrMany(idParam).optional(),
  status: oneOrMany(status).optional(),
  variant_id: oneOrMany(idParam).optional(),
  product_id: oneOrMany(idParam).optional(),
  stock_location_id: oneOrMany(idParam).optional(),
  customer_id: oneOrMany(idParam).optional(),
  order_id: oneOrMany(idParam).optional(),
  series_id: oneOrMany(idParam).optional(),
  receipt_id: oneOrMany(idParam).optional(),
  warranty_state: z
    .enum(WARRANTY_STATES, {
      error: (i) => `Field 'warranty_state' must be one of ${WARRANTY_STATES.join(", ")}, got: '${String(i.input).slice(0, 60)}'`,
    })
    .optional(),
})
export type AdminGetSerialNumbersParamsType = z.infer<typeof AdminGetSerialNumbersParams>

export const AdminGetSerialNumberParams = z.object({ fields: fieldsParam(SERIAL_ALLOWED_FIELDS) })

const serialText = z.string().superRefine((v, ctx) => {
  const problem = serialTextProblem(v)
  if (problem) {
    ctx.addIssue({ code: "custom", message: `Field 'serial_numbers': ${problem}` })
  }
})

const LOCATION_REFUSAL =
  "Field 'stock_location_id' cannot be set here: a serial's location is set only by stock transactions (purchase receipts, fulfilments, returns). Create the serial without it, or receive it through a purchase receipt."

/** Status and location are named in the schemas only so that their refusal can explain itself. */
function refuseStockFields(body: { stock_location_id?: unknown; status?: unknown }, ctx: z.RefinementCtx, why: string) {
  if (body.stock_location_id !== undefined) {
    ctx.addIssue({ code: "custom", path: ["stock_location_id"], message: LOCATION_REFUSAL })
  }
  if (body.status !== undefined) {
    ctx.addIssue({
      code: "custom",
      path: ["status"],
      message: `Field 'status' cannot be set by hand, got: '${String(body.status).slice(0, 60)}': ${why}`,
    })
  }
}

/** Body of POST /admin/serial-numbers: one serial or a list, for one variant. */
export const AdminCreateSerialNumbers = z
  .object({
    variant_id: idParam,
    serial_number: serialText.optional(),
    serial_numbers: z.array(serialText).min(1).max(10000).optional(),
    notes: freeText("notes", 5000).nullish(),
    metadata: metadataSchema.nullish(),
    end_of_life_at: isoDate("end_of_life_at").nullish(),
    // Named so that the refusal can explain itself instead of "unrecognized field".
    stock_location_id: z.unknown().optional(),
    status: z.unknown().optional(),
  })
  .superRefine((body, ctx) => {
    refuseStockFields(body, ctx, "serials created directly are 'inactive' until stock moves them")
    if ((body.serial_number === undefined) === (body.serial_numbers === undefined)) {
      ctx.addIssue({
        code: "custom",
        path: ["serial_numbers"],
        message: "Give either 'serial_number' (one serial) or 'serial_numbers' (a list), not both and not neither",
      })
    }
  })
export type AdminCreateSerialNumbersType = z.infer<typeof AdminCreateSerialNumbers>

/** Body of POST /admin/serial-numbers/:id: what an admin may change by hand. */
export const AdminUpdateSerialNumber = z
  .object({
    notes: freeText("notes", 5000).nullish(),
    metadata: metadataSchema.nullish(),
    end_of_life_at: isoDate("end_of_life_at").nullish(),
    warranty_starts_at: isoDate("warranty_starts_at").nullish(),
    warranty_expires_at: isoDate("warranty_expires_at").nullish(),
    stock_location_id: z.unknown().optional(),
    status: z.unknown().optional(),
  })
  .superRefine((body, ctx) => refuseStockFields(body, ctx, "status follows stock movements"))
export type AdminUpdateSerialNumberType = z.infer<typeof AdminUpdateSerialNumber>

/** Body of `POST /admin/serial-numbers/scrap`: the serials written off and why. */
export const AdminScrapSerialNumbers = z.strictObject({
  serial_numbers: serialTextList("serial_numbers"),
  reason: freeText("reason", 500, { min: 1, trim: true, singleLine: true }),
  stock_already_lowered: z.boolean().optional(),
})
export type AdminScrapSerialNumbersType = z.infer<typeof AdminScrapSerialNumbers>

/** Body of `POST /admin/serial-numbers/:id/owner`: the customer the unit passes to. */
export const AdminChangeSerialOwner = z.strictObject({
  customer_id: idParam,
  note: freeText("note", 2000).nullish(),
})
export type AdminChangeSerialOwnerType = z.infer<typeof AdminChangeSerialOwner>
