import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SERIAL_MODULE } from "../../modules/serial"
import type SerialModuleService from "../../modules/serial/service"
import type { ConfirmStockTakeInput } from "../../modules/serial/services/stock-takes"
import { undoSerialMoves } from "../utils/undo-serial-moves"

export const applyStockTakeStepId = "apply-stock-take-step"
/**
 * Applies a count to serials that exist: those found here but held elsewhere move here,
 * those held here and not found are written off as lost. Compensation puts them back as
 * they were and removes the count's ledger rows.
 */
export const applyStockTakeStep = createStep(
  applyStockTakeStepId,
  async (input: ConfirmStockTakeInput, { container }) => {
    const service: SerialModuleService = container.resolve(SERIAL_MODULE)
    const { stock_take, undo } = await service.confirmStockTake(input)
    return new StepResponse(stock_take, undo)
  },
  async (undo, { container }) => undoSerialMoves(undo, container)
)
