import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SERIAL_MODULE } from "../../modules/serial"
import type SerialModuleService from "../../modules/serial/service"
import type { ReserveLineSerialsInput } from "../../modules/serial/order-types"
import { undoSerialMoves } from "../utils/undo-serial-moves"

export const reserveLineSerialsStepId = "reserve-line-serials-step"
/** Reserves serials for an order line; compensation makes them active again. */
export const reserveLineSerialsStep = createStep(
  reserveLineSerialsStepId,
  async (input: ReserveLineSerialsInput, { container }) => {
    const service: SerialModuleService = container.resolve(SERIAL_MODULE)
    const { moved, undo } = await service.reserveLineSerials(input)
    return new StepResponse(moved, undo)
  },
  async (undo, { container }) => undoSerialMoves(undo, container)
)
