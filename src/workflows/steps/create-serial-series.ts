import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SERIAL_MODULE } from "../../modules/serial"
import type SerialModuleService from "../../modules/serial/service"

export type CreateSerialSeriesStepInput = {
  name: string
  pattern: string
  metadata?: Record<string, unknown> | null
}

export const createSerialSeriesStepId = "create-serial-series-step"
/** Creates a series after checking its pattern and name; compensation deletes it. */
export const createSerialSeriesStep = createStep(
  createSerialSeriesStepId,
  async (input: CreateSerialSeriesStepInput, { container }) => {
    const service: SerialModuleService = container.resolve(SERIAL_MODULE)
    await assertSeriesNameFree(service, input.name)
    await service.validateSeriesPattern(input.pattern)
    const series = await service.createSerialSeries(input)
    return new StepResponse(series, series.id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    const service: SerialModuleService = container.resolve(SERIAL_MODULE)
    await service.deleteSerialSeries(id)
  }
)

export async function assertSeriesNameFree(service: SerialModuleService, name: string, exceptId?: string) {
  const [clash] = await service.listSerialSeries({ name }, { select: ["id"] })
  if (clash && clash.id !== exceptId) {
    throw new MedusaError(MedusaError.Types.DUPLICATE_ERROR, `A serial series named "${name}" already exists`)
  }
}
