import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SERIAL_MODULE } from "../../modules/serial"
import type SerialModuleService from "../../modules/serial/service"
import type { FileWarrantyClaimInput } from "../../modules/serial/maintenance-types"

/** Files a claim with the coverage the server computes; compensation removes it and its ledger row. */
export const fileWarrantyClaimStep = createStep(
  "serial-file-warranty-claim",
  async (input: FileWarrantyClaimInput, { container }) => {
    const service: SerialModuleService = container.resolve(SERIAL_MODULE)
    const { id } = await service.fileWarrantyClaim(input)
    return new StepResponse({ id }, id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    const service: SerialModuleService = container.resolve(SERIAL_MODULE)
    await service.purgeWarrantyClaim(id)
  }
)
