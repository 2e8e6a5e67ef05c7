import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { SERIAL_MODULE } from "../modules/serial"
import { SerialEvents } from "../modules/serial/events"
import type SerialModuleService from "../modules/serial/service"
import { notifySerialsDeliveredWorkflow } from "../workflows/notify-serials-delivered"

/**
 * Serials were delivered by a fulfilment: the buyer gets a notice of them (each line's
 * serials and warranty end) through Medusa's notification module, unless the store set
 * the plugin option `notify_serials_delivered: false`.
 */
export default async function serialDeliveredNotice({
  event: { data },
  container,
}: SubscriberArgs<{ order_id?: string | null; fulfillment_id?: string | null }>) {
  if (!data?.order_id || !data.fulfillment_id) {
    return
  }
  const service: SerialModuleService = container.resolve(SERIAL_MODULE)
  if (!service.getOptions().notify_serials_delivered) {
    return
  }
  await notifySerialsDeliveredWorkflow(container).run({
    input: { fulfillment_id: data.fulfillment_id, order_id: data.order_id },
  })
}

export const config: SubscriberConfig = {
  event: SerialEvents.DELIVERED,
  context: { subscriberId: "serial-delivered-notice" },
}
