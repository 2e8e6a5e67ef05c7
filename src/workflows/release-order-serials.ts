import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { releaseOrderSerialsStep } from "./steps/release-order-serials"
import { resolveOrderStep } from "./steps/resolve-order"
import { statusChangedEvents } from "./utils/serial-events"

export const releaseOrderSerialsWorkflowId = "release-order-serials-workflow"
export type ReleaseOrderSerialsInput = {
  order_id: string
  /** Only these (each reserved for the order); all of the order's reserved serials without. */
  serial_numbers?: string[]
  actor_id?: string | null
  /** Recorded in the ledger: "order canceled" unless told. */
  reason?: string
}

/**
 * Reserved serials of an order go back `active`: all of them when the order is canceled
 * (the `order.canceled` subscriber), or the ones an admin frees
 * (`POST /admin/orders/:id/serial-numbers/release`). An unknown order is a 404.
 */
export const releaseOrderSerialsWorkflow = createWorkflow(
  releaseOrderSerialsWorkflowId,
  (input: ReleaseOrderSerialsInput) => {
    resolveOrderStep({ order_id: input.order_id })
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
