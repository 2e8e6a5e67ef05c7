import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { readReceipt } from "../read-receipt"
import type { AdminSerialReceiptResponse } from "../../../../shared/http/admin"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminSerialReceiptResponse>) => {
  res.json({ serial_receipt: await readReceipt(req.scope, req.params.id, req.queryConfig.fields) })
}
