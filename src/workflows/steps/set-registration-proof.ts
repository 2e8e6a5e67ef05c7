import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SERIAL_MODULE } from "../../modules/serial"
import type SerialModuleService from "../../modules/serial/service"
import type { StoredFile } from "../../shared/attachments"

export type SetRegistrationProofStepInput = { customer_id: string; registration_id: string; proof?: StoredFile }

export const checkRegistrationProofStepId = "check-registration-proof-step"
/**
 * Refuses a proof of purchase before it is uploaded: the registration must be the
 * customer's own (another's is not found) and still pending. Read-only.
 */
export const checkRegistrationProofStep = createStep(
  checkRegistrationProofStepId,
  async (input: SetRegistrationProofStepInput, { container }) => {
    const service: SerialModuleService = container.resolve(SERIAL_MODULE)
    await service.storefrontSetProofOfPurchase({ customer_id: input.customer_id, registration_id: input.registration_id })
    return new StepResponse(undefined)
  }
)

export const setRegistrationProofStepId = "set-registration-proof-step"
/** Sets a registration's proof of purchase, answering the registration and the proof it replaced; compensation puts that back. */
export const setRegistrationProofStep = createStep(
  setRegistrationProofStepId,
  async (input: SetRegistrationProofStepInput, { container }) => {
    const service: SerialModuleService = container.resolve(SERIAL_MODULE)
    const set = await service.storefrontSetProofOfPurchase({ ...input, proof: input.proof ?? null })
    return new StepResponse(set, { registration_id: set.registration.id, previous: set.previous })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service: SerialModuleService = container.resolve(SERIAL_MODULE)
    await service.storefrontRestoreProofOfPurchase(undo)
  }
)
