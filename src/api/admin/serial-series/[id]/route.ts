import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { deleteSerialSeriesWorkflow } from "../../../../workflows/delete-serial-series"
import { updateSerialSeriesWorkflow } from "../../../../workflows/update-serial-series"
import { SERIES_FIELDS } from "../query-config"
import type { AdminUpdateSerialSeriesType } from "../validators"
import type { AdminDeleteResponse, AdminSerialSeriesResponse } from "../../../../shared/http/admin"

async function readSeries(req: AuthenticatedMedusaRequest<any>) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph(
    { entity: "serial_series", fields: SERIES_FIELDS, filters: { id: req.params.id } },
    { throwIfKeyNotFound: true }
  )
  return data[0]
}

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminSerialSeriesResponse>) => {
  res.json({ serial_series: await readSeries(req) })
}

export const POST = async (
  req: AuthenticatedMedusaRequest<AdminUpdateSerialSeriesType>,
  res: MedusaResponse<AdminSerialSeriesResponse>
) => {
  await readSeries(req)
  await updateSerialSeriesWorkflow(req.scope).run({ input: { id: req.params.id, ...req.validatedBody } })
  res.json({ serial_series: await readSeries(req) })
}

export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminDeleteResponse<"serial_series">>) => {
  await readSeries(req)
  await deleteSerialSeriesWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.json({ id: req.params.id, object: "serial_series", deleted: true })
}
