import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SERIAL_MODULE } from "../../modules/serial"
import type SerialModuleService from "../../modules/serial/service"

export const takeRemindersStepId = "take-reminders-step"
/**
 * Takes the reminders to send (visits due, overdue, warranties expiring): each is written
 * to the sent log first, so that it goes out once; compensation puts them back for the
 * next run.
 */
export const takeRemindersStep = createStep(
  takeRemindersStepId,
  async (input: { now: string; limit: number }, { container }) => {
    const service: SerialModuleService = container.resolve(SERIAL_MODULE)
    const taken = await service.takeReminders(new Date(input.now), input.limit)
    return new StepResponse(taken, taken.log_ids)
  },
  async (logIds, { container }) => {
    if (!logIds?.length) {
      return
    }
    const service: SerialModuleService = container.resolve(SERIAL_MODULE)
    await service.releaseReminders(logIds)
  }
)
