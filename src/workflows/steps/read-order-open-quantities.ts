import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export const readOrderOpenQuantitiesStepId = "read-order-open-quantities-step"
/**
 * Units each line of an order still has to fulfil (`quantity - fulfilled_quantity`), by line
 * item id. A line an edit removed is absent; an order that is gone (a deleted draft) has no
 * lines at all. Read-only.
 */
export const readOrderOpenQuantitiesStep = createStep(
  readOrderOpenQuantitiesStepId,
  async (input: { order_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "order",
      // `items.*` brings `detail` along; naming `items.quantity` beside `items.detail.*` drops it.
      fields: ["id", "items.*"],
      filters: { id: input.order_id },
    })
    const open: Record<string, number> = {}
    for (const item of (data[0]?.items ?? []) as any[]) {
      if (item) {
        open[item.id] = Math.max(0, Number(item.quantity ?? 0) - Number(item.detail?.fulfilled_quantity ?? 0))
      }
    }
    return new StepResponse(open)
  }
)
