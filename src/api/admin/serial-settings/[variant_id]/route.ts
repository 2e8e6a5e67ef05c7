import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { SERIAL_MODULE } from "../../../../modules/serial"
import { unserializedStock } from "../../../../modules/serial/lib/unserialized-stock"
import type SerialModuleService from "../../../../modules/serial/service"
import { upsertSerialSettingsWorkflow } from "../../../../workflows/upsert-serial-settings"
import { fetchVariants } from "../../../../workflows/utils/fetch-variants"
import { presentSettings } from "../../../utils/present-settings"
import type { AdminUpsertSerialSettingsType } from "../validators"
import type { AdminSerialSettingsResponse } from "../../../../shared/http/admin"

/**
 * A variant's serial settings (a variant never configured answers with the defaults), and
 * its stock per location: Medusa's count, the serials in stock, and the difference.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminSerialSettingsResponse>) => {
  const variantId = req.params.variant_id
  // The same check the workflows use, so an unknown variant is a 404 here too.
  const variant = (await fetchVariants(req.scope, [variantId]))[variantId]
  const service: SerialModuleService = req.scope.resolve(SERIAL_MODULE)
  const [settings] = await service.listSerialSettings({ variant_id: variantId })

  let levels: Array<{ location_id: string; stocked_quantity: number }> = []
  if (variant.inventory_item_id) {
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "inventory_level",
      fields: ["location_id", "stocked_quantity"],
      filters: { inventory_item_id: variant.inventory_item_id },
    })
    levels = data as any
  }
  const stock = unserializedStock(levels, await service.countInStockByLocation(variantId))
  res.json({ serial_settings: { ...presentSettings(variantId, settings ?? null, service.getOptions()), stock } })
}

export const POST = async (
  req: AuthenticatedMedusaRequest<AdminUpsertSerialSettingsType>,
  res: MedusaResponse<AdminSerialSettingsResponse>
) => {
  const variantId = req.params.variant_id
  const { result } = await upsertSerialSettingsWorkflow(req.scope).run({
    input: { variant_id: variantId, settings: req.validatedBody },
  })
  const service: SerialModuleService = req.scope.resolve(SERIAL_MODULE)
  res.json({ serial_settings: presentSettings(variantId, result, service.getOptions()) })
}
