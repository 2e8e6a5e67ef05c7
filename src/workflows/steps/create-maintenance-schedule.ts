import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SERIAL_MODULE } from "../../modules/serial"
import type SerialModuleService from "../../modules/serial/service"
import type { CreateMaintenanceScheduleInput } from "../../modules/serial/maintenance-types"

export const createMaintenanceScheduleStepId = "create-maintenance-schedule-step"
/** Creates a schedule with its visits (and, for amc, its serials' contracts); compensation removes it all. */
export const createMaintenanceScheduleStep = createStep(
  createMaintenanceScheduleStepId,
  async (input: CreateMaintenanceScheduleInput, { container }) => {
    const service: SerialModuleService = container.resolve(SERIAL_MODULE)
    const { id, undo } = await service.createMaintenanceSchedule(input)
    return new StepResponse({ id }, { id, undo })
  },
  async (created, { container }) => {
    if (!created) {
      return
    }
    const service: SerialModuleService = container.resolve(SERIAL_MODULE)
    await service.undoCreateMaintenanceSchedule(created.id, created.undo)
  }
)
