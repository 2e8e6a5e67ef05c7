import { SerialEvents } from "../../modules/serial/events"
import type { MovedSerial } from "../../modules/serial/order-types"

/** `serial_number.status_changed` events for moved serials: one per movement, ids only. */
export function statusChangedEvents(moved: MovedSerial[]) {
  const groups = new Map<string, { ids: string[]; movement: string; to_status: string }>()
  for (const m of moved) {
    if (m.movement === "ship") {
      continue
    }
    const key = `${m.movement}\u0000${m.status}`
    const group = groups.get(key) ?? { ids: [], movement: m.movement, to_status: m.status }
    group.ids.push(m.id)
    groups.set(key, group)
  }
  return [...groups.values()].map((data) => ({ name: SerialEvents.STATUS_CHANGED, data }))
}
