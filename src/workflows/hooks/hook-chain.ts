import { StepResponse } from "@medusajs/framework/workflows-sdk"
import type { StepExecutionContext } from "@medusajs/framework/workflows-sdk"

export type HookInvoke<I> = (input: I, context: StepExecutionContext) => Promise<unknown> | unknown
export type HookCompensate = (compensateInput: any, context: StepExecutionContext) => Promise<unknown> | unknown

type Link<I> = { invoke: HookInvoke<I>; compensate?: HookCompensate }

const outputOf = (r: unknown) => (r instanceof StepResponse ? r.output : r)
const compensateInputOf = (r: unknown) => (r instanceof StepResponse ? r.compensateInput : r)

/**
 * A Medusa workflow hook takes ONE handler per app. The plugin registers a chain as that
 * handler: its own handler first, then every handler a store added with `add`, in order.
 * If any of them throws, those that ran are compensated in reverse order and the error
 * goes on, so the workflow fails (and rolls back) as it would with a single handler.
 */
export function createHookChain<I>(own: Link<I>) {
  const links: Link<I>[] = [own]
  const undo = async (ran: Array<{ link: Link<I>; compensateInput: unknown }>, context: StepExecutionContext) => {
    for (const r of [...ran].reverse()) {
      await r.link.compensate?.(r.compensateInput, context)
    }
  }
  return {
    /** Adds a store's handler (and its compensation) after the plugin's own. */
    add(invoke: HookInvoke<I>, compensate?: HookCompensate) {
      links.push({ invoke, compensate })
    },
    invoke: async (input: I, context: StepExecutionContext) => {
      const ran: Array<{ link: Link<I>; compensateInput: unknown }> = []
      const outputs: unknown[] = []
      try {
        for (const link of links) {
          const result = await link.invoke(input, context)
          ran.push({ link, compensateInput: compensateInputOf(result) })
          outputs.push(outputOf(result))
        }
      } catch (e) {
        await undo(ran, context)
        throw e
      }
      return new StepResponse(outputs, ran.map((r) => r.compensateInput))
    },
    compensate: async (compensateInputs: unknown[] | undefined, context: StepExecutionContext) => {
      if (!compensateInputs) {
        return
      }
      await undo(
        links.slice(0, compensateInputs.length).map((link, i) => ({ link, compensateInput: compensateInputs[i] })),
        context
      )
    },
  }
}
