import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { returnSerialsWorkflow } from "../workflows/return-serials"

/**
 * A return was received (`order.return_received`, data `{ order_id, return_id }`): lines
 * whose returned units can only be their delivered serials are taken back at once; the
 * rest wait for the admin (POST /admin/returns/:id/serial-numbers). Idempotent.
 */
export default async function serialReturnReceived({
  event: { data },
  container,
}: SubscriberArgs<{ order_id: string; return_id: string }>) {
  if (!data?.return_id) {
    return
  }
  await returnSerialsWorkflow(container).run({ input: { return_id: data.return_id } })
}

export const config: SubscriberConfig = {
  event: "order.return_received",
  context: { subscriberId: "serial-return-received" },
}
