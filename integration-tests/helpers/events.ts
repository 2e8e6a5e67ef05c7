import { Modules } from "@medusajs/framework/utils"

type Container = { resolve: (key: string) => any }
export type SeenEvent = { name: string; data: any }

/**
 * Records the events of these names until the returned function is called, which answers
 * them in the order they came. A workflow releases its events as it finishes, before its
 * route answers: after a request, its events are all here.
 */
export function recordEvents(container: Container, names: string[]): () => SeenEvent[] {
  const eventBus = container.resolve(Modules.EVENT_BUS)
  const seen: SeenEvent[] = []
  const probe = async (event: any) => {
    seen.push({ name: event.name, data: event.data })
  }
  for (const name of names) {
    eventBus.subscribe(name, probe, { subscriberId: `test-probe-${name}` })
  }
  return () => {
    for (const name of names) {
      eventBus.unsubscribe(name, probe, { subscriberId: `test-probe-${name}` })
    }
    return seen
  }
}
