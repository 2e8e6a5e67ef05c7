import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SERIAL_MODULE } from "../../modules/serial"
import type SerialModuleService from "../../modules/serial/service"
import type { SerialSettingsInput } from "../../modules/serial/types"

export const upsertSerialSettingsStepId = "upsert-serial-settings-step"
/** Sets a variant's serial settings; compensation restores the previous row or removes a new one. */
export const upsertSerialSettingsStep = createStep(
  upsertSerialSettingsStepId,
  async (input: { variant_id: string; settings: SerialSettingsInput }, { container }) => {
    const service: SerialModuleService = container.resolve(SERIAL_MODULE)
    const { settings, previous } = await service.upsertVariantSettings(input.variant_id, input.settings)
    return new StepResponse(settings, { created_id: previous ? null : settings.id, previous })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service: SerialModuleService = container.resolve(SERIAL_MODULE)
    if (undo.created_id) {
      await service.deleteSerialSettings(undo.created_id)
    } else if (undo.previous) {
      const { created_at, updated_at, deleted_at, ...previous } = undo.previous as any
      await service.updateSerialSettings(previous)
    }
  }
)
