import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export const resolveStockLocationStepId = "resolve-stock-location-step"
/** Refuses a stock location id that names no location. Read-only. */
export const resolveStockLocationStep = createStep(
  resolveStockLocationStepId,
  async (locationId: string, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "stock_location",
      fields: ["id", "name"],
      filters: { id: locationId },
    })
    if (!data.length) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Stock location not found: ${locationId}`)
    }
    return new StepResponse(data[0] as { id: string; name: string })
  }
)
