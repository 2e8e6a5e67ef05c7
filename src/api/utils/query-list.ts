import type { MedusaRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/**
 * One page of `entity` as the validated list query asked for (fields, filters, limit,
 * offset, order), with Medusa's list envelope values.
 */
export async function queryList(req: MedusaRequest, entity: string, extraFields: string[] = []) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity,
    fields: [...new Set([...req.queryConfig.fields, ...extraFields])],
    filters: req.filterableFields,
    pagination: req.queryConfig.pagination,
  })
  return {
    data: data as any[],
    count: metadata?.count ?? data.length,
    offset: metadata?.skip ?? 0,
    limit: metadata?.take ?? data.length,
  }
}
