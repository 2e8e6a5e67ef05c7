import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { deliverReminderNotificationsStep } from "./steps/deliver-reminder-notifications"

export const deliverSerialNotificationsWorkflowId = "deliver-serial-notifications-workflow"
/**
 * One batch of the reminders' outbox sent (the daily job runs it until a batch comes back
 * short): `{ claimed, sent }`.
 */
export const deliverSerialNotificationsWorkflow = createWorkflow(
  deliverSerialNotificationsWorkflowId,
  (input: { limit: number }) => {
    return new WorkflowResponse(deliverReminderNotificationsStep(input))
  }
)
