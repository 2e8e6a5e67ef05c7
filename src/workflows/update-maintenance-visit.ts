import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { SerialEvents } from "../modules/serial/events"
import { updateMaintenanceVisitStep, UpdateMaintenanceVisitStepInput } from "./steps/update-maintenance-visit"

export const updateMaintenanceVisitWorkflowId = "update-maintenance-visit-workflow"
/** Completes, partially completes, cancels, reschedules or annotates a visit. */
export const updateMaintenanceVisitWorkflow = createWorkflow(
  updateMaintenanceVisitWorkflowId,
  (input: UpdateMaintenanceVisitStepInput) => {
    const updated = updateMaintenanceVisitStep(input)
    emitEventStep({
      eventName: SerialEvents.MAINTENANCE_VISIT_UPDATED,
      data: transform({ input }, ({ input }) => ({ id: input.id, status: input.update.status ?? null })),
    })
    return new WorkflowResponse(updated)
  }
)
