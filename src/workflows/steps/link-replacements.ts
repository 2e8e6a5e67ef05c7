import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SERIAL_MODULE } from "../../modules/serial"
import type { ReplacementGroup } from "../../modules/serial/order-types"
import type SerialModuleService from "../../modules/serial/service"

export const linkReplacementsStepId = "link-replacements-step"
/** Links exchange and claim replacements to the serials they replace; compensation unlinks. */
export const linkReplacementsStep = createStep(
  linkReplacementsStepId,
  async (input: { order_id: string; groups: ReplacementGroup[] }, { container }) => {
    if (!input.groups.length) {
      return new StepResponse([], null)
    }
    const service: SerialModuleService = container.resolve(SERIAL_MODULE)
    const undo = await service.linkReplacements(input.order_id, input.groups)
    return new StepResponse(undo.links, undo.links.length ? undo : null)
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service: SerialModuleService = container.resolve(SERIAL_MODULE)
    await service.unlinkReplacements(undo)
  }
)
