import { z } from "@medusajs/framework/zod"
import { freeText, idParam, queryInt, serialTextList } from "../../utils/validators"

/** Body of `POST /admin/serial-transfers`. */
export const AdminPostSerialTransfer = z.strictObject({
  from_location_id: idParam,
  to_location_id: idParam,
  serial_numbers: serialTextList("serial_numbers"),
  note: freeText("note", 2000).nullish(),
})
export type AdminPostSerialTransferType = z.infer<typeof AdminPostSerialTransfer>

/** Query of `GET /admin/serial-transfers`: a page (`limit`, `after` = the previous `next_cursor`), a location. */
export const AdminGetSerialTransfers = z.strictObject({
  limit: queryInt("limit", 1, 200, 50),
  after: idParam.optional(),
  location_id: idParam.optional(),
})
export type AdminGetSerialTransfersType = z.infer<typeof AdminGetSerialTransfers>
