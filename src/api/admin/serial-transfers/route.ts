import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { transferSerialsWorkflow } from "../../../workflows/transfer-serials"
import type { AdminPostSerialTransferType } from "./validators"
import type { AdminSerialTransferResponse } from "../../../shared/http/admin"

/**
 * Moves serials in stock at `from_location_id` to `to_location_id`, with Medusa's stock
 * (docs/admin-api.md, "Transfers"). 201 with the transfer and its serials.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminPostSerialTransferType>,
  res: MedusaResponse<AdminSerialTransferResponse>
) => {
  const { result } = await transferSerialsWorkflow(req.scope).run({
    input: { ...req.validatedBody, actor_id: req.auth_context?.actor_id ?? null },
  })
  res.status(201).json({ serial_transfer: result })
}
