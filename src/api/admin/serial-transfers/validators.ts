import { z } from "@medusajs/framework/zod"
import { freeText, idParam, serialTextList } from "../../utils/validators"

/** Body of `POST /admin/serial-transfers`. */
export const AdminPostSerialTransfer = z.strictObject({
  from_location_id: idParam,
  to_location_id: idParam,
  serial_numbers: serialTextList("serial_numbers"),
  note: freeText("note", 2000).nullish(),
})
export type AdminPostSerialTransferType = z.infer<typeof AdminPostSerialTransfer>
