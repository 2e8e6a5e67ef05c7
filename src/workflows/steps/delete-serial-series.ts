import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SERIAL_MODULE } from "../../modules/serial"
import type SerialModuleService from "../../modules/serial/service"

export const deleteSerialSeriesStepId = "delete-serial-series-step"
/**
 * Deletes a series nothing uses: no variant names it and no serial came from it (its
 * counters would otherwise be lost and values could be issued twice). Soft delete, so
 * compensation can restore it.
 */
export const deleteSerialSeriesStep = createStep(
  deleteSerialSeriesStepId,
  async (id: string, { container }) => {
    const service: SerialModuleService = container.resolve(SERIAL_MODULE)
    const series = await service.retrieveSerialSeries(id)
    const usage = await service.seriesUsage(id)
    if (usage.variants || usage.serials) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Serial series "${series.name}" is in use (${usage.variants} variant(s), ${usage.serials} serial(s)) and cannot be deleted`
      )
    }
    await service.softDeleteSerialSeries(id)
    return new StepResponse(id, id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    const service: SerialModuleService = container.resolve(SERIAL_MODULE)
    await service.restoreSerialSeries(id)
  }
)
