import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { SerialEvents } from "../modules/serial/events"
import { fillStockFromSeriesStep } from "./steps/fill-stock-from-series"
import { readStockLevelStep } from "./steps/read-stock-level"

export const reconcileStockLevelWorkflowId = "reconcile-stock-level-workflow"
/**
 * Brings the serials at one inventory level in line with Medusa's stocked quantity, where
 * the variant's series can name the missing units. Stock without serials and no series to
 * name them is not changed: it shows as unserialized stock in the plugin's reports.
 */
export const reconcileStockLevelWorkflow = createWorkflow(
  reconcileStockLevelWorkflowId,
  (input: { inventory_level_id: string }) => {
    const level = readStockLevelStep(input.inventory_level_id)
    const created = fillStockFromSeriesStep(level)
    when({ created }, ({ created }) => created.length > 0).then(() => {
      emitEventStep({
        eventName: SerialEvents.RECEIVED,
        data: transform({ created, level }, ({ created, level }) => ({
          ids: created,
          receipt_id: null,
          stock_location_id: level?.location_id ?? null,
        })),
      })
      emitEventStep({
        eventName: SerialEvents.STATUS_CHANGED,
        data: transform({ created }, ({ created }) => ({ ids: created, movement: "receive", to_status: "active" })),
      }).config({ name: "emit-serial-status-changed" })
    })
    return new WorkflowResponse(created)
  }
)
