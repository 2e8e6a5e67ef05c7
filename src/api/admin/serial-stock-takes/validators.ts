import { z } from "@medusajs/framework/zod"
import { freeText, idParam, serialText, serialTextList } from "../../utils/validators"

const countFields = {
  location_id: idParam,
  // Empty is a count that found nothing: everything held there is missing.
  serial_numbers: serialTextList("serial_numbers", 50_000, 0),
  variant_ids: z.array(idParam).max(1000).nullish(),
  new_serials: z
    .array(z.strictObject({ serial_number: serialText("new_serials[].serial_number"), variant_id: idParam }))
    .max(10_000)
    .nullish(),
}

/** Body of `POST /admin/serial-stock-takes/preview`: what was found at a location. */
export const AdminPreviewStockTake = z.strictObject(countFields)
export type AdminPreviewStockTakeType = z.infer<typeof AdminPreviewStockTake>

/** Body of `POST /admin/serial-stock-takes`: the same count, and a note, to apply. */
export const AdminConfirmStockTake = z.strictObject({ ...countFields, note: freeText("note", 2000).nullish() })
export type AdminConfirmStockTakeType = z.infer<typeof AdminConfirmStockTake>
