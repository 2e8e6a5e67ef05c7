import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { SERIAL_MODULE } from "../../../../../modules/serial"
import type SerialModuleService from "../../../../../modules/serial/service"
import { returnSerialsWorkflow } from "../../../../../workflows/return-serials"
import type { AdminReturnSerialsType } from "../../validators"

async function answer(req: AuthenticatedMedusaRequest<any>, awaiting: unknown[]) {
  const service: SerialModuleService = req.scope.resolve(SERIAL_MODULE)
  return {
    return_id: req.params.id,
    serial_numbers: await service.listReturnSerials(req.params.id),
    awaiting_selection: awaiting,
  }
}

/** The serials a return brought back so far (for the order page to show them). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service: SerialModuleService = req.scope.resolve(SERIAL_MODULE)
  res.json({ return_id: req.params.id, serial_numbers: await service.listReturnSerials(req.params.id) })
}

/** Says which serials came back with a received return, restocked or not. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminReturnSerialsType>, res: MedusaResponse) => {
  const { result } = await returnSerialsWorkflow(req.scope).run({
    input: {
      return_id: req.params.id,
      selection: req.validatedBody.serial_numbers,
      actor_id: req.auth_context?.actor_id,
    },
  })
  res.json(await answer(req, result.awaiting_selection))
}
