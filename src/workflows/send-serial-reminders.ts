import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { SerialEvents } from "../modules/serial/events"
import { takeRemindersStep } from "./steps/take-reminders"

export type SendSerialRemindersInput = {
  now: string
  limit: number
  visit_due_days: number
  warranty_expiring_days: number
}

export const sendSerialRemindersWorkflowId = "send-serial-reminders-workflow"
/**
 * One batch of the daily reminders: takes what is due (each reminder once, ever) into the
 * outbox, and emits `maintenance_visit.due`, `maintenance_visit.overdue` and
 * `serial_number.warranty_expiring` with the ids. The notifications go out from the
 * outbox (`deliverSerialNotificationsWorkflow`). A failure releases the taken reminders,
 * so the next run takes them again.
 */
export const sendSerialRemindersWorkflow = createWorkflow(
  sendSerialRemindersWorkflowId,
  (input: SendSerialRemindersInput) => {
    const taken = takeRemindersStep(transform({ input }, ({ input }) => ({ now: input.now, limit: input.limit })))
    when({ taken }, ({ taken }) => taken.visit_due.length > 0).then(() => {
      emitEventStep({
        eventName: SerialEvents.MAINTENANCE_VISIT_DUE,
        data: transform({ taken, input }, ({ taken, input }) => ({
          ids: taken.visit_due.map((v) => v.id),
          due_within_days: input.visit_due_days,
        })),
      }).config({ name: "emit-visit-due" })
    })
    when({ taken }, ({ taken }) => taken.visit_overdue.length > 0).then(() => {
      emitEventStep({
        eventName: SerialEvents.MAINTENANCE_VISIT_OVERDUE,
        data: transform({ taken }, ({ taken }) => ({ ids: taken.visit_overdue.map((v) => v.id) })),
      }).config({ name: "emit-visit-overdue" })
    })
    when({ taken }, ({ taken }) => taken.warranty_expiring.length > 0).then(() => {
      emitEventStep({
        eventName: SerialEvents.WARRANTY_EXPIRING,
        data: transform({ taken, input }, ({ taken, input }) => ({
          ids: taken.warranty_expiring.map((s) => s.id),
          within_days: input.warranty_expiring_days,
        })),
      }).config({ name: "emit-warranty-expiring" })
    })
    return new WorkflowResponse(
      transform({ taken }, ({ taken }) => ({
        visit_due: taken.visit_due.map((v) => v.id),
        visit_overdue: taken.visit_overdue.map((v) => v.id),
        warranty_expiring: taken.warranty_expiring.map((s) => s.id),
      }))
    )
  }
)
