import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { SerialEvents } from "../modules/serial/events"
import type { CreateMaintenanceScheduleInput } from "../modules/serial/maintenance-types"
import { createMaintenanceScheduleStep } from "./steps/create-maintenance-schedule"
import { readMaintenanceScheduleStep } from "./steps/read-maintenance-schedule"
import { updateMaintenanceScheduleStep } from "./steps/update-maintenance-schedule"

export type ReplanMaintenanceScheduleInput = {
  id: string
  rules: Pick<CreateMaintenanceScheduleInput, "periodicity" | "interval" | "start_date" | "end_date" | "visit_count" | "first_visit_on_start">
  /** The technician of the new plan; not given: the old one's. */
  assignee?: string | null
  actor_id?: string | null
}

export const replanMaintenanceScheduleWorkflowId = "replan-maintenance-schedule-workflow"
/**
 * Plans an active schedule again with other rules (periodicity, start, visits or end):
 * the schedule is cancelled with its pending visits (the visits done stay with it, as its
 * history), and a new one takes its serials, type, customer, notes and technician with the
 * new rules, its metadata naming the one it replaces. An `amc` schedule's contract ends
 * follow the new plan. If the new rules do not plan, the cancellation is undone.
 */
export const replanMaintenanceScheduleWorkflow = createWorkflow(
  replanMaintenanceScheduleWorkflowId,
  (input: ReplanMaintenanceScheduleInput) => {
    const old = readMaintenanceScheduleStep(input.id)
    updateMaintenanceScheduleStep(
      transform({ input }, ({ input }) => ({ id: input.id, update: { status: "cancelled" as const, actor_id: input.actor_id ?? null } }))
    )
    const created = createMaintenanceScheduleStep(
      transform({ input, old }, ({ input, old }): CreateMaintenanceScheduleInput => ({
        ...input.rules,
        serial_number_ids: old.serial_number_ids,
        type: old.type,
        assignee: input.assignee === undefined ? old.assignee : input.assignee,
        customer_id: old.customer_id,
        notes: old.notes,
        metadata: { ...(old.metadata ?? {}), replaces_schedule_id: old.id },
        actor_id: input.actor_id ?? null,
      }))
    )
    emitEventStep({
      eventName: SerialEvents.MAINTENANCE_SCHEDULE_UPDATED,
      data: transform({ input }, ({ input }) => ({ id: input.id, status: "cancelled" })),
    }).config({ name: "emit-replanned-schedule-cancelled" })
    emitEventStep({
      eventName: SerialEvents.MAINTENANCE_SCHEDULE_CREATED,
      data: transform({ created, old }, ({ created, old }) => ({ id: created.id, type: old.type, serial_number_ids: old.serial_number_ids })),
    }).config({ name: "emit-replanned-schedule-created" })
    return new WorkflowResponse(created)
  }
)
