import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export type ResolvedReturn = {
  id: string
  order_id: string
  location_id: string | null
  status: string
  lines: Array<{ line_item_id: string; received_quantity: number; damaged_quantity: number }>
}

export const resolveReturnStepId = "resolve-return-step"
/** Reads a return with its items from Medusa's order module; unknown ids are a 404. Read-only. */
export const resolveReturnStep = createStep(
  resolveReturnStepId,
  async (returnId: string, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "return",
      fields: ["id", "order_id", "location_id", "status", "items.item_id", "items.received_quantity", "items.damaged_quantity"],
      filters: { id: returnId },
    })
    const ret = data[0] as any
    if (!ret) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Return with id "${returnId}" was not found`)
    }
    const lines = new Map<string, { line_item_id: string; received_quantity: number; damaged_quantity: number }>()
    for (const item of ret.items ?? []) {
      const line = lines.get(item.item_id) ?? { line_item_id: item.item_id, received_quantity: 0, damaged_quantity: 0 }
      // Medusa counts damaged units among the received ones; the plugin restocks the rest.
      const damaged = Number(item.damaged_quantity ?? 0)
      line.received_quantity += Number(item.received_quantity ?? 0) - damaged
      line.damaged_quantity += damaged
      lines.set(item.item_id, line)
    }
    const resolved: ResolvedReturn = {
      id: ret.id,
      order_id: ret.order_id,
      location_id: ret.location_id ?? null,
      status: ret.status,
      lines: [...lines.values()],
    }
    return new StepResponse(resolved)
  }
)
