import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SERIAL_MODULE } from "../../modules/serial"
import type SerialModuleService from "../../modules/serial/service"
import type { StockLevelFacts } from "../../modules/serial/types"

export const fillStockFromSeriesStepId = "fill-stock-from-series-step"
/** Generates serials for stock added outside the plugin; compensation removes them. */
export const fillStockFromSeriesStep = createStep(
  fillStockFromSeriesStepId,
  async (level: StockLevelFacts | null, { container }) => {
    if (!level) {
      return new StepResponse([] as string[], [] as string[])
    }
    const service: SerialModuleService = container.resolve(SERIAL_MODULE)
    const { created_ids } = await service.fillStockFromSeries(level)
    return new StepResponse(created_ids, created_ids)
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    const service: SerialModuleService = container.resolve(SERIAL_MODULE)
    await service.purgeSerials(ids)
  }
)
