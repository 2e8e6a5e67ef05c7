import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SERIAL_MODULE } from "../../modules/serial"
import type SerialModuleService from "../../modules/serial/service"
import type { ReceiveSerialsInput } from "../../modules/serial/types"

export const checkReceiptStepId = "check-receipt-step"
/** Every problem the receipt would be refused for, and the serials it would receive. Read-only. */
export const checkReceiptStep = createStep(
  checkReceiptStepId,
  async (input: ReceiveSerialsInput, { container }) => {
    const service: SerialModuleService = container.resolve(SERIAL_MODULE)
    return new StepResponse(await service.checkReceipt(input))
  }
)
