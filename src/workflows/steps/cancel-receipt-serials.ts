import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SERIAL_MODULE } from "../../modules/serial"
import type SerialModuleService from "../../modules/serial/service"
import type { CancelReceiptSerialsInput } from "../../modules/serial/services/receipt-corrections"

export const cancelReceiptSerialsStepId = "cancel-receipt-serials-step"
/**
 * Un-receives chosen serials of a receipt (`inactive`, no location, no receipt) and lowers
 * its lines; compensation puts serials, lines and receipt back and removes the ledger rows.
 */
export const cancelReceiptSerialsStep = createStep(
  cancelReceiptSerialsStepId,
  async (input: CancelReceiptSerialsInput, { container }) => {
    const service: SerialModuleService = container.resolve(SERIAL_MODULE)
    const { result, undo } = await service.cancelReceiptSerials(input)
    return new StepResponse(result, undo)
  },
  async (undo, { container }) => {
    const service: SerialModuleService = container.resolve(SERIAL_MODULE)
    await service.undoCancelReceiptSerials(undo ?? null)
  }
)
