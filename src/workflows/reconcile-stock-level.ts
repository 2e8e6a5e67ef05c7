import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { fillStockFromSeriesStep } from "./steps/fill-stock-from-series"
import { readStockLevelStep } from "./steps/read-stock-level"

/**
 * Brings the serials at one inventory level in line with Medusa's stocked quantity, where
 * the variant's series can name the missing units. Stock without serials and no series to
 * name them is not changed: it shows as unserialized stock in the plugin's reports.
 */
export const reconcileStockLevelWorkflow = createWorkflow(
  "serial-reconcile-stock-level",
  (input: { inventory_level_id: string }) => {
    const level = readStockLevelStep(input.inventory_level_id)
    return new WorkflowResponse(fillStockFromSeriesStep(level))
  }
)
