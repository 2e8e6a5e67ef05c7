import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SERIAL_MODULE } from "../../modules/serial"
import type SerialModuleService from "../../modules/serial/service"
import type { LedgerReference, ReceiveSerialsInput } from "../../modules/serial/types"

export const receiveSerialsStepId = "receive-serials-step"
/** Puts a receipt's serials in stock; compensation takes exactly those out again. */
export const receiveSerialsStep = createStep(
  receiveSerialsStepId,
  async (input: { receive: ReceiveSerialsInput; reference?: LedgerReference }, { container }) => {
    const service: SerialModuleService = container.resolve(SERIAL_MODULE)
    const received = await service.receiveSerials(input.receive, input.reference ?? {})
    return new StepResponse(received, { receipt_id: input.receive.receipt_id, received })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service: SerialModuleService = container.resolve(SERIAL_MODULE)
    await service.undoReceiveSerials(undo.receipt_id, undo.received)
  }
)
