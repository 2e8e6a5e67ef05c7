import { z } from "@medusajs/framework/zod"
import { MAX_RANGE_SIZE } from "../../../shared/serial-input"
import { fieldsParam, freeText, idParam, pastDate, listParams, metadataSchema, oneOrMany, searchText, serialTextList, wholeNumber } from "../../utils/validators"
import { RECEIPT_ALLOWED_FIELDS } from "./query-config"

const serialText = z.string().max(1000)

const item = z
  .object({
    variant_id: idParam,
    quantity: wholeNumber("quantity", 1, MAX_RANGE_SIZE),
    unit_cost: z.number().min(0).max(1e12).nullish(),
    serial_numbers: z.array(serialText).min(1).max(MAX_RANGE_SIZE).optional(),
    range: z
      .union([
        z.object({ from: serialText, to: serialText }).strict(),
        z.object({ first: serialText, count: wholeNumber("range.count", 1, MAX_RANGE_SIZE) }).strict(),
      ])
      .optional(),
  })
  .strict()
  .superRefine((line, ctx) => {
    if (line.serial_numbers && line.range) {
      ctx.addIssue({
        code: "custom",
        path: ["range"],
        message: `Item for variant '${line.variant_id}': give 'serial_numbers' or 'range', not both`,
      })
    }
  })

/** Body of POST /admin/serial-receipts. */
export const AdminPostSerialReceipt = z.object({
  stock_location_id: idParam,
  supplier: z
    .object({
      name: freeText("supplier.name", 200, { min: 1, trim: true, singleLine: true }),
      reference: freeText("supplier.reference", 200, { trim: true, singleLine: true }).nullish(),
    })
    .strict()
    // None for opening stock and units found in a stock count.
    .nullish(),
  received_at: pastDate("received_at").optional(),
  notes: freeText("notes", 5000).nullish(),
  metadata: metadataSchema.nullish(),
  items: z.array(item).min(1).max(1000),
})
export type AdminPostSerialReceiptType = z.infer<typeof AdminPostSerialReceipt>

/** Query of POST /admin/serial-receipts: `dry_run=true` checks the receipt and saves nothing. */
export const AdminPostSerialReceiptQuery = z.object({
  dry_run: z
    .enum(["true", "false"], { error: (i) => `Field 'dry_run' must be 'true' or 'false', got: '${String(i.input).slice(0, 60)}'` })
    .optional(),
})
export type AdminPostSerialReceiptQueryType = z.infer<typeof AdminPostSerialReceiptQuery>

export const AdminGetSerialReceiptsParams = listParams(
  ["received_at", "created_at", "display_id", "supplier_name"],
  RECEIPT_ALLOWED_FIELDS
).extend({
  q: searchText.optional(),
  status: oneOrMany(z.enum(["posted", "canceled"])).optional(),
  stock_location_id: oneOrMany(idParam).optional(),
})
export type AdminGetSerialReceiptsParamsType = z.infer<typeof AdminGetSerialReceiptsParams>

export const AdminGetSerialReceiptParams = z.object({ fields: fieldsParam(RECEIPT_ALLOWED_FIELDS) })

/** Body of `POST /admin/serial-receipts/:id/vendor-returns`: the serials going back and why. */
export const AdminPostVendorReturn = z.strictObject({
  serial_numbers: serialTextList("serial_numbers"),
  reason: freeText("reason", 500, { trim: true, singleLine: true }).nullish(),
})
export type AdminPostVendorReturnType = z.infer<typeof AdminPostVendorReturn>

/** Cancel a receipt: the whole of it without a body, or only `serial_numbers` of it. */
export const AdminCancelSerialReceipt = z.strictObject({
  serial_numbers: serialTextList("serial_numbers").optional(),
})
export type AdminCancelSerialReceiptType = z.infer<typeof AdminCancelSerialReceipt>
