import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SERIAL_MODULE } from "../../modules/serial"
import type SerialModuleService from "../../modules/serial/service"
import type { UpdateMaintenanceVisitInput } from "../../modules/serial/maintenance-types"

export type UpdateMaintenanceVisitStepInput = { id: string; update: UpdateMaintenanceVisitInput }

export const updateMaintenanceVisitStepId = "update-maintenance-visit-step"
/** Completes, cancels, reschedules or edits a visit; compensation puts it (and its schedule) back. */
export const updateMaintenanceVisitStep = createStep(
  updateMaintenanceVisitStepId,
  async (input: UpdateMaintenanceVisitStepInput, { container }) => {
    const service: SerialModuleService = container.resolve(SERIAL_MODULE)
    const { id, undo } = await service.updateMaintenanceVisit(input.id, input.update)
    return new StepResponse({ id }, undo)
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service: SerialModuleService = container.resolve(SERIAL_MODULE)
    await service.undoMaintenanceVisitUpdate(undo)
  }
)
