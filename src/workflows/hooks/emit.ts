import { Modules } from "@medusajs/framework/utils"
import type { StepExecutionContext } from "@medusajs/framework/workflows-sdk"

/**
 * Emits the plugin's events from a hook handler the way Medusa's `emitEventStep` does: in
 * the workflow's event group, so they are released only when the workflow succeeds.
 */
export async function emitInWorkflow(
  context: StepExecutionContext,
  events: Array<{ name: string; data: Record<string, unknown> }>
): Promise<void> {
  const eventBus = context.container.resolve(Modules.EVENT_BUS, { allowUnregistered: true }) as any
  if (!eventBus || !events.length) {
    return
  }
  const metadata = context.eventGroupId ? { eventGroupId: context.eventGroupId } : {}
  await eventBus.emit(events.map((e) => ({ name: e.name, data: e.data, metadata })))
}
