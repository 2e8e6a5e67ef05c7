import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SERIAL_MODULE } from "../../modules/serial"
import type SerialModuleService from "../../modules/serial/service"

export const deleteMaintenanceScheduleStepId = "delete-maintenance-schedule-step"
/** Deletes a schedule without completed visits; compensation brings it back with its contracts. */
export const deleteMaintenanceScheduleStep = createStep(
  deleteMaintenanceScheduleStepId,
  async (input: { id: string; actor_id?: string | null }, { container }) => {
    const service: SerialModuleService = container.resolve(SERIAL_MODULE)
    const { id, undo } = await service.deleteMaintenanceSchedule(input.id, input.actor_id ?? null)
    return new StepResponse({ id }, undo)
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service: SerialModuleService = container.resolve(SERIAL_MODULE)
    await service.undoMaintenanceScheduleChange(undo)
  }
)
