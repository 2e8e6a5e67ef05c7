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
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { StepResponse } from "@medusajs/framework/workflows-sdk"
import type { StepExecutionContext } from "@medusajs/framework/workflows-sdk"
import { SERIAL_MODULE } from "../../modules/serial"
import type SerialModuleService from "../../modules/serial/service"
import type { FulfillmentLineInput, SerialUndo } from "../../modules/serial/order-types"
import { SerialEvents } from "../../modules/serial/events"
import { statusChangedEvents } from "../utils/serial-events"
import { emitInWorkflow } from "./emit"
import { createHookChain, HookCompensate, HookInvoke } from "./hook-chain"

export type FulfillmentCreatedHookInput = {
  fulfillment: { id: string }
  additional_data?: Record<string, unknown> | null
}

/** Reads what the serial rules need about a fulfilment: its location, order and lines. */
export async function readFulfillmentForSerials(container: StepExecutionContext["container"], fulfillmentId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: fulfillments } = await query.graph({
    entity: "fulfillment",
    fields: [
      "id",
      "location_id",
      "created_by",
      "shipped_at",
      "canceled_at",
      "items.line_item_id",
      "items.quantity",
      "items.inventory_item_id",
      "order.id",
      "order.customer_id",
    ],
    filters: { id: fulfillmentId },
  })
  const fulfillment = fulfillments[0] as any
  const orderId: string | undefined = fulfillment?.order?.id
  if (!fulfillment || !orderId) {
    return null
  }
  const { data: orders } = await query.graph({
    entity: "order",
    fields: [
      "id",
      "customer_id",
      "items.*",
      "items.variant.manage_inventory",
      "items.variant.inventory_items.inventory_item_id",
      "items.variant.inventory_items.required_quantity",
    ],
    filters: { id: orderId },
  })
  const order = orders[0] as any
  const items = new Map<string, any>((order?.items ?? []).map((i: any) => [i.id, i]))

  // A line of a kit has one fulfilment item per inventory item; count the line's units once.
  const lines = new Map<string, FulfillmentLineInput>()
  for (const fi of fulfillment.items ?? []) {
    const item = items.get(fi.line_item_id)
    if (!item?.variant_id || lines.has(fi.line_item_id)) {
      continue
    }
    const required =
      fi.inventory_item_id &&
      Number(
        (item.variant?.inventory_items ?? []).find((ii: any) => ii.inventory_item_id === fi.inventory_item_id)
          ?.required_quantity ?? 1
      )
    const label = `"${item.title}${item.variant_sku ? ` (${item.variant_sku})` : ""}" (${item.id})`
    lines.set(fi.line_item_id, {
      line_item_id: fi.line_item_id,
      variant_id: item.variant_id,
      label,
      quantity: Number(fi.quantity) / (required || 1),
      ordered_quantity: Number(item.quantity),
      manage_inventory: !!item.variant?.manage_inventory,
    })
  }
  return {
    fulfillment_id: fulfillment.id as string,
    location_id: fulfillment.location_id as string,
    created_by: (fulfillment.created_by as string | null) ?? null,
    shipped_at: fulfillment.shipped_at ?? null,
    canceled_at: fulfillment.canceled_at ?? null,
    order_id: orderId,
    customer_id: (order?.customer_id ?? fulfillment.order.customer_id ?? null) as string | null,
    lines: [...lines.values()],
  }
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
  const delivered = result.moved.filter((m) => m.movement === "deliver").map((m) => m.id)
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
