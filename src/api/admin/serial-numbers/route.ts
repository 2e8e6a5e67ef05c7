import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { queryList } from "../../utils/query-list"
import { createSerialNumbersWorkflow } from "../../../workflows/create-serial-numbers"
import { PRESENT_SERIAL_NEEDS, presentSerial } from "../../utils/present-serial"
import { SERIAL_FIELDS } from "./query-config"
import { withWarrantyFilter } from "./warranty-filter"
import type { AdminCreateSerialNumbersType, AdminGetSerialNumbersParamsType } from "./validators"
import type { AdminSerialNumberListResponse, AdminSerialNumbersCreatedResponse } from "../../../shared/http/admin"

export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetSerialNumbersParamsType>,
  res: MedusaResponse<AdminSerialNumberListResponse>
) => {
  const now = new Date()
  const { data, ...page } = await queryList(req, "serial_number", {
    extraFields: PRESENT_SERIAL_NEEDS,
    filters: withWarrantyFilter(req.filterableFields, now),
  })
  res.json({ serial_numbers: data.map((s) => presentSerial(s, now)), ...page })
}

export const POST = async (
  req: AuthenticatedMedusaRequest<AdminCreateSerialNumbersType>,
  res: MedusaResponse<AdminSerialNumbersCreatedResponse>
) => {
  const body = req.validatedBody
  const serials = body.serial_numbers ?? [body.serial_number as string]
  const { result } = await createSerialNumbersWorkflow(req.scope).run({
    input: {
      variant_id: body.variant_id,
      serial_numbers: serials,
      notes: body.notes,
      metadata: body.metadata,
      end_of_life_at: body.end_of_life_at,
      actor_id: req.auth_context?.actor_id,
    },
  })

  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "serial_number",
    fields: SERIAL_FIELDS,
    filters: { id: result.map((r) => r.id) },
  })
  const now = new Date()
  const created = data.map((s) => presentSerial(s, now))
  if (body.serial_numbers) {
    res.status(201).json({ serial_numbers: created, count: created.length })
  } else {
    res.status(201).json({ serial_number: created[0] })
  }
}
