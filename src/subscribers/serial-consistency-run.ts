import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { SerialEvents } from "../modules/serial/events"
import { walkSerialConsistencyRun } from "../jobs/serial-consistency"

/** A consistency run an admin started: walked here, in the worker, not in the request. */
export default async function serialConsistencyRun({ event: { data }, container }: SubscriberArgs<{ id?: string }>) {
  if (!data?.id) {
    return
  }
  await walkSerialConsistencyRun(container, data.id)
}

export const config: SubscriberConfig = {
  event: SerialEvents.CONSISTENCY_RUN_STARTED,
  context: { subscriberId: "serial-consistency-run" },
}
