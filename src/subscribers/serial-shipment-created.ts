import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { recordFulfillmentShipmentWorkflow } from "../workflows/record-fulfillment-shipment"

/**
 * A fulfilment was shipped (`shipment.created`, data `{ id }` = the fulfilment): its serials
 * get `shipped_at` and a `ship` ledger row. Idempotent: the same event handled twice stamps
 * nothing the second time.
 */
export default async function serialShipmentCreated({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  if (!data?.id) {
    return
  }
  await recordFulfillmentShipmentWorkflow(container).run({ input: { fulfillment_id: data.id } })
}

export const config: SubscriberConfig = {
  event: "shipment.created",
  context: { subscriberId: "serial-shipment-created" },
}
