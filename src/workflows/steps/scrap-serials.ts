import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SERIAL_MODULE } from "../../modules/serial"
import type SerialModuleService from "../../modules/serial/service"
import type { ScrapSerialsInput } from "../../modules/serial/services/write-offs"
import { undoSerialMoves } from "../utils/undo-serial-moves"

export const scrapSerialsStepId = "scrap-serials-step"
/**
 * Writes serials off (`scrapped`), with a `scrap` ledger row each; compensation puts them
 * back as they were (status and location) and removes those rows.
 */
export const scrapSerialsStep = createStep(
  scrapSerialsStepId,
  async (input: ScrapSerialsInput, { container }) => {
    const service: SerialModuleService = container.resolve(SERIAL_MODULE)
    const { write_off, undo } = await service.scrapSerials(input)
    return new StepResponse(write_off, undo)
  },
  async (undo, { container }) => undoSerialMoves(undo, container)
)
