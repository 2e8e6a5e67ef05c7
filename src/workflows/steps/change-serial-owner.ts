import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SERIAL_MODULE } from "../../modules/serial"
import type SerialModuleService from "../../modules/serial/service"
import type { ChangeSerialOwnerInput } from "../../modules/serial/services/ownership"
import { undoSerialMoves } from "../utils/undo-serial-moves"

export const changeSerialOwnerStepId = "change-serial-owner-step"
/** Passes a serial on to a new owner, with an `owner_change` ledger row; compensation gives it back. */
export const changeSerialOwnerStep = createStep(
  changeSerialOwnerStepId,
  async (input: ChangeSerialOwnerInput, { container }) => {
    const service: SerialModuleService = container.resolve(SERIAL_MODULE)
    const { owner_change, undo } = await service.changeSerialOwner(input)
    return new StepResponse(owner_change, undo)
  },
  async (undo, { container }) => undoSerialMoves(undo, container)
)
