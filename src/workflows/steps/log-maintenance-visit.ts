import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SERIAL_MODULE } from "../../modules/serial"
import type SerialModuleService from "../../modules/serial/service"
import type { LogMaintenanceVisitInput } from "../../modules/serial/maintenance-types"

export const logMaintenanceVisitStepId = "log-maintenance-visit-step"
/** Logs an unscheduled or breakdown visit; compensation removes it. */
export const logMaintenanceVisitStep = createStep(
  logMaintenanceVisitStepId,
  async (input: LogMaintenanceVisitInput, { container }) => {
    const service: SerialModuleService = container.resolve(SERIAL_MODULE)
    const { id } = await service.logMaintenanceVisit(input)
    return new StepResponse({ id }, id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    const service: SerialModuleService = container.resolve(SERIAL_MODULE)
    await service.purgeMaintenanceVisit(id)
  }
)
