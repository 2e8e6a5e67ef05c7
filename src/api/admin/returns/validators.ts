import { z } from "@medusajs/framework/zod"
import { serialText } from "../../utils/validators"

/** Body of POST /admin/returns/:id/serial-numbers. */
export const AdminReturnSerials = z.object({
  serial_numbers: z
    .array(
      z
        .object({
          serial_number: serialText("serial_number"),
          restock: z.boolean().optional(),
        })
        .strict()
    )
    .min(1)
    .max(10000),
})
export type AdminReturnSerialsType = z.infer<typeof AdminReturnSerials>
