import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { SERIAL_MODULE } from "../../../../modules/serial"
import type SerialModuleService from "../../../../modules/serial/service"
import { upsertSerialSettingsWorkflow } from "../../../../workflows/upsert-serial-settings"
import { fetchVariants } from "../../../../workflows/steps/resolve-variants"
import { presentSettings } from "../../../utils/present-settings"
import type { AdminUpsertSerialSettingsType } from "../validators"

/** A variant's serial settings; a variant never configured answers with the defaults. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const variantId = req.params.variant_id
  // The same check the workflows use, so an unknown variant is a 404 here too.
  await fetchVariants(req.scope, [variantId])
  const service: SerialModuleService = req.scope.resolve(SERIAL_MODULE)
  const [settings] = await service.listSerialSettings({ variant_id: variantId })
  res.json({ serial_settings: presentSettings(variantId, settings ?? null, service.getOptions()) })
}

export const POST = async (
  req: AuthenticatedMedusaRequest<AdminUpsertSerialSettingsType>,
  res: MedusaResponse
) => {
  const variantId = req.params.variant_id
  const { result } = await upsertSerialSettingsWorkflow(req.scope).run({
    input: { variant_id: variantId, settings: req.validatedBody },
  })
  const service: SerialModuleService = req.scope.resolve(SERIAL_MODULE)
  res.json({ serial_settings: presentSettings(variantId, result, service.getOptions()) })
}
