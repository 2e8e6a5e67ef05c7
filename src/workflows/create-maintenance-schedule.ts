import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { SerialEvents } from "../modules/serial/events"
import type { CreateMaintenanceScheduleInput } from "../modules/serial/maintenance-types"
import { createMaintenanceScheduleStep } from "./steps/create-maintenance-schedule"
import { resolveCustomerStep } from "./steps/resolve-customer"

export const createMaintenanceScheduleWorkflowId = "create-maintenance-schedule-workflow"
/**
 * Creates a maintenance schedule for serials: its visits are generated from its rules,
 * and an `amc` schedule sets the serials' contract expiry (ledger rows `contract_change`).
 */
export const createMaintenanceScheduleWorkflow = createWorkflow(
  createMaintenanceScheduleWorkflowId,
  (input: CreateMaintenanceScheduleInput) => {
    resolveCustomerStep(transform({ input }, ({ input }) => input.customer_id ?? null))
    const created = createMaintenanceScheduleStep(input)
    emitEventStep({
      eventName: SerialEvents.MAINTENANCE_SCHEDULE_CREATED,
      data: transform({ created, input }, ({ created, input }) => ({
        id: created.id,
        type: input.type,
        serial_number_ids: input.serial_number_ids,
      })),
    })
    return new WorkflowResponse(created)
  }
)
