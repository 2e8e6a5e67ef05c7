import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SERIAL_MODULE } from "../../modules/serial"
import type SerialModuleService from "../../modules/serial/service"
import type { ClaimDecisionContext } from "../../modules/serial/maintenance-types"
import type { ClaimDecision } from "../../shared/statuses"

export type PrepareClaimDecisionStepInput = {
  id: string
  decision: ClaimDecision
  currency_code?: string | null
}

/** The claim's serial and sale, with the sold line's price an exchange charges again for the replacement. */
export type PreparedClaimDecision = ClaimDecisionContext & { unit_price: number | null }

export const prepareClaimDecisionStepId = "prepare-claim-decision-step"
/**
 * Refuses a decision before anything is opened in Medusa: a status that does not allow it,
 * a replace or return of a serial not delivered on an order, a currency Medusa does not
 * know (the return location is resolveStockLocationStep's). Read-only.
 */
export const prepareClaimDecisionStep = createStep(
  prepareClaimDecisionStepId,
  async (input: PrepareClaimDecisionStepInput, { container }) => {
    const service: SerialModuleService = container.resolve(SERIAL_MODULE)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const context = await service.prepareWarrantyClaimDecision(input.id, input.decision)
    if (input.currency_code) {
      const { data } = await query.graph({ entity: "currency", fields: ["code"], filters: { code: input.currency_code } })
      if (!data.length) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `Field 'currency_code' names no currency Medusa knows, got: '${input.currency_code}'`)
      }
    }
    let unit_price: number | null = null
    if (context.order_id && context.line_item_id) {
      const { data } = await query.graph({
        entity: "order",
        fields: ["id", "items.id", "items.unit_price"],
        filters: { id: context.order_id },
      })
      const line = (data[0] as any)?.items?.find((i: any) => i?.id === context.line_item_id)
      unit_price = line ? Number(line.unit_price) : null
    }
    return new StepResponse<PreparedClaimDecision>({ ...context, unit_price })
  }
)
