import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { SerialEvents } from "../modules/serial/events"
import { updateMaintenanceScheduleStep, UpdateMaintenanceScheduleStepInput } from "./steps/update-maintenance-schedule"

export const updateMaintenanceScheduleWorkflowId = "update-maintenance-schedule-workflow"
/** Changes a schedule's assignee, notes or status (cancel, complete). */
export const updateMaintenanceScheduleWorkflow = createWorkflow(
  updateMaintenanceScheduleWorkflowId,
  (input: UpdateMaintenanceScheduleStepInput) => {
    const updated = updateMaintenanceScheduleStep(input)
    emitEventStep({
      eventName: SerialEvents.MAINTENANCE_SCHEDULE_UPDATED,
      data: transform({ input }, ({ input }) => ({ id: input.id, status: input.update.status ?? null })),
    })
    return new WorkflowResponse(updated)
  }
)
