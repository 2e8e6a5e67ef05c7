import { adjustInventoryLevelsStep, emitEventStep } from "@medusajs/medusa/core-flows"
import { createHook, createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { SerialEvents } from "../modules/serial/events"
import type { ReturnToSupplierInput } from "../modules/serial/services/vendor-returns"
import { resolveVariantsStep } from "./steps/resolve-variants"
import { returnSerialsToSupplierStep } from "./steps/return-serials-to-supplier"
import type { ResolvedVariant } from "./utils/fetch-variants"

export const returnSerialsToSupplierWorkflowId = "return-serials-to-supplier-workflow"
/**
 * `POST /admin/serial-receipts/:id/vendor-returns`: chosen serials of a receipt go back to
 * its supplier. They leave stock (`inactive`, no location; they keep their receipt and
 * supplier), and Medusa's stocked quantity goes down by one at each one's location. Every
 * problem is named in one 400 and nothing changes. Hook `serialsReturnedToSupplier`
 * ({ vendor_return }); event `serial_number.returned_to_supplier`.
 */
export const returnSerialsToSupplierWorkflow = createWorkflow(returnSerialsToSupplierWorkflowId, (input: ReturnToSupplierInput) => {
  const vendorReturn = returnSerialsToSupplierStep(input)
  const variantIds = transform({ vendorReturn }, ({ vendorReturn }) => [...new Set(vendorReturn.serials.map((s) => s.variant_id))])
  const variants = resolveVariantsStep(variantIds)
  const adjustments = transform({ vendorReturn, variants }, ({ vendorReturn, variants }) => {
    const byId = variants as Record<string, ResolvedVariant>
    const total = new Map<string, { inventory_item_id: string; location_id: string; adjustment: number }>()
    for (const s of vendorReturn.serials) {
      const item = byId[s.variant_id]?.inventory_item_id
      if (item) {
        const key = `${item}|${s.from_location_id}`
        const entry = total.get(key) ?? { inventory_item_id: item, location_id: s.from_location_id, adjustment: 0 }
        entry.adjustment -= 1
        total.set(key, entry)
      }
    }
    return [...total.values()]
  })
  adjustInventoryLevelsStep(adjustments)

  const serialsReturnedToSupplier = createHook("serialsReturnedToSupplier", { vendor_return: vendorReturn })
  emitEventStep({
    eventName: SerialEvents.RETURNED_TO_SUPPLIER,
    data: transform({ vendorReturn }, ({ vendorReturn }) => ({
      ids: vendorReturn.serials.map((s) => s.id),
      receipt_id: vendorReturn.receipt_id,
      vendor_return_id: vendorReturn.id,
    })),
  })
  emitEventStep({
    eventName: SerialEvents.STATUS_CHANGED,
    data: transform({ vendorReturn }, ({ vendorReturn }) => ({
      ids: vendorReturn.serials.map((s) => s.id),
      movement: "return_to_supplier",
      to_status: "inactive",
    })),
  }).config({ name: "emit-serial-status-changed" })
  return new WorkflowResponse(vendorReturn, { hooks: [serialsReturnedToSupplier] })
})
