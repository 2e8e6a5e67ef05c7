import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { cancelReceiptSerialsWorkflow } from "../../../../../workflows/cancel-receipt-serials"
import { cancelSerialReceiptWorkflow } from "../../../../../workflows/cancel-serial-receipt"
import { readReceipt } from "../../read-receipt"
import type { AdminCancelSerialReceiptType } from "../../validators"
import type { AdminSerialReceiptResponse } from "../../../../../shared/http/admin"

/**
 * Cancels a receipt: without a body the whole of it (its serials leave stock and the
 * inventory it added is removed); with `serial_numbers` only those serials, which never
 * arrived (docs/admin-api.md, "Purchase receipts"). Answers with the receipt as it is now.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminCancelSerialReceiptType>,
  res: MedusaResponse<AdminSerialReceiptResponse>
) => {
  const actor_id = req.auth_context?.actor_id ?? null
  const serial_numbers = req.validatedBody?.serial_numbers
  if (serial_numbers) {
    await cancelReceiptSerialsWorkflow(req.scope).run({ input: { receipt_id: req.params.id, serial_numbers, actor_id } })
  } else {
    await readReceipt(req.scope, req.params.id)
    await cancelSerialReceiptWorkflow(req.scope).run({ input: { id: req.params.id, actor_id: actor_id ?? undefined } })
  }
  res.json({ serial_receipt: await readReceipt(req.scope, req.params.id) })
}
