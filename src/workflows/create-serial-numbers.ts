import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { SerialEvents } from "../modules/serial/events"
import type { DateInput } from "../modules/serial/types"
import { createSerialsStep } from "./steps/create-serials"
import { ResolvedVariant, resolveVariantsStep } from "./steps/resolve-variants"

export type CreateSerialNumbersWorkflowInput = {
  variant_id: string
  serial_numbers: string[]
  notes?: string | null
  metadata?: Record<string, unknown> | null
  end_of_life_at?: DateInput
  actor_id?: string
}

export const createSerialNumbersWorkflowId = "create-serial-numbers-workflow"
/**
 * Registers serials of a variant without stock (status `inactive`, no location): the way
 * an admin or an import records units that stock flows will move later.
 */
export const createSerialNumbersWorkflow = createWorkflow(
  createSerialNumbersWorkflowId,
  (input: CreateSerialNumbersWorkflowInput) => {
    const variantIds = transform({ input }, ({ input }) => [input.variant_id])
    const variants = resolveVariantsStep(variantIds)

    const stepInput = transform({ input, variants }, ({ input, variants }) => {
      const variant = (variants as Record<string, ResolvedVariant>)[input.variant_id]
      return {
        serials: input.serial_numbers.map((serial_number) => ({
          serial_number,
          variant_id: variant.id,
          product_id: variant.product_id,
          inventory_item_id: variant.inventory_item_id,
          notes: input.notes ?? null,
          metadata: input.metadata ?? null,
          end_of_life_at: input.end_of_life_at ?? null,
        })),
        reference: { reference_type: "manual", actor_type: "user", actor_id: input.actor_id ?? null },
      }
    })
    const created = createSerialsStep(stepInput)
    emitEventStep({
      eventName: SerialEvents.CREATED,
      data: transform({ created }, ({ created }) => ({ ids: created.map((c) => c.id) })),
    })
    return new WorkflowResponse(created)
  }
)
