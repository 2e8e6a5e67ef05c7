import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SERIAL_MODULE } from "../../modules/serial"
import type SerialModuleService from "../../modules/serial/service"
import type { FileWarrantyClaimInput } from "../../modules/serial/maintenance-types"

export const fileWarrantyClaimStepId = "file-warranty-claim-step"
/**
 * Files a claim with the coverage the server computes; compensation removes it and its
 * ledger row. A replayed claim (the same idempotency key again) was filed by an earlier
 * request, so there is nothing to undo.
 */
export const fileWarrantyClaimStep = createStep(
  fileWarrantyClaimStepId,
  async (input: FileWarrantyClaimInput, { container }) => {
    const service: SerialModuleService = container.resolve(SERIAL_MODULE)
    const { id, replayed, undo } = await service.fileWarrantyClaim(input)
    return new StepResponse({ id, replayed }, undo)
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service: SerialModuleService = container.resolve(SERIAL_MODULE)
    await service.purgeWarrantyClaim(undo)
  }
)
