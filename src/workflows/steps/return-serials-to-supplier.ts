import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SERIAL_MODULE } from "../../modules/serial"
import type SerialModuleService from "../../modules/serial/service"
import type { ReturnToSupplierInput } from "../../modules/serial/services/vendor-returns"
import { undoSerialMoves } from "../utils/undo-serial-moves"

export const returnSerialsToSupplierStepId = "return-serials-to-supplier-step"
/**
 * Sends serials of a receipt back to its supplier (`inactive`, no location), with a
 * `return_to_supplier` ledger row each; compensation puts them back in stock where they
 * were and removes those rows.
 */
export const returnSerialsToSupplierStep = createStep(
  returnSerialsToSupplierStepId,
  async (input: ReturnToSupplierInput, { container }) => {
    const service: SerialModuleService = container.resolve(SERIAL_MODULE)
    const { vendor_return, undo } = await service.returnSerialsToSupplier(input)
    return new StepResponse(vendor_return, undo)
  },
  async (undo, { container }) => undoSerialMoves(undo, container)
)
