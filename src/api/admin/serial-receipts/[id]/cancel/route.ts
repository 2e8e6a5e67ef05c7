import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { cancelSerialReceiptWorkflow } from "../../../../../workflows/cancel-serial-receipt"
import { readReceipt } from "../../read-receipt"
import type { AdminSerialReceiptResponse } from "../../../../../shared/http/admin"

/** Cancels a receipt: its serials leave stock and the inventory it added is removed. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminSerialReceiptResponse>) => {
  await readReceipt(req.scope, req.params.id)
  await cancelSerialReceiptWorkflow(req.scope).run({
    input: { id: req.params.id, actor_id: req.auth_context?.actor_id },
  })
  res.json({ serial_receipt: await readReceipt(req.scope, req.params.id) })
}
