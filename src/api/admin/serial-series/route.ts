import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { queryList } from "../../utils/query-list"
import { createSerialSeriesWorkflow } from "../../../workflows/create-serial-series"
import type { AdminCreateSerialSeriesType, AdminGetSerialSeriesParamsType } from "./validators"
import type { AdminSerialSeries, AdminSerialSeriesListResponse, AdminSerialSeriesResponse } from "../../../shared/http/admin"
import { asSent } from "../../utils/as-sent"

export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetSerialSeriesParamsType>,
  res: MedusaResponse<AdminSerialSeriesListResponse>
) => {
  const { data, ...page } = await queryList(req, "serial_series")
  res.json({ serial_series: data, ...page })
}

export const POST = async (
  req: AuthenticatedMedusaRequest<AdminCreateSerialSeriesType>,
  res: MedusaResponse<AdminSerialSeriesResponse>
) => {
  const { result } = await createSerialSeriesWorkflow(req.scope).run({ input: req.validatedBody })
  res.status(201).json({ serial_series: asSent<AdminSerialSeries>(result) })
}
