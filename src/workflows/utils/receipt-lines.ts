import type { ReceiptLineInput } from "../../modules/serial/types"
import type { PostSerialReceiptWorkflowInput } from "../post-serial-receipt"
import type { ResolvedVariant } from "../steps/resolve-variants"

/** A receipt's items as the serial module receives them, with each variant's product and inventory item. */
export function receiptLines(
  items: PostSerialReceiptWorkflowInput["items"],
  variants: Record<string, ResolvedVariant>
): ReceiptLineInput[] {
  return items.map((i) => ({
    variant_id: i.variant_id,
    product_id: variants[i.variant_id].product_id,
    inventory_item_id: variants[i.variant_id].inventory_item_id as string,
    sku: variants[i.variant_id].sku,
    quantity: i.quantity,
    unit_cost: i.unit_cost ?? null,
    serial_numbers: i.serial_numbers,
    range: i.range,
  }))
}
