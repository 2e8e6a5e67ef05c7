import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SERIAL_MODULE } from "../../modules/serial"
import type SerialModuleService from "../../modules/serial/service"
import type { SwapLineSerialInput } from "../../modules/serial/order-types"
import { undoSerialMoves } from "../utils/undo-serial-moves"

export const swapLineSerialStepId = "swap-line-serial-step"
/** Swaps a serial on an order line; compensation puts both serials back as they were. */
export const swapLineSerialStep = createStep(
  swapLineSerialStepId,
  async (input: SwapLineSerialInput, { container }) => {
    const service: SerialModuleService = container.resolve(SERIAL_MODULE)
    const { moved, undo } = await service.swapLineSerial(input)
    return new StepResponse(moved, undo)
  },
  async (undo, { container }) => undoSerialMoves(undo, container)
)
