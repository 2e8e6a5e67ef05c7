import { adjustInventoryLevelsStep, emitEventStep } from "@medusajs/medusa/core-flows"
import { SerialEvents } from "../modules/serial/events"
import { createHook, createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { ensureInventoryLevelsStep } from "./steps/ensure-inventory-levels"
import { postReceiptStep } from "./steps/post-receipt"
import { resolveStockLocationStep } from "./steps/resolve-stock-location"
import { ResolvedVariant, resolveVariantsStep } from "./steps/resolve-variants"
import { validateReceiptVariantsStep } from "./steps/validate-receipt-variants"
import { receiptLines } from "./utils/receipt-lines"

export type PostSerialReceiptWorkflowInput = {
  stock_location_id: string
  /** None for opening stock and units found in a stock count. */
  supplier?: { name: string; reference?: string | null } | null
  received_at?: string | null
  notes?: string | null
  metadata?: Record<string, unknown> | null
  items: Array<{
    variant_id: string
    quantity: number
    unit_cost?: number | null
    serial_numbers?: string[]
    range?: { from: string; to: string } | { first: string; count: number }
  }>
  actor_id?: string
  additional_data?: Record<string, unknown>
}

export const postSerialReceiptWorkflowId = "post-serial-receipt-workflow"
/**
 * Posts a purchase receipt: the document, its serials `active` at the location with
 * supplier, receipt and cost, and the inventory levels raised through Medusa's own
 * inventory step. Any failure undoes every step before it.
 */
export const postSerialReceiptWorkflow = createWorkflow(
  postSerialReceiptWorkflowId,
  (input: PostSerialReceiptWorkflowInput) => {
    resolveStockLocationStep(input.stock_location_id)
    const variantIds = transform({ input }, ({ input }) => input.items.map((i) => i.variant_id))
    const variants = resolveVariantsStep(variantIds)
    validateReceiptVariantsStep(variants)

    const record = transform({ input, variants }, ({ input, variants }) => {
      const byId = variants as Record<string, ResolvedVariant>
      return {
        stock_location_id: input.stock_location_id,
        supplier_name: input.supplier?.name ?? null,
        supplier_reference: input.supplier?.reference ?? null,
        received_at: input.received_at ?? new Date().toISOString(),
        notes: input.notes ?? null,
        metadata: input.metadata ?? null,
        created_by: input.actor_id ?? null,
        lines: input.items.map((i) => ({
          variant_id: i.variant_id,
          product_id: byId[i.variant_id].product_id,
          inventory_item_id: byId[i.variant_id].inventory_item_id as string,
          quantity: i.quantity,
          unit_cost: i.unit_cost ?? null,
        })),
      }
    })
    const post = transform({ input, variants, record }, ({ input, variants, record }) => {
      const byId = variants as Record<string, ResolvedVariant>
      return {
        record,
        receive: {
          stock_location_id: input.stock_location_id,
          supplier_name: record.supplier_name,
          supplier_reference: record.supplier_reference,
          received_at: record.received_at,
          lines: receiptLines(input.items, byId),
        },
        reference: { actor_type: "user", actor_id: input.actor_id ?? null },
      }
    })
    const adjustments = transform({ record }, ({ record }) => {
      const total = new Map<string, { inventory_item_id: string; location_id: string; adjustment: number }>()
      for (const line of record.lines) {
        const key = line.inventory_item_id
        const entry = total.get(key) ?? {
          inventory_item_id: line.inventory_item_id,
          location_id: record.stock_location_id,
          adjustment: 0,
        }
        entry.adjustment += line.quantity
        total.set(key, entry)
      }
      return [...total.values()]
    })
    const levels = transform({ adjustments }, ({ adjustments }) =>
      adjustments.map((a) => ({ inventory_item_id: a.inventory_item_id, location_id: a.location_id }))
    )
    // The document and its serials in one transaction, checked first, so that a refused
    // receipt writes nothing. Medusa's stock is raised right after: only a crash between
    // those commits leaves serials without stock, which the consistency check reports and
    // stock reconciliation repairs.
    const posted = postReceiptStep(post)
    const receipt = transform({ posted }, ({ posted }) => posted.receipt)
    const received = transform({ posted }, ({ posted }) => posted.received)

    ensureInventoryLevelsStep(levels)
    adjustInventoryLevelsStep(adjustments)

    const ids = transform({ received }, ({ received }) => [
      ...received.created_ids,
      ...received.received_existing_ids,
    ])
    emitEventStep({
      eventName: SerialEvents.RECEIVED,
      data: transform({ ids, receipt }, ({ ids, receipt }) => ({
        ids,
        receipt_id: receipt.id,
        stock_location_id: receipt.stock_location_id,
      })),
    })
    emitEventStep({
      eventName: SerialEvents.STATUS_CHANGED,
      data: transform({ ids }, ({ ids }) => ({ ids, movement: "receive", to_status: "active" })),
    }).config({ name: "emit-serial-status-changed" })

    // A store can check or extend a posted receipt here (an ERP export, a veto); an error
    // thrown by its handler undoes the whole receipt.
    const receiptPosted = createHook("receiptPosted", {
      receipt_id: receipt.id,
      serial_number_ids: ids,
      additional_data: input.additional_data,
    })

    return new WorkflowResponse(receipt, { hooks: [receiptPosted] })
  }
)
