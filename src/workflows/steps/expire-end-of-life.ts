import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SERIAL_MODULE } from "../../modules/serial"
import type SerialModuleService from "../../modules/serial/service"

export const expireEndOfLifeStepId = "expire-end-of-life-step"
/** Moves up to `limit` serials past their end of life to `expired`; compensation moves them back. */
export const expireEndOfLifeStep = createStep(
  expireEndOfLifeStepId,
  async (input: { now: string; limit: number }, { container }) => {
    const service: SerialModuleService = container.resolve(SERIAL_MODULE)
    const { ids, undo } = await service.expireEndOfLife(new Date(input.now), input.limit)
    return new StepResponse({ ids }, undo)
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service: SerialModuleService = container.resolve(SERIAL_MODULE)
    await service.undoExpireEndOfLife(undo)
  }
)
