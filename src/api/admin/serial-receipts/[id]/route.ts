import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { readReceipt } from "../read-receipt"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ serial_receipt: await readReceipt(req.scope, req.params.id, req.queryConfig.fields) })
}
