import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { SerialEvents } from "../modules/serial/events"
import { deleteMaintenanceScheduleStep } from "./steps/delete-maintenance-schedule"

export const deleteMaintenanceScheduleWorkflowId = "delete-maintenance-schedule-workflow"
/** Deletes a schedule that has no completed visits, with its visits. */
export const deleteMaintenanceScheduleWorkflow = createWorkflow(
  deleteMaintenanceScheduleWorkflowId,
  (input: { id: string; actor_id?: string | null }) => {
    const deleted = deleteMaintenanceScheduleStep(input)
    emitEventStep({
      eventName: SerialEvents.MAINTENANCE_SCHEDULE_DELETED,
      data: transform({ input }, ({ input }) => ({ id: input.id })),
    })
    return new WorkflowResponse(deleted)
  }
)
