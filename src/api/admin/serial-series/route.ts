import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createSerialSeriesWorkflow } from "../../../workflows/create-serial-series"
import type { AdminCreateSerialSeriesType, AdminGetSerialSeriesParamsType } from "./validators"

export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetSerialSeriesParamsType>,
  res: MedusaResponse
) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: "serial_series",
    fields: req.queryConfig.fields,
    filters: req.filterableFields,
    pagination: req.queryConfig.pagination,
  })
  res.json({
    serial_series: data,
    count: metadata?.count ?? data.length,
    offset: metadata?.skip ?? 0,
    limit: metadata?.take ?? data.length,
  })
}

export const POST = async (
  req: AuthenticatedMedusaRequest<AdminCreateSerialSeriesType>,
  res: MedusaResponse
) => {
  const { result } = await createSerialSeriesWorkflow(req.scope).run({ input: req.validatedBody })
  res.status(201).json({ serial_series: result })
}
