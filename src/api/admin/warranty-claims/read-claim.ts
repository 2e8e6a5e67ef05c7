import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { withSerialText } from "../maintenance-visits/read-visits"
import { VISIT_FIELDS } from "../maintenance-visits/validators"
import { CLAIM_FIELDS } from "./validators"
import { withFileUrls } from "../../utils/stored-files"

/** A claim with the visits that belong to it, oldest first, and its files with URLs to open them. */
export async function readClaim(scope: MedusaContainer, id: string, fields: string[] = CLAIM_FIELDS) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph(
    { entity: "warranty_claim", fields, filters: { id } },
    { throwIfKeyNotFound: true }
  )
  const { data: visits } = await query.graph({
    entity: "maintenance_visit",
    fields: VISIT_FIELDS,
    filters: { warranty_claim_id: id },
    pagination: { order: { scheduled_date: "ASC", id: "ASC" } },
  })
  const claim = data[0] as any
  return {
    ...claim,
    ...(claim.attachments !== undefined ? { attachments: await withFileUrls(scope, claim.attachments) } : {}),
    visits: await withSerialText(scope, visits),
  }
}
