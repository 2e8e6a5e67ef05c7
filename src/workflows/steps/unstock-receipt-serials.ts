import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SERIAL_MODULE } from "../../modules/serial"
import type SerialModuleService from "../../modules/serial/service"

export const unstockReceiptSerialsStepId = "unstock-receipt-serials-step"
/** Takes a canceled receipt's serials out of stock; compensation puts them back. */
export const unstockReceiptSerialsStep = createStep(
  unstockReceiptSerialsStepId,
  async (input: { receipt_id: string; stock_location_id: string; actor_id?: string | null }, { container }) => {
    const service: SerialModuleService = container.resolve(SERIAL_MODULE)
    const { ids, operation_id } = await service.unstockReceiptSerials(input.receipt_id, input.stock_location_id, {
      actor_type: "user",
      actor_id: input.actor_id ?? null,
    })
    return new StepResponse(ids, { stock_location_id: input.stock_location_id, ids, operation_id })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service: SerialModuleService = container.resolve(SERIAL_MODULE)
    await service.restockReceiptSerials(undo)
  }
)
