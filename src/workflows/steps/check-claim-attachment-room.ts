import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SERIAL_MODULE } from "../../modules/serial"
import type SerialModuleService from "../../modules/serial/service"

export const checkClaimAttachmentRoomStepId = "check-claim-attachment-room-step"
/** Refuses files for a missing claim, or more than it may hold, before anything is uploaded. Read-only. */
export const checkClaimAttachmentRoomStep = createStep(
  checkClaimAttachmentRoomStepId,
  async (input: { id: string; adding: number }, { container }) => {
    const service: SerialModuleService = container.resolve(SERIAL_MODULE)
    await service.checkWarrantyClaimAttachmentRoom(input.id, input.adding)
    return new StepResponse(undefined)
  }
)
