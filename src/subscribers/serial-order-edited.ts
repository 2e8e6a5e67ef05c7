import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { releaseUnneededOrderSerialsWorkflow } from "../workflows/release-unneeded-order-serials"

/**
 * An order edit was confirmed (`order-edit.confirmed`, data `{ order_id }`): lines it removed
 * or lowered give back the serials reserved beyond what they still have to fulfil.
 * Idempotent: the same event twice releases nothing the second time.
 */
export default async function serialOrderEdited({ event: { data }, container }: SubscriberArgs<{ order_id: string }>) {
  if (!data?.order_id) {
    return
  }
  await releaseUnneededOrderSerialsWorkflow(container).run({ input: { order_id: data.order_id, reason: "order edited" } })
}

export const config: SubscriberConfig = {
  event: "order-edit.confirmed",
  context: { subscriberId: "serial-order-edited" },
}
