import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SERIAL_MODULE } from "../../modules/serial"
import type SerialModuleService from "../../modules/serial/service"
import type { DecideWarrantyClaimInput } from "../../modules/serial/maintenance-types"

export const recordClaimDecisionStepId = "record-claim-decision-step"
/** Records a decision on a claim and what it opened; compensation puts the claim back as it was. */
export const recordClaimDecisionStep = createStep(
  recordClaimDecisionStepId,
  async (input: DecideWarrantyClaimInput, { container }) => {
    const service: SerialModuleService = container.resolve(SERIAL_MODULE)
    const { id, from_status, undo } = await service.decideWarrantyClaim(input)
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
