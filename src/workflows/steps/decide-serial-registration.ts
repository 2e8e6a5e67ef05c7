import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SERIAL_MODULE } from "../../modules/serial"
import type SerialModuleService from "../../modules/serial/service"

export type DecideSerialRegistrationStepInput = {
  id: string
  action: "approve" | "reject"
  note?: string | null
  actor_id?: string | null
}

export const decideSerialRegistrationStepId = "decide-serial-registration-step"
/**
 * An admin's approval (the serial becomes the customer's, and the other pending
 * registrations of it are rejected) or rejection of a pending registration: the decided
 * registration and the ids of the others rejected. Compensation makes them pending again
 * and takes the serial back.
 */
export const decideSerialRegistrationStep = createStep(
  decideSerialRegistrationStepId,
  async (input: DecideSerialRegistrationStepInput, { container }) => {
    const service: SerialModuleService = container.resolve(SERIAL_MODULE)
    const { registration, undo } = await service.decideSerialRegistration(input)
    return new StepResponse({ registration, rejected_ids: undo.rejected_registration_ids ?? [] }, undo)
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service: SerialModuleService = container.resolve(SERIAL_MODULE)
    await service.undoSerialRegistration(undo)
  }
)
