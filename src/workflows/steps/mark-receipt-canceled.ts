import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SERIAL_MODULE } from "../../modules/serial"
import type SerialModuleService from "../../modules/serial/service"

export const markReceiptCanceledStepId = "mark-receipt-canceled-step"
/** Marks a posted receipt canceled (refusing one already canceled); compensation re-posts it. */
export const markReceiptCanceledStep = createStep(
  markReceiptCanceledStepId,
  async (id: string, { container }) => {
    const service: SerialModuleService = container.resolve(SERIAL_MODULE)
    const receipt = await service.retrieveSerialReceipt(id, { relations: ["lines"] })
    if (receipt.status === "canceled") {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Receipt ${id} is already canceled`)
    }
    await service.updateSerialReceipts({ id, status: "canceled", canceled_at: new Date() })
    return new StepResponse(receipt, id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    const service: SerialModuleService = container.resolve(SERIAL_MODULE)
    await service.updateSerialReceipts({ id, status: "posted", canceled_at: null })
  }
)
