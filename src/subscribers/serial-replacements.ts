import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { SerialEvents } from "../modules/serial/events"
import { linkReplacementsWorkflow } from "../workflows/link-replacements"

/**
 * Serials of an order were delivered or came back: whichever of an exchange's (or claim's)
 * two halves happens last links the replacement to the serial it replaces. Idempotent.
 */
export default async function serialReplacements({
  event: { data },
  container,
}: SubscriberArgs<{ order_id?: string | null }>) {
  if (!data?.order_id) {
    return
  }
  await linkReplacementsWorkflow(container).run({ input: { order_id: data.order_id } })
}

export const config: SubscriberConfig = {
  event: [SerialEvents.DELIVERED, SerialEvents.RETURNED],
  context: { subscriberId: "serial-replacements" },
}
