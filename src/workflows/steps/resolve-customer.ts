import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export const resolveCustomerStepId = "resolve-customer-step"
/** Refuses a customer id that names no customer (null or undefined: nothing to check). Read-only. */
export const resolveCustomerStep = createStep(
  resolveCustomerStepId,
  async (customerId: string | null | undefined, { container }) => {
    if (!customerId) {
      return new StepResponse(null)
    }
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "customer", fields: ["id"], filters: { id: customerId } })
    if (!data.length) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer with id "${customerId}" was not found`)
    }
    return new StepResponse({ id: customerId })
  }
)
