import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createHook, createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { SerialEvents } from "../modules/serial/events"
import type { ChangeSerialOwnerInput } from "../modules/serial/services/ownership"
import { changeSerialOwnerStep } from "./steps/change-serial-owner"
import { resolveCustomerStep } from "./steps/resolve-customer"

export const changeSerialOwnerWorkflowId = "change-serial-owner-workflow"
/**
 * `POST /admin/serial-numbers/:id/owner`: a sold unit passed on to another customer
 * (resale, gift). The new owner sees it in their account with the warranty it had; the
 * previous owner no longer does. Hook `serialOwnerChanged` ({ owner_change }); event
 * `serial_number.owner_changed`.
 */
export const changeSerialOwnerWorkflow = createWorkflow(changeSerialOwnerWorkflowId, (input: ChangeSerialOwnerInput) => {
  resolveCustomerStep(input.customer_id)
  const ownerChange = changeSerialOwnerStep(input)
  const serialOwnerChanged = createHook("serialOwnerChanged", { owner_change: ownerChange })
  emitEventStep({
    eventName: SerialEvents.OWNER_CHANGED,
    data: transform({ ownerChange }, ({ ownerChange }) => ({
      id: ownerChange.serial_number_id,
      from_customer_id: ownerChange.from_customer_id,
      to_customer_id: ownerChange.to_customer_id,
    })),
  })
  return new WorkflowResponse(ownerChange, { hooks: [serialOwnerChanged] })
})
