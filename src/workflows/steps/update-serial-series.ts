import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SERIAL_MODULE } from "../../modules/serial"
import type SerialModuleService from "../../modules/serial/service"
import { assertSeriesNameFree } from "./create-serial-series"

export type UpdateSerialSeriesStepInput = {
  id: string
  name?: string
  pattern?: string
  metadata?: Record<string, unknown> | null
}

export const updateSerialSeriesStepId = "update-serial-series-step"
/**
 * Renames a series or changes its pattern (values already issued stay as they are; a new
 * pattern counts under its own keys). Compensation restores the previous values.
 */
export const updateSerialSeriesStep = createStep(
  updateSerialSeriesStepId,
  async (input: UpdateSerialSeriesStepInput, { container }) => {
    const service: SerialModuleService = container.resolve(SERIAL_MODULE)
    const previous = await service.retrieveSerialSeries(input.id)
    if (input.name !== undefined && input.name !== previous.name) {
      await assertSeriesNameFree(service, input.name, input.id)
    }
    if (input.pattern !== undefined && input.pattern !== previous.pattern) {
      await service.validateSeriesPattern(input.pattern, input.id)
    }
    const updated = await service.updateSerialSeries(input)
    return new StepResponse(updated, {
      id: previous.id,
      name: previous.name,
      pattern: previous.pattern,
      metadata: previous.metadata,
    })
  },
  async (previous, { container }) => {
    if (!previous) {
      return
    }
    const service: SerialModuleService = container.resolve(SERIAL_MODULE)
    await service.updateSerialSeries(previous)
  }
)
