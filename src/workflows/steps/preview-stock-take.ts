import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SERIAL_MODULE } from "../../modules/serial"
import type SerialModuleService from "../../modules/serial/service"
import type { StockTakeInput } from "../../shared/http/admin"

export const previewStockTakeStepId = "preview-stock-take-step"
/** A count compared with the books, with what a confirm would refuse. Read-only. */
export const previewStockTakeStep = createStep(previewStockTakeStepId, async (input: StockTakeInput, { container }) => {
  const service: SerialModuleService = container.resolve(SERIAL_MODULE)
  return new StepResponse(await service.previewStockTake(input))
})
