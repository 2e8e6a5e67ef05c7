import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SERIAL_MODULE } from "../../modules/serial"
import type SerialModuleService from "../../modules/serial/service"
import type { UpdateMaintenanceScheduleInput } from "../../modules/serial/maintenance-types"

export type UpdateMaintenanceScheduleStepInput = { id: string; update: UpdateMaintenanceScheduleInput }

export const updateMaintenanceScheduleStepId = "update-maintenance-schedule-step"
/** Changes a schedule (cancel, complete, assignee, notes); compensation puts schedule, visits and contracts back. */
export const updateMaintenanceScheduleStep = createStep(
  updateMaintenanceScheduleStepId,
  async (input: UpdateMaintenanceScheduleStepInput, { container }) => {
    const service: SerialModuleService = container.resolve(SERIAL_MODULE)
    const { id, undo } = await service.updateMaintenanceSchedule(input.id, input.update)
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
