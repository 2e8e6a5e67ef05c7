import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { SERIAL_MODULE } from "../../../../../modules/serial"
import type SerialModuleService from "../../../../../modules/serial/service"
import type { AdminPreviewSerialSeriesParamsType } from "../../validators"
import type { AdminSerialSeriesPreviewResponse } from "../../../../../shared/http/admin"

/** The next values the series would issue; issues nothing. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminPreviewSerialSeriesParamsType>,
  res: MedusaResponse<AdminSerialSeriesPreviewResponse>
) => {
  const service: SerialModuleService = req.scope.resolve(SERIAL_MODULE)
  const { count, sku, date } = req.validatedQuery as AdminPreviewSerialSeriesParamsType
  const values = await service.previewSeries(req.params.id, count, {
    sku: sku ?? null,
    date: date ? new Date(date) : undefined,
  })
  res.json({ series_id: req.params.id, values })
}
