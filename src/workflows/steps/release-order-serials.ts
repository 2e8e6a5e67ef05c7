import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SERIAL_MODULE } from "../../modules/serial"
import type SerialModuleService from "../../modules/serial/service"
import { undoSerialMoves } from "../utils/undo-serial-moves"

export const releaseOrderSerialsStepId = "release-order-serials-step"
/** Releases serials reserved for an order's lines (all, or the ones named); compensation reserves them again. */
export const releaseOrderSerialsStep = createStep(
  releaseOrderSerialsStepId,
  async (input: Parameters<SerialModuleService["releaseOrderReservations"]>[0], { container }) => {
    const service: SerialModuleService = container.resolve(SERIAL_MODULE)
    const { moved, undo } = await service.releaseOrderReservations(input)
    return new StepResponse(moved, undo)
  },
  async (undo, { container }) => undoSerialMoves(undo, container)
)
