import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { SerialEvents } from "../modules/serial/events"
import type { LogMaintenanceVisitInput } from "../modules/serial/maintenance-types"
import { logMaintenanceVisitStep } from "./steps/log-maintenance-visit"

export const logMaintenanceVisitWorkflowId = "log-maintenance-visit-workflow"
/** Logs an unscheduled or breakdown visit for a serial. */
export const logMaintenanceVisitWorkflow = createWorkflow(
  logMaintenanceVisitWorkflowId,
  (input: LogMaintenanceVisitInput) => {
    const logged = logMaintenanceVisitStep(input)
    emitEventStep({
      eventName: SerialEvents.MAINTENANCE_VISIT_CREATED,
      data: transform({ logged, input }, ({ logged, input }) => ({
        id: logged.id,
        serial_number_id: input.serial_number_id,
        kind: input.kind,
        status: input.status ?? "pending",
      })),
    })
    return new WorkflowResponse(logged)
  }
)
