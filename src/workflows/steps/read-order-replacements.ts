import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { ReplacementGroup } from "../../modules/serial/order-types"

export const readOrderReplacementsStepId = "read-order-replacements-step"
/**
 * The exchanges and claims of an order that send new items out and take items back: for
 * each, the order lines it adds and the return that brings the old units. Read-only.
 */
export const readOrderReplacementsStep = createStep(
  readOrderReplacementsStepId,
  async (orderId: string, { container }) => {
    // Most orders have neither: two indexed look-ups spare them the graph read below,
    // which runs after every delivery and return.
    const orders = container.resolve(Modules.ORDER)
    // Exchanges and claims have an order_id column; the filter type names order fields only.
    const byOrder = { order_id: orderId } as Record<string, unknown>
    const [exchanges, claims] = await Promise.all([
      orders.listOrderExchanges(byOrder, { select: ["id"], take: 1 }),
      orders.listOrderClaims(byOrder, { select: ["id"], take: 1 }),
    ])
    if (!exchanges.length && !claims.length) {
      return new StepResponse([] as ReplacementGroup[])
    }
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const groups: ReplacementGroup[] = []
    for (const entity of ["order_exchange", "order_claim"] as const) {
      const { data } = await query.graph({
        entity,
        fields: ["id", "return_id", "canceled_at", "additional_items.item_id"],
        filters: { order_id: orderId },
      })
      for (const row of data as any[]) {
        const lines = (row.additional_items ?? []).map((i: any) => i.item_id).filter(Boolean)
        if (row.canceled_at || !row.return_id || !lines.length) {
          continue
        }
        groups.push({ source: entity === "order_exchange" ? "exchange" : "claim", id: row.id, return_id: row.return_id, line_item_ids: lines })
      }
    }
    return new StepResponse(groups)
  }
)
