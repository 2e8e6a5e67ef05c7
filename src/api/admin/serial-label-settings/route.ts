import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { SERIAL_MODULE } from "../../../modules/serial"
import type SerialModuleService from "../../../modules/serial/service"
import type { AdminSerialLabelSettingsResponse } from "../../../shared/http/admin"

/** What the admin's label sheet needs of the plugin options: the warranty page its QR codes open. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminSerialLabelSettingsResponse>) => {
  const service: SerialModuleService = req.scope.resolve(SERIAL_MODULE)
  res.json({ warranty_url_template: service.getOptions().warranty_url_template })
}
