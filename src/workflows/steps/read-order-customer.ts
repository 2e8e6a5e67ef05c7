import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export const readOrderCustomerStepId = "read-order-customer-step"
/** The customer an order has now (null for an unknown order or one without). Read-only. */
export const readOrderCustomerStep = createStep(readOrderCustomerStepId, async (input: { order_id: string }, { container }) => {
  return new StepResponse(await readOrderCustomerId(container, input.order_id))
})

export async function readOrderCustomerId(container: { resolve: (key: string) => any }, orderId: string): Promise<string | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ["id", "customer_id"], filters: { id: orderId } })
  return (data[0]?.customer_id as string | undefined) ?? null
}
