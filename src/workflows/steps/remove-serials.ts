import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SERIAL_MODULE } from "../../modules/serial"
import type SerialModuleService from "../../modules/serial/service"
import type { LedgerReference } from "../../modules/serial/types"

export const removeSerialsStepId = "remove-serials-step"
/** Deletes serials that have no stock history; compensation restores them. */
export const removeSerialsStep = createStep(
  removeSerialsStepId,
  async (input: { ids: string[]; reference?: LedgerReference }, { container }) => {
    const service: SerialModuleService = container.resolve(SERIAL_MODULE)
    const removed = await service.removeSerials(input.ids, input.reference ?? {})
    return new StepResponse(removed.ids, removed)
  },
  async (removed, { container }) => {
    if (!removed?.ids.length) {
      return
    }
    const service: SerialModuleService = container.resolve(SERIAL_MODULE)
    await service.restoreRemovedSerials(removed)
  }
)
