import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { SERIAL_MODULE } from "../../../../../../modules/serial"
import type SerialModuleService from "../../../../../../modules/serial/service"

/** A consistency run: its progress while running, its report once completed, why it failed. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service: SerialModuleService = req.scope.resolve(SERIAL_MODULE)
  res.json({ run: await service.retrieveConsistencyRun(req.params.id) })
}
