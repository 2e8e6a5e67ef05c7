import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { SerialEvents } from "../modules/serial/events"
import { moveOrderSerialsToCustomerStep } from "./steps/move-order-serials-to-customer"
import { readOrderCustomerStep } from "./steps/read-order-customer"

export const moveOrderSerialsToCustomerWorkflowId = "move-order-serials-to-customer-workflow"
export type MoveOrderSerialsToCustomerWorkflowInput = {
  order_id: string
  /** The customer the order had before it was transferred. */
  from_customer_id: string
  actor_id?: string | null
}

/**
 * After Medusa transferred an order to another customer (the customer accepted a transfer,
 * or an admin transferred it to a guest), the order's serials its former customer still
 * owns follow it to the new one, warranty unchanged: what the new customer's account and
 * the warranty look-up show. Event `serial_number.owner_changed` per serial.
 */
export const moveOrderSerialsToCustomerWorkflow = createWorkflow(
  moveOrderSerialsToCustomerWorkflowId,
  (input: MoveOrderSerialsToCustomerWorkflowInput) => {
    const customerId = readOrderCustomerStep({ order_id: input.order_id })
    const ownerChanges = moveOrderSerialsToCustomerStep(
      transform({ input, customerId }, ({ input, customerId }) => ({
        order_id: input.order_id,
        from_customer_id: input.from_customer_id,
        // An order that lost its customer keeps its serials where they are.
        to_customer_id: customerId ?? input.from_customer_id,
        actor_id: input.actor_id ?? null,
      }))
    )
    emitEventStep({
      eventName: SerialEvents.OWNER_CHANGED,
      data: transform({ ownerChanges }, ({ ownerChanges }) =>
        ownerChanges.length
          ? ownerChanges.map((c) => ({ id: c.serial_number_id, from_customer_id: c.from_customer_id, to_customer_id: c.to_customer_id }))
          : undefined
      ) as any,
    })
    return new WorkflowResponse(ownerChanges)
  }
)
