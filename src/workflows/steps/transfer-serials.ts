import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SERIAL_MODULE } from "../../modules/serial"
import type SerialModuleService from "../../modules/serial/service"
import type { TransferSerialsInput } from "../../modules/serial/services/transfers"
import { undoSerialMoves } from "../utils/undo-serial-moves"

export const transferSerialsStepId = "transfer-serials-step"
/**
 * Moves serials in stock at one location to another, with a `transfer` ledger row each;
 * compensation puts them back where they were and removes those rows.
 */
export const transferSerialsStep = createStep(
  transferSerialsStepId,
  async (input: TransferSerialsInput, { container }) => {
    const service: SerialModuleService = container.resolve(SERIAL_MODULE)
    const { transfer, undo } = await service.transferSerials(input)
    return new StepResponse(transfer, undo)
  },
  async (undo, { container }) => undoSerialMoves(undo, container)
)
