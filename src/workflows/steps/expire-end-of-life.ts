import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SERIAL_MODULE } from "../../modules/serial"
import type SerialModuleService from "../../modules/serial/service"
import type { EndOfLifeCursor } from "../../modules/serial/maintenance-types"

export const expireEndOfLifeStepId = "expire-end-of-life-step"
/**
 * Moves up to `limit` serials past their end of life to `expired`, after the cursor of
 * the previous batch; answers the cursor of the next (null after the last). Compensation
 * moves them back.
 */
export const expireEndOfLifeStep = createStep(
  expireEndOfLifeStepId,
  async (input: { now: string; limit: number; after?: EndOfLifeCursor | null }, { container }) => {
    const service: SerialModuleService = container.resolve(SERIAL_MODULE)
    const { ids, undo, next } = await service.expireEndOfLife(new Date(input.now), input.limit, input.after ?? null)
    return new StepResponse({ ids, next }, undo)
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service: SerialModuleService = container.resolve(SERIAL_MODULE)
    await service.undoExpireEndOfLife(undo)
  }
)
