import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SERIAL_MODULE } from "../../modules/serial"
import type SerialModuleService from "../../modules/serial/service"
import type { CreateSerialInput, LedgerReference } from "../../modules/serial/types"

export type CreateSerialsStepInput = {
  serials: CreateSerialInput[]
  reference?: LedgerReference
}

export const createSerialsStepId = "create-serials-step"
/** Creates serials directly (status `inactive`). Compensation removes them and their ledger rows. */
export const createSerialsStep = createStep(
  createSerialsStepId,
  async (input: CreateSerialsStepInput, { container }) => {
    const service: SerialModuleService = container.resolve(SERIAL_MODULE)
    const created = await service.createSerials(input.serials, input.reference ?? {})
    return new StepResponse(created, created.map((c) => c.id))
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    const service: SerialModuleService = container.resolve(SERIAL_MODULE)
    await service.purgeSerials(ids)
  }
)
