/**
 * Serials for Medusa's own fulfilment flow: the plugin consumes
 * `createOrderFulfillmentWorkflow.hooks.fulfillmentCreated`, which runs inside the native
 * `POST /admin/orders/:id/fulfillments` (and the dashboard's fulfilment form). A refusal
 * thrown here fails that workflow: Medusa rolls the fulfilment back and answers 400.
 *
 * The hook takes one handler per app. A store that needs it too adds its handler to the
 * plugin's chain with `addFulfillmentCreatedHandler` (it then runs after the serials are
 * assigned, in the same step), or, in a workflow of its own, calls
 * `serialFulfillmentCreated` / `serialFulfillmentCreatedCompensation` itself.
 */
import { createOrderFulfillmentWorkflow } from "@medusajs/medusa/core-flows"
import { StepResponse } from "@medusajs/framework/workflows-sdk"
import type { StepExecutionContext } from "@medusajs/framework/workflows-sdk"
import { SERIAL_MODULE } from "../../modules/serial"
import type SerialModuleService from "../../modules/serial/service"
import type { SerialUndo } from "../../modules/serial/order-types"
import { SerialEvents } from "../../modules/serial/events"
import { statusChangedEvents } from "../utils/serial-events"
import { emitInWorkflow } from "./emit"
import { createHookChain, HookCompensate, HookInvoke } from "./hook-chain"
import { readFulfillmentForSerials } from "../utils/read-fulfillment"

export type FulfillmentCreatedHookInput = {
  fulfillment: { id: string }
  additional_data?: Record<string, unknown> | null
}

/** The plugin's handler: assigns and delivers the fulfilment's serials (or refuses it). */
export async function serialFulfillmentCreated(input: FulfillmentCreatedHookInput, context: StepExecutionContext) {
  const { container } = context
  const facts = await readFulfillmentForSerials(container, input.fulfillment.id)
  if (!facts) {
    return new StepResponse([], null)
  }
  const service: SerialModuleService = container.resolve(SERIAL_MODULE)
  const result = await service.assignFulfillmentSerials({
    fulfillment_id: facts.fulfillment_id,
    location_id: facts.location_id,
    order_id: facts.order_id,
    customer_id: facts.customer_id,
    lines: facts.lines,
    serial_numbers: (input.additional_data?.serial_numbers as Record<string, string[]> | undefined) ?? null,
    actor_id: facts.created_by,
  })
  const delivered = result.moved.filter((m) => m.movement === "deliver" || m.movement === "issue").map((m) => m.id)
  await emitInWorkflow(context, [
    ...(delivered.length
      ? [
          {
            name: SerialEvents.DELIVERED,
            data: { ids: delivered, order_id: facts.order_id, fulfillment_id: facts.fulfillment_id },
          },
        ]
      : []),
    ...statusChangedEvents(result.moved),
  ])
  return new StepResponse(result.moved, result.undo)
}

/** Undoes `serialFulfillmentCreated` when the workflow rolls back after it. */
export async function serialFulfillmentCreatedCompensation(undo: SerialUndo | null, { container }: StepExecutionContext) {
  if (!undo) {
    return
  }
  const service: SerialModuleService = container.resolve(SERIAL_MODULE)
  await service.undoSerialMoves(undo)
}

const chain = createHookChain<FulfillmentCreatedHookInput>({
  invoke: serialFulfillmentCreated,
  compensate: serialFulfillmentCreatedCompensation,
})

/** For a store that needs `fulfillmentCreated` too: runs after the plugin's handler. */
export function addFulfillmentCreatedHandler(
  invoke: HookInvoke<FulfillmentCreatedHookInput>,
  compensate?: HookCompensate
) {
  chain.add(invoke, compensate)
}

createOrderFulfillmentWorkflow.hooks.fulfillmentCreated(chain.invoke as any, chain.compensate as any)
