import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { presentVisit } from "../../utils/present-maintenance"
import { VISIT_FIELDS } from "./validators"

/** Visits as the API answers them, each with its serial's text (one query for all). */
export async function withSerialText(scope: MedusaContainer, visits: Record<string, any>[]) {
  const ids = [...new Set(visits.map((v) => v.serial_number_id).filter(Boolean))]
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = ids.length
    ? await query.graph({ entity: "serial_number", fields: ["id", "serial_number"], filters: { id: ids } })
    : { data: [] as any[] }
  const text = new Map(data.map((s: any) => [s.id, s.serial_number]))
  return visits.map((v) => ({
    ...presentVisit(v),
    ...(v.serial_number_id ? { serial_number: text.get(v.serial_number_id) ?? null } : {}),
  }))
}

export async function readVisit(scope: MedusaContainer, id: string) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph(
    { entity: "maintenance_visit", fields: VISIT_FIELDS, filters: { id } },
    { throwIfKeyNotFound: true }
  )
  return (await withSerialText(scope, data))[0]
}
