import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { SerialEvents } from "../modules/serial/events"
import { claimRemindersStep } from "./steps/claim-reminders"
import { sendReminderNotificationsStep } from "./steps/send-reminder-notifications"

export type SendSerialRemindersInput = {
  now: string
  limit: number
  visit_due_days: number
  warranty_expiring_days: number
}

/**
 * One batch of the daily reminders: claims what is due (each reminder once, ever), sends
 * notifications, and emits `maintenance_visit.due`, `maintenance_visit.overdue` and
 * `serial_number.warranty_expiring` with the ids. A failure releases the claimed
 * reminders, so the next run sends them.
 */
export const sendSerialRemindersWorkflow = createWorkflow(
  "serial-send-reminders",
  (input: SendSerialRemindersInput) => {
    const claimed = claimRemindersStep(transform({ input }, ({ input }) => ({ now: input.now, limit: input.limit })))
    const sent = sendReminderNotificationsStep(claimed)
    when({ claimed }, ({ claimed }) => claimed.visit_due.length > 0).then(() => {
      emitEventStep({
        eventName: SerialEvents.MAINTENANCE_VISIT_DUE,
        data: transform({ claimed, input }, ({ claimed, input }) => ({
          ids: claimed.visit_due.map((v) => v.id),
          due_within_days: input.visit_due_days,
        })),
      }).config({ name: "emit-visit-due" })
    })
    when({ claimed }, ({ claimed }) => claimed.visit_overdue.length > 0).then(() => {
      emitEventStep({
        eventName: SerialEvents.MAINTENANCE_VISIT_OVERDUE,
        data: transform({ claimed }, ({ claimed }) => ({ ids: claimed.visit_overdue.map((v) => v.id) })),
      }).config({ name: "emit-visit-overdue" })
    })
    when({ claimed }, ({ claimed }) => claimed.warranty_expiring.length > 0).then(() => {
      emitEventStep({
        eventName: SerialEvents.WARRANTY_EXPIRING,
        data: transform({ claimed, input }, ({ claimed, input }) => ({
          ids: claimed.warranty_expiring.map((s) => s.id),
          within_days: input.warranty_expiring_days,
        })),
      }).config({ name: "emit-warranty-expiring" })
    })
    return new WorkflowResponse(
      transform({ claimed, sent }, ({ claimed, sent }) => ({
        visit_due: claimed.visit_due.map((v) => v.id),
        visit_overdue: claimed.visit_overdue.map((v) => v.id),
        warranty_expiring: claimed.warranty_expiring.map((s) => s.id),
        notifications: sent.sent,
      }))
    )
  }
)
