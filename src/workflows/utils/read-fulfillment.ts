import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { StepExecutionContext } from "@medusajs/framework/workflows-sdk"
import type { FulfillmentLineInput } from "../../modules/serial/order-types"

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
      product_id: item.product_id ?? null,
      sku: item.variant_sku ?? null,
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
