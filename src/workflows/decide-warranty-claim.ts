import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  beginExchangeOrderWorkflow,
  beginReturnOrderWorkflow,
  confirmExchangeRequestWorkflow,
  confirmReturnRequestWorkflow,
  emitEventStep,
  orderExchangeAddNewItemWorkflow,
  orderExchangeRequestItemReturnWorkflow,
  requestItemReturnWorkflow,
  useQueryGraphStep,
} from "@medusajs/medusa/core-flows"
import { SerialEvents } from "../modules/serial/events"
import { CLAIM_DECISION_STATUS, type ClaimDecision } from "../shared/statuses"
import { prepareClaimDecisionStep } from "./steps/prepare-claim-decision"
import { recordClaimDecisionStep } from "./steps/record-claim-decision"
import { resolveStockLocationStep } from "./steps/resolve-stock-location"

export type DecideWarrantyClaimWorkflowInput = {
  id: string
  decision: ClaimDecision
  resolution?: string | null
  repair_cost?: number | null
  currency_code?: string | null
  /** Where the unit comes back to, for `replace` and `return`. */
  location_id?: string | null
  actor_id?: string | null
}

export const decideWarrantyClaimWorkflowId = "decide-warranty-claim-workflow"
/**
 * Decides a warranty claim. A `return` opens a Medusa return of the claimed unit on the
 * order it was sold in, requested and waiting to be received; a `replace` opens a Medusa
 * exchange that takes the unit back and sends one of the same variant at the price it was
 * sold for, so the exchange owes nothing either way. Medusa's own return and exchange
 * flows take it from there (and the plugin's hooks in them move the serials). The claim
 * records the decision and links what it opened; if recording fails, Medusa's workflows
 * undo what they opened.
 */
export const decideWarrantyClaimWorkflow = createWorkflow(
  decideWarrantyClaimWorkflowId,
  (input: DecideWarrantyClaimWorkflowInput) => {
    const prepared = prepareClaimDecisionStep(input)
    when("claim-decision-names-a-location", { input }, ({ input }) => !!input.location_id).then(() => {
      resolveStockLocationStep(transform({ input }, ({ input }) => input.location_id!))
    })
    const note = transform({ input, prepared }, ({ input, prepared }) => ({
      created_by: input.actor_id ?? undefined,
      description: `Warranty claim ${input.id}: serial ${prepared.serial_number}`,
    }))

    const returned = when("claim-decision-opens-return", { input }, ({ input }) => input.decision === "return").then(() => {
      const change = beginReturnOrderWorkflow.runAsStep({
        input: transform({ input, prepared, note }, ({ input, prepared, note }) => ({
          order_id: prepared.order_id!,
          location_id: input.location_id ?? undefined,
          ...note,
        })),
      })
      const returnId = transform({ change }, ({ change }) => change.return_id!)
      requestItemReturnWorkflow.runAsStep({
        input: transform({ returnId, prepared }, ({ returnId, prepared }) => ({
          return_id: returnId,
          items: [{ id: prepared.line_item_id!, quantity: 1 }],
        })),
      })
      confirmReturnRequestWorkflow.runAsStep({
        input: transform({ returnId, input }, ({ returnId, input }) => ({
          return_id: returnId,
          confirmed_by: input.actor_id ?? undefined,
        })),
      })
      return returnId
    })

    const exchanged = when("claim-decision-opens-exchange", { input }, ({ input }) => input.decision === "replace").then(() => {
      const change = beginExchangeOrderWorkflow.runAsStep({
        input: transform({ prepared, note }, ({ prepared, note }) => ({ order_id: prepared.order_id!, ...note })),
      })
      const exchangeId = transform({ change }, ({ change }) => change.exchange_id!)
      orderExchangeRequestItemReturnWorkflow.runAsStep({
        input: transform({ exchangeId, input, prepared }, ({ exchangeId, input, prepared }) => ({
          exchange_id: exchangeId,
          location_id: input.location_id ?? undefined,
          items: [{ id: prepared.line_item_id!, quantity: 1 }],
        })) as any,
      })
      orderExchangeAddNewItemWorkflow.runAsStep({
        input: transform({ exchangeId, prepared }, ({ exchangeId, prepared }) => ({
          exchange_id: exchangeId,
          items: [
            {
              variant_id: prepared.variant_id,
              quantity: 1,
              ...(prepared.unit_price === null ? {} : { unit_price: prepared.unit_price }),
            },
          ],
        })),
      })
      confirmExchangeRequestWorkflow.runAsStep({
        input: transform({ exchangeId, input }, ({ exchangeId, input }) => ({
          exchange_id: exchangeId,
          confirmed_by: input.actor_id ?? undefined,
        })),
      })
      const { data } = useQueryGraphStep({
        entity: "order_exchange",
        fields: ["id", "return_id"],
        filters: { id: exchangeId },
      }).config({ name: "read-claim-exchange" })
      return transform({ data, exchangeId }, ({ data, exchangeId }) => ({
        exchange_id: exchangeId,
        return_id: ((data[0] as any)?.return_id as string | undefined) ?? null,
      }))
    })

    const recorded = recordClaimDecisionStep(
      transform({ input, prepared, returned, exchanged }, ({ input, prepared, returned, exchanged }) => ({
        id: input.id,
        decision: input.decision,
        resolution: input.resolution,
        repair_cost: input.repair_cost ?? null,
        currency_code: input.currency_code ?? null,
        order_id: input.decision === "return" || input.decision === "replace" ? prepared.order_id : null,
        return_id: returned ?? exchanged?.return_id ?? null,
        exchange_id: exchanged?.exchange_id ?? null,
        actor_id: input.actor_id ?? null,
      }))
    )
    emitEventStep({
      eventName: SerialEvents.WARRANTY_CLAIM_UPDATED,
      data: transform({ recorded, input }, ({ recorded, input }) => ({
        id: recorded.id,
        from_status: recorded.from_status,
        status: CLAIM_DECISION_STATUS[input.decision],
        decision: input.decision,
      })),
    })
    return new WorkflowResponse(recorded)
  }
)
