import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type SerialModuleService from "../../../../../modules/serial/service"
import { storefrontSerialNotFound } from "../../../../../modules/serial/lib/storefront-errors"
import { presentPublicWarranty, publicVariantInfo } from "../../../present"
import { assertStorefrontSerial } from "../../../validators"
import type { StoreSerialWarrantyResponse } from "../../../../../shared/http/store"

/**
 * Public warranty look-up (publishable key; rate limited in middlewares.ts). Unknown and
 * never-sold serials get the same 404; the answer names no customer, order or cost.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse<StoreSerialWarrantyResponse>) => {
  const text = assertStorefrontSerial(req.params.serial)
  const service = req.scope.resolve<SerialModuleService>("serial")
  const row = await service.storefrontFindSoldSerial(text)
  if (!row) {
    throw storefrontSerialNotFound(text)
  }
  res.json({ warranty: presentPublicWarranty(row, await publicVariantInfo(req.scope, row.variant_id)) })
}
