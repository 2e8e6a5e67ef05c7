import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SERIAL_MODULE } from "../../modules/serial"
import type SerialModuleService from "../../modules/serial/service"
import type { LedgerReference, UpdateSerialDetailsInput } from "../../modules/serial/types"

export type UpdateSerialDetailsStepInput = {
  id: string
  update: UpdateSerialDetailsInput
  reference?: LedgerReference
}

export const updateSerialDetailsStepId = "update-serial-details-step"
/** Changes a serial's notes, metadata, end of life or warranty; compensation puts the old values back. */
export const updateSerialDetailsStep = createStep(
  updateSerialDetailsStepId,
  async (input: UpdateSerialDetailsStepInput, { container }) => {
    const service: SerialModuleService = container.resolve(SERIAL_MODULE)
    const undo = await service.updateSerialDetails(input.id, input.update, input.reference ?? {})
    return new StepResponse({ id: input.id }, undo)
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service: SerialModuleService = container.resolve(SERIAL_MODULE)
    await service.restoreSerialDetails(undo)
  }
)
