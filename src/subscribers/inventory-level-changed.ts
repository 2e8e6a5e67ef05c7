import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { reconcileStockLevelWorkflow } from "../workflows/reconcile-stock-level"

/**
 * Stock of a serialized variant changed in Medusa's own admin (or an import): generate
 * serials for it from the variant's series. Order flows (fulfilment, returns, their
 * cancellations) carry an `order_id` and move serials themselves, and the plugin's
 * receipts adjust stock without this event, so neither is counted here. The workflow
 * compares totals, so the same event handled twice adds nothing the second time.
 */
export default async function inventoryLevelChanged({
  event: { data },
  container,
}: SubscriberArgs<{ id: string; order_id?: string }>) {
  if (!data?.id || data.order_id) {
    return
  }
  await reconcileStockLevelWorkflow(container).run({ input: { inventory_level_id: data.id } })
}

export const config: SubscriberConfig = {
  event: ["inventory-level.created", "inventory-level.updated"],
}
