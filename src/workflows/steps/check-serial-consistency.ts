import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SERIAL_MODULE } from "../../modules/serial"
import type SerialModuleService from "../../modules/serial/service"
import type { SerializedStock } from "./read-serialized-stock"

export const checkSerialConsistencyStepId = "check-serial-consistency-step"
/** Runs the module's consistency check against Medusa's stock levels. Read-only. */
export const checkSerialConsistencyStep = createStep(
  checkSerialConsistencyStepId,
  async (input: SerializedStock & { limit?: number }, { container }) => {
    const service: SerialModuleService = container.resolve(SERIAL_MODULE)
    return new StepResponse(await service.checkConsistency(input))
  }
)
