/**
 * A canceled fulfilment: the plugin consumes
 * `cancelOrderFulfillmentWorkflow.hooks.orderFulfillmentCanceled` (native
 * `POST /admin/orders/:id/fulfillments/:fulfillment_id/cancel`), so the serials are back in
 * stock before the workflow's inventory events reach any subscriber (the stock count and the
 * serials in stock agree at every event). Idempotent: serials already back are left alone.
 *
 * The hook takes one handler per app: a store that needs it too adds its handler with
 * `addOrderFulfillmentCanceledHandler`, or calls `serialOrderFulfillmentCanceled` itself.
 */
import { cancelOrderFulfillmentWorkflow } from "@medusajs/medusa/core-flows"
import { StepResponse } from "@medusajs/framework/workflows-sdk"
import type { StepExecutionContext } from "@medusajs/framework/workflows-sdk"
import { SERIAL_MODULE } from "../../modules/serial"
import type SerialModuleService from "../../modules/serial/service"
import type { SerialUndo } from "../../modules/serial/order-types"
import { statusChangedEvents } from "../utils/serial-events"
import { emitInWorkflow } from "./emit"
import { createHookChain, HookCompensate, HookInvoke } from "./hook-chain"
import { readFulfillmentForSerials } from "../utils/read-fulfillment"

export type OrderFulfillmentCanceledHookInput = {
  fulfillment: { id: string; location_id?: string | null }
  additional_data?: Record<string, unknown> | null
}

export async function serialOrderFulfillmentCanceled(
  input: OrderFulfillmentCanceledHookInput,
  context: StepExecutionContext
) {
  const { container } = context
  const facts = await readFulfillmentForSerials(container, input.fulfillment.id)
  if (!facts) {
    return new StepResponse([], null)
  }
  const service: SerialModuleService = container.resolve(SERIAL_MODULE)
  const result = await service.cancelFulfillmentSerials({
    order_id: facts.order_id,
    fulfillment_id: facts.fulfillment_id,
    location_id: input.fulfillment.location_id ?? facts.location_id,
  })
  await emitInWorkflow(context, statusChangedEvents(result.moved))
  return new StepResponse(result.moved, result.undo)
}

export async function serialOrderFulfillmentCanceledCompensation(
  undo: SerialUndo | null,
  { container }: StepExecutionContext
) {
  if (!undo) {
    return
  }
  const service: SerialModuleService = container.resolve(SERIAL_MODULE)
  await service.undoSerialMoves(undo)
}

const chain = createHookChain<OrderFulfillmentCanceledHookInput>({
  invoke: serialOrderFulfillmentCanceled,
  compensate: serialOrderFulfillmentCanceledCompensation,
})

/** For a store that needs `orderFulfillmentCanceled` too: runs after the plugin's handler. */
export function addOrderFulfillmentCanceledHandler(
  invoke: HookInvoke<OrderFulfillmentCanceledHookInput>,
  compensate?: HookCompensate
) {
  chain.add(invoke, compensate)
}

cancelOrderFulfillmentWorkflow.hooks.orderFulfillmentCanceled(chain.invoke as any, chain.compensate as any)
