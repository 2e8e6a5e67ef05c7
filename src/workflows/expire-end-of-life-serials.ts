import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { SerialEvents } from "../modules/serial/events"
import { expireEndOfLifeStep } from "./steps/expire-end-of-life"
import type { EndOfLifeCursor } from "../modules/serial/maintenance-types"

export const expireEndOfLifeSerialsWorkflowId = "expire-end-of-life-serials-workflow"
/**
 * One batch of the daily end-of-life pass: serials past their end of life become
 * `expired`, after `after` (the previous batch's `next`).
 */
export const expireEndOfLifeSerialsWorkflow = createWorkflow(
  expireEndOfLifeSerialsWorkflowId,
  (input: { now: string; limit: number; after?: EndOfLifeCursor | null }) => {
    const expired = expireEndOfLifeStep(input)
    when({ expired }, ({ expired }) => expired.ids.length > 0).then(() => {
      emitEventStep({
        eventName: SerialEvents.STATUS_CHANGED,
        data: transform({ expired }, ({ expired }) => ({ ids: expired.ids, movement: "expire", to_status: "expired" })),
      })
    })
    return new WorkflowResponse(expired)
  }
)
