import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SERIAL_MODULE } from "../../modules/serial"
import type SerialModuleService from "../../modules/serial/service"

export const takeSerialDeliveryNoticeStepId = "take-serial-delivery-notice-step"
/**
 * Takes the delivery notice of a fulfilment's serials into the outbox, once per fulfilment
 * (an event delivered twice takes nothing the second time); compensation removes the row
 * it took, so a retry takes it again.
 */
export const takeSerialDeliveryNoticeStep = createStep(
  takeSerialDeliveryNoticeStepId,
  async (input: { fulfillment_id: string; order_id: string }, { container }) => {
    const service: SerialModuleService = container.resolve(SERIAL_MODULE)
    const id = await service.takeSerialDeliveryNotice(input)
    return new StepResponse({ taken: id !== null }, id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    const service: SerialModuleService = container.resolve(SERIAL_MODULE)
    await service.releaseReminders([id])
  }
)
