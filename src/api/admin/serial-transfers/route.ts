import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { SERIAL_MODULE } from "../../../modules/serial"
import type SerialModuleService from "../../../modules/serial/service"
import { transferSerialsWorkflow } from "../../../workflows/transfer-serials"
import type { AdminGetSerialTransfersType, AdminPostSerialTransferType } from "./validators"
import type { AdminSerialTransferListResponse, AdminSerialTransferResponse } from "../../../shared/http/admin"

/** Transfers, newest first, a cursor page at a time; optionally those from or to a location. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetSerialTransfersType>,
  res: MedusaResponse<AdminSerialTransferListResponse>
) => {
  const service: SerialModuleService = req.scope.resolve(SERIAL_MODULE)
  res.json(await service.listSerialTransfers(req.validatedQuery as AdminGetSerialTransfersType))
}

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
