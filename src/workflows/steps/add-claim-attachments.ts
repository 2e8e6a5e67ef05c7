import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SERIAL_MODULE } from "../../modules/serial"
import type SerialModuleService from "../../modules/serial/service"
import type { StoredFile } from "../../shared/attachments"

export const addClaimAttachmentsStepId = "add-claim-attachments-step"
/** Adds uploaded files to a claim; compensation puts its list back as it was. */
export const addClaimAttachmentsStep = createStep(
  addClaimAttachmentsStepId,
  async (input: { id: string; files: StoredFile[] }, { container }) => {
    const service: SerialModuleService = container.resolve(SERIAL_MODULE)
    const { attachments, undo } = await service.addWarrantyClaimAttachments(input.id, input.files)
    return new StepResponse(attachments, undo)
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service: SerialModuleService = container.resolve(SERIAL_MODULE)
    await service.restoreWarrantyClaimAttachments(undo)
  }
)
