import type { MedusaRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

type QueryListOptions = {
  /** Fields the answer needs besides those the client asked for. */
  extraFields?: string[]
  /** Filters after the route's own translation; the validated ones by default. */
  filters?: Record<string, unknown>
  /** Order when the client gave none. */
  defaultOrder?: Record<string, "ASC" | "DESC">
}

/**
 * One page of `entity` as the validated list query asked for (fields, filters, limit,
 * offset, order), with Medusa's list envelope values.
 */
export async function queryList(req: MedusaRequest, entity: string, options: QueryListOptions = {}) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const pagination = req.queryConfig.pagination
  const { data, metadata } = await query.graph({
    entity,
    fields: [...new Set([...req.queryConfig.fields, ...(options.extraFields ?? [])])],
    filters: (options.filters ?? req.filterableFields) as any,
    pagination: options.defaultOrder ? { ...pagination, order: pagination?.order ?? options.defaultOrder } : pagination,
  })
  return {
    data: data as any[],
    count: metadata?.count ?? data.length,
    offset: metadata?.skip ?? 0,
    limit: metadata?.take ?? data.length,
  }
}
