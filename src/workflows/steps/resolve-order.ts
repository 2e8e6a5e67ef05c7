import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export const resolveOrderStepId = "resolve-order-step"
/** Reads the order a serial route acts on; an unknown order is a 404. Read-only. */
export const resolveOrderStep = createStep(resolveOrderStepId, async (input: { order_id: string }, { container }) => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ["id", "status"], filters: { id: input.order_id } })
  if (!data[0]) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id "${input.order_id}" was not found`)
  }
  return new StepResponse({ id: data[0].id as string, status: data[0].status as string })
})
