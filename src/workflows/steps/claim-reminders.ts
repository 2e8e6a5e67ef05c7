import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SERIAL_MODULE } from "../../modules/serial"
import type SerialModuleService from "../../modules/serial/service"

/**
 * Claims the reminders to send (visits due, overdue, warranties expiring) in the sent log,
 * so that each goes out once; compensation releases them for the next run.
 */
export const claimRemindersStep = createStep(
  "serial-claim-reminders",
  async (input: { now: string; limit: number }, { container }) => {
    const service: SerialModuleService = container.resolve(SERIAL_MODULE)
    const claimed = await service.claimReminders(new Date(input.now), input.limit)
    return new StepResponse(claimed, claimed.log_ids)
  },
  async (logIds, { container }) => {
    if (!logIds?.length) {
      return
    }
    const service: SerialModuleService = container.resolve(SERIAL_MODULE)
    await service.releaseReminders(logIds)
  }
)
