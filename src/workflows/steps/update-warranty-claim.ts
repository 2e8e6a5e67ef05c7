import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SERIAL_MODULE } from "../../modules/serial"
import type SerialModuleService from "../../modules/serial/service"
import type { UpdateWarrantyClaimInput } from "../../modules/serial/maintenance-types"

export type UpdateWarrantyClaimStepInput = { id: string; update: UpdateWarrantyClaimInput }

export const updateWarrantyClaimStepId = "update-warranty-claim-step"
/** Moves a claim along its statuses, links visits and a replacement; compensation puts it back. */
export const updateWarrantyClaimStep = createStep(
  updateWarrantyClaimStepId,
  async (input: UpdateWarrantyClaimStepInput, { container }) => {
    const service: SerialModuleService = container.resolve(SERIAL_MODULE)
    const { id, from_status, undo } = await service.updateWarrantyClaim(input.id, input.update)
    return new StepResponse({ id, from_status }, undo)
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service: SerialModuleService = container.resolve(SERIAL_MODULE)
    await service.undoWarrantyClaimUpdate(undo)
  }
)
