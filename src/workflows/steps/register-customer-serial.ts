import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SERIAL_MODULE } from "../../modules/serial"
import type SerialModuleService from "../../modules/serial/service"

export type RegisterCustomerSerialStepInput = {
  customer_id: string
  serial_number: string
  /** ISO 8601. */
  purchased_at: string
}

export const registerCustomerSerialStepId = "register-customer-serial-step"
/**
 * A customer's registration of a serial bought elsewhere: the serial becomes theirs, or a
 * pending registration waits for an admin (the store's option). Compensation takes the
 * serial back (its warranty as it was) or deletes the pending registration.
 */
export const registerCustomerSerialStep = createStep(
  registerCustomerSerialStepId,
  async (input: RegisterCustomerSerialStepInput, { container }) => {
    const service: SerialModuleService = container.resolve(SERIAL_MODULE)
    const { undo, ...result } = await service.storefrontRegisterSerial({
      customer_id: input.customer_id,
      serial_number: input.serial_number,
      purchased_at: new Date(input.purchased_at),
    })
    // A pending registration answered again is not a new one (nothing to announce).
    return new StepResponse({ ...result, registration_created: !!undo.inserted_registration_id }, undo)
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service: SerialModuleService = container.resolve(SERIAL_MODULE)
    await service.undoSerialRegistration(undo)
  }
)
