import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { SERIAL_MODULE } from "../../../../modules/serial"
import type SerialModuleService from "../../../../modules/serial/service"
import type { AdminSerialTransferResponse } from "../../../../shared/http/admin"

/** A transfer with its locations, note, who made it, when, and its serials. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminSerialTransferResponse>) => {
  const service: SerialModuleService = req.scope.resolve(SERIAL_MODULE)
  res.json({ serial_transfer: await service.retrieveSerialTransfer(req.params.id) })
}
