import { z } from "@medusajs/framework/zod"
import { idParam, serialTextList } from "../../utils/validators"

/**
 * `additional_data` of Medusa's native `POST /admin/orders/:id/fulfillments`: serials per
 * line item id. A store that declares its own `additionalDataValidator` for that route
 * replaces this one (Medusa applies one per route): it spreads this object into its own.
 */
export const serialFulfillmentAdditionalData = {
  serial_numbers: z.record(z.string(), z.array(z.string())).optional(),
}

const serialText = (field: string) =>
  z
    .string({ error: (i) => `Field '${field}' must be text, got: '${String(i.input).slice(0, 60)}'` })
    .max(1000)

/**
 * A list of serial texts. Element types are checked here rather than by `z.string()`,
 * because Medusa's error formatter reports a wrong-typed array element as "required"
 * instead of naming the value.
 */
const serialList = (field: string) =>
  z
    .array(z.unknown())
    .min(1)
    .max(10_000)
    .superRefine((list, ctx) => {
      const bad = list.filter((v) => typeof v !== "string" || v.length > 1000)
      if (bad.length) {
        ctx.addIssue({
          code: "custom",
          message: `Field '${field}' must list serials as text, got: ${bad
            .slice(0, 5)
            .map((v) => JSON.stringify(v)?.slice(0, 60))
            .join(", ")}`,
        })
      }
    })
    .transform((list) => list as string[])

/**
 * `POST /admin/orders/:id/serial-numbers`: reserve serials for a line
 * (`{ line_item_id, serial_numbers }`) or swap one on it (`{ line_item_id, swap: { from, to } }`).
 */
export const AdminPostOrderSerialNumbers = z
  .object({
    line_item_id: idParam,
    serial_numbers: serialList("serial_numbers").optional(),
    swap: z.object({ from: serialText("swap.from"), to: serialText("swap.to") }).strict().optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (!!body.serial_numbers === !!body.swap) {
      ctx.addIssue({
        code: "custom",
        path: ["serial_numbers"],
        message: "Give either 'serial_numbers' (to reserve) or 'swap' ({ from, to }), not both or neither",
      })
    }
  })
export type AdminPostOrderSerialNumbersType = z.infer<typeof AdminPostOrderSerialNumbers>

/**
 * Body of `POST /admin/orders/:id/serial-numbers/release`: the reserved serials to free, or
 * nothing (an empty body) for all of the order's.
 */
export const AdminReleaseOrderSerials = z.strictObject({
  serial_numbers: serialTextList("serial_numbers").optional(),
})
export type AdminReleaseOrderSerialsType = z.infer<typeof AdminReleaseOrderSerials>
