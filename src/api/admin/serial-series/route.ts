import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { queryList } from "../../utils/query-list"
import { createSerialSeriesWorkflow } from "../../../workflows/create-serial-series"
import type { AdminCreateSerialSeriesType, AdminGetSerialSeriesParamsType } from "./validators"

export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetSerialSeriesParamsType>,
  res: MedusaResponse
) => {
  const { data, ...page } = await queryList(req, "serial_series")
  res.json({ serial_series: data, ...page })
}

export const POST = async (
  req: AuthenticatedMedusaRequest<AdminCreateSerialSeriesType>,
  res: MedusaResponse
) => {
  const { result } = await createSerialSeriesWorkflow(req.scope).run({ input: req.validatedBody })
  res.status(201).json({ serial_series: result })
}
