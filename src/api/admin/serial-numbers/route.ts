import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { SERIAL_MODULE } from "../../../modules/serial"
import type SerialModuleService from "../../../modules/serial/service"
import { createSerialNumbersWorkflow } from "../../../workflows/create-serial-numbers"
import { PRESENT_SERIAL_NEEDS, presentSerial } from "../../utils/present-serial"
import { SERIAL_FIELDS } from "./query-config"
import { serialListFilters } from "./list-filters"
import { defaultSerialListOrder } from "../../../shared/serial-list"
import type { AdminCreateSerialNumbersType, AdminGetSerialNumbersParamsType } from "./validators"
import type { AdminSerialNumberListResponse, AdminSerialNumbersCreatedResponse } from "../../../shared/http/admin"

/**
 * A page of serials: filtered, in one of the offered orders (newest first by default; by
 * warranty expiry when filtered by warranty), by cursor (`after` = the previous
 * `next_cursor`) or, for the first pages, `offset`. The
 * count is exact up to SERIAL_LIST_COUNT_CAP, an estimate beyond (`count_is_estimate`).
 */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetSerialNumbersParamsType>,
  res: MedusaResponse<AdminSerialNumberListResponse>
) => {
  const now = new Date()
  const params = req.validatedQuery as AdminGetSerialNumbersParamsType
  const service: SerialModuleService = req.scope.resolve(SERIAL_MODULE)
  const page = await service.listSerialNumberPage({
    filters: serialListFilters(params, now),
    order: params.order ?? defaultSerialListOrder(params),
    limit: params.limit,
    offset: params.offset,
    after: params.after,
  })
  // The page's rows with the fields asked for (relations included), in the page's order.
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = page.ids.length
    ? await query.graph({
        entity: "serial_number",
        fields: [...new Set([...req.queryConfig.fields, ...PRESENT_SERIAL_NEEDS])],
        filters: { id: page.ids },
      })
    : { data: [] }
  const byId = new Map((data as any[]).map((s) => [s.id, s]))
  res.json({
    serial_numbers: page.ids.flatMap((id) => (byId.has(id) ? [presentSerial(byId.get(id), now)] : [])),
    count: page.count,
    count_is_estimate: page.count_is_estimate,
    offset: params.after ? 0 : params.offset,
    limit: params.limit,
    next_cursor: page.next_cursor,
  })
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
