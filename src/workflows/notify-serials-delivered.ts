import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { deliverReminderNotificationsStep } from "./steps/deliver-reminder-notifications"
import { takeSerialDeliveryNoticeStep } from "./steps/take-serial-delivery-notice"

export type NotifySerialsDeliveredInput = { fulfillment_id: string; order_id: string }

export const notifySerialsDeliveredWorkflowId = "notify-serials-delivered-workflow"
/**
 * The buyer's notice of the serials a fulfilment delivered: taken into the outbox once,
 * then the outbox sent (this notice and anything else pending). A send that fails stays
 * in the outbox for the daily job's next pass.
 */
export const notifySerialsDeliveredWorkflow = createWorkflow(
  notifySerialsDeliveredWorkflowId,
  (input: NotifySerialsDeliveredInput) => {
    const notice = takeSerialDeliveryNoticeStep(input)
    const sent = deliverReminderNotificationsStep({ limit: 20 })
    return new WorkflowResponse({ notice, sent })
  }
)
