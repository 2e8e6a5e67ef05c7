import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SERIAL_MODULE } from "../../modules/serial"
import type SerialModuleService from "../../modules/serial/service"
import type { ResolvedReturn } from "./resolve-return"

export type ReturnSerialsStepInput = {
  ret: ResolvedReturn
  selection?: Array<{ serial_number: string; restock?: boolean }>
  actor_id?: string | null
}

export const returnSerialsStepId = "return-serials-step"
/**
 * Takes back the serials of a received return (the admin's selection, or the lines that
 * leave no choice). Compensation puts them back as they were.
 */
export const returnSerialsStep = createStep(
  returnSerialsStepId,
  async (input: ReturnSerialsStepInput, { container }) => {
    if (input.selection && !["received", "partially_received"].includes(input.ret.status)) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Return ${input.ret.id} is ${input.ret.status}: receive it in Medusa first, then say which serials came back`
      )
    }
    const service: SerialModuleService = container.resolve(SERIAL_MODULE)
    const result = await service.returnSerials({
      order_id: input.ret.order_id,
      return_id: input.ret.id,
      location_id: input.ret.location_id,
      lines: input.ret.lines,
      selection: input.selection,
      actor_id: input.actor_id ?? null,
    })
    return new StepResponse(result, result.undo)
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service: SerialModuleService = container.resolve(SERIAL_MODULE)
    await service.undoSerialMoves(undo)
  }
)
