import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { releaseOrderSerialsStep } from "./steps/release-order-serials"
import { statusChangedEvents } from "./utils/serial-events"

export const releaseOrderSerialsWorkflowId = "release-order-serials-workflow"
/** A canceled order: its reserved serials go back `active` (run by the `order.canceled` subscriber). */
export const releaseOrderSerialsWorkflow = createWorkflow(
  releaseOrderSerialsWorkflowId,
  (input: { order_id: string }) => {
    const moved = releaseOrderSerialsStep(input)
    emitStatusChanged(moved)
    return new WorkflowResponse(moved)
  }
)

/** Emits `serial_number.status_changed` for what a step moved (nothing when it moved nothing). */
export function emitStatusChanged(moved: any) {
  const events = transform({ moved }, ({ moved }) => statusChangedEvents(moved ?? []).map((e) => e.data))
  emitEventStep({
    eventName: "serial_number.status_changed",
    data: transform({ events }, ({ events }) => (events.length ? events : undefined)) as any,
  }).config({ name: "emit-serial-status-changed" })
}
