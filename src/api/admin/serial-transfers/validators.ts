import { z } from "@medusajs/framework/zod"
import { freeText, idParam } from "../../utils/validators"

/** Body of `POST /admin/serial-transfers`. */
export const AdminPostSerialTransfer = z.strictObject({
  from_location_id: idParam,
  to_location_id: idParam,
  serial_numbers: z
    .array(z.unknown())
    .min(1)
    .max(10_000)
    .superRefine((list, ctx) => {
      const bad = list.filter((v) => typeof v !== "string" || !v.trim() || v.length > 1000)
      if (bad.length) {
        ctx.addIssue({
          code: "custom",
          message: `Field 'serial_numbers' must list serials as text, got: ${bad
            .slice(0, 5)
            .map((v) => JSON.stringify(v)?.slice(0, 60))
            .join(", ")}`,
        })
      }
    })
    .transform((list) => list as string[]),
  note: freeText("note", 2000).nullish(),
})
export type AdminPostSerialTransferType = z.infer<typeof AdminPostSerialTransfer>
