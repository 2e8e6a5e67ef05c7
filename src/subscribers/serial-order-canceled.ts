import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { releaseOrderSerialsWorkflow } from "../workflows/release-order-serials"

/**
 * An order was canceled (`order.canceled`, data `{ id }`): serials reserved for its lines go
 * back `active`. Idempotent: the same event handled twice releases nothing the second time.
 */
export default async function serialOrderCanceled({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  if (!data?.id) {
    return
  }
  await releaseOrderSerialsWorkflow(container).run({ input: { order_id: data.id } })
}

export const config: SubscriberConfig = {
  event: "order.canceled",
  context: { subscriberId: "serial-order-canceled" },
}
