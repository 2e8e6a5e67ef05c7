import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export type ResolvedOrderLine = {
  order_id: string
  line_item_id: string
  variant_id: string
  label: string
  ordered_quantity: number
  shipped_fulfillment_ids: string[]
}

export const resolveOrderLineStepId = "resolve-order-line-step"
/**
 * Reads an order line the serial routes act on; refuses an unknown order (404), a line
 * that is not in it, a line without a variant, and a canceled order. Read-only.
 */
export const resolveOrderLineStep = createStep(
  resolveOrderLineStepId,
  async (input: { order_id: string; line_item_id: string }, { container }) => {
    return new StepResponse(await fetchOrderLine(container, input.order_id, input.line_item_id))
  }
)

export async function fetchOrderLine(
  container: { resolve: (key: string) => any },
  orderId: string,
  lineItemId: string
): Promise<ResolvedOrderLine> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: ["id", "status", "items.*", "fulfillments.id", "fulfillments.shipped_at", "fulfillments.canceled_at"],
    filters: { id: orderId },
  })
  const order = data[0] as any
  if (!order) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id "${orderId}" was not found`)
  }
  if (order.status === "canceled") {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Order ${orderId} is canceled`)
  }
  const item = (order.items ?? []).find((i: any) => i.id === lineItemId)
  if (!item) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Line item "${lineItemId}" is not in order ${orderId}`)
  }
  if (!item.variant_id) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Line item "${lineItemId}" has no product variant`)
  }
  return {
    order_id: order.id,
    line_item_id: item.id,
    variant_id: item.variant_id,
    label: `"${item.title}${item.variant_sku ? ` (${item.variant_sku})` : ""}" (${item.id})`,
    ordered_quantity: Number(item.quantity),
    shipped_fulfillment_ids: (order.fulfillments ?? [])
      .filter((f: any) => f.shipped_at && !f.canceled_at)
      .map((f: any) => f.id),
  }
}
