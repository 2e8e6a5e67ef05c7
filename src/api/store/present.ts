import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { warrantyDaysLeft } from "../../shared/warranty-state"
import { maintenanceStatus } from "../../shared/maintenance-status"
import type { StorefrontSerialRow } from "../../modules/serial/types"
import type { StoreCustomerSerial, StoreSerialRegistration, StoreSerialWarranty, StoreUpcomingVisit, StoreWarrantyClaim } from "../../shared/http/store"

const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null)
const day = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString().slice(0, 10) : null)

type VariantInfo = { id: string; title: string | null; sku: string | null; product: { id: string | null; title: string | null; thumbnail: string | null } }

/** Titles, SKU and thumbnail of variants through Medusa's query (no other data of theirs). */
export async function variantInfo(scope: MedusaContainer, variantIds: string[]): Promise<Map<string, VariantInfo>> {
  const ids = [...new Set(variantIds)]
  if (!ids.length) {
    return new Map()
  }
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "product_variant",
    fields: ["id", "title", "sku", "product.id", "product.title", "product.thumbnail"],
    filters: { id: ids },
  })
  return new Map(
    (data as any[]).map((v) => [
      v.id,
      {
        id: v.id,
        title: v.title ?? null,
        sku: v.sku ?? null,
        product: { id: v.product?.id ?? null, title: v.product?.title ?? null, thumbnail: v.product?.thumbnail ?? null },
      },
    ])
  )
}

/**
 * Catalogue data of the public look-up, kept for a short while in this process: the
 * look-up is the storefront's hottest plugin route and shows only titles, SKU and
 * thumbnail, which change rarely; re-reading them through Medusa's query on every call
 * cost more than the look-up itself. An entry older than `PUBLIC_VARIANT_TTL_MS` is still
 * answered while one read (never one per waiting request) refreshes it, so the requests
 * arriving when it expires do not all wait on the catalogue: a rename shows within the
 * TTL plus one look-up.
 */
const PUBLIC_VARIANT_TTL_MS = 30_000
const PUBLIC_VARIANT_CACHE_MAX = 10_000
type CachedVariant = { info: VariantInfo | undefined; until: number; reading?: Promise<VariantInfo | undefined> }
const publicVariantCache = new Map<string, CachedVariant>()

export async function publicVariantInfo(scope: MedusaContainer, variantId: string, now = Date.now()) {
  const hit = publicVariantCache.get(variantId)
  if (hit && hit.until > now) {
    return hit.info
  }
  if (hit?.reading) {
    return hit.until > 0 ? hit.info : await hit.reading
  }
  const entry: CachedVariant = hit ?? { info: undefined, until: 0 }
  entry.reading = variantInfo(scope, [variantId])
    .then((found) => {
      entry.info = found.get(variantId)
      entry.until = Date.now() + PUBLIC_VARIANT_TTL_MS
      return entry.info
    })
    .finally(() => {
      entry.reading = undefined
    })
  if (!hit) {
    if (publicVariantCache.size >= PUBLIC_VARIANT_CACHE_MAX) {
      publicVariantCache.clear()
    }
    publicVariantCache.set(variantId, entry)
  }
  if (entry.until > 0) {
    // Stale but known: answered now; a failed refresh is retried by the next look-up.
    entry.reading.catch(() => {})
    return entry.info
  }
  return await entry.reading
}

/** The public answer: built key by key, so nothing else can slip in. */
export function presentPublicWarranty(row: StorefrontSerialRow, info: VariantInfo | undefined): StoreSerialWarranty {
  return {
    serial_number: row.serial_number,
    product: { title: info?.product.title ?? null, thumbnail: info?.product.thumbnail ?? null },
    variant: { title: info?.title ?? null, sku: info?.sku ?? null },
    sold: !!row.customer_id,
    warranty_starts_at: iso(row.warranty_starts_at),
    warranty_expires_at: iso(row.warranty_expires_at),
    days_left: warrantyDaysLeft(row.warranty_expires_at),
    contract_expires_at: iso(row.contract_expires_at),
    maintenance_status: maintenanceStatus(row),
    next_visit_date: day(row.next_visit_date),
  }
}

export function presentVisit(v: any): StoreUpcomingVisit {
  return {
    id: v.id,
    serial_number: v.serial_number,
    scheduled_date: day(v.scheduled_date) as string,
    kind: v.kind,
    technician: v.technician ?? null,
  }
}

type OrderInfo = { id: string; display_id: number; customer_id: string | null }

export function presentCustomerSerial(
  row: StorefrontSerialRow,
  info: VariantInfo | undefined,
  visits: any[],
  order?: OrderInfo
): StoreCustomerSerial {
  return {
    id: row.id,
    serial_number: row.serial_number,
    status: row.status,
    product: { id: info?.product.id ?? row.product_id, title: info?.product.title ?? null, thumbnail: info?.product.thumbnail ?? null },
    variant: { id: row.variant_id, title: info?.title ?? null, sku: info?.sku ?? null },
    // Only the owner's own order: a unit passed on keeps the first buyer's order private.
    order: order && order.customer_id === row.customer_id ? { id: order.id, display_id: order.display_id } : null,
    delivered_at: iso(row.delivered_at),
    warranty_starts_at: iso(row.warranty_starts_at),
    warranty_expires_at: iso(row.warranty_expires_at),
    days_left: warrantyDaysLeft(row.warranty_expires_at),
    contract_expires_at: iso(row.contract_expires_at),
    maintenance_status: maintenanceStatus(row),
    next_visit_date: day(row.next_visit_date),
    upcoming_visits: visits.filter((v) => v.serial_number_id === row.id).map(presentVisit),
  }
}

/** Display ids and buyers of orders through Medusa's query (no other data of theirs). */
async function orderInfo(scope: MedusaContainer, orderIds: string[]): Promise<Map<string, OrderInfo>> {
  const ids = [...new Set(orderIds)]
  if (!ids.length) {
    return new Map()
  }
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ["id", "display_id", "customer_id"], filters: { id: ids } })
  return new Map(
    (data as any[]).map((o) => [o.id, { id: o.id, display_id: Number(o.display_id), customer_id: o.customer_id ?? null }])
  )
}

/** A customer's serials with titles, the order that sold them, and upcoming visits. */
export async function customerSerials(scope: MedusaContainer, rows: StorefrontSerialRow[], visits: any[]) {
  const [info, orders] = await Promise.all([
    variantInfo(scope, rows.map((r) => r.variant_id)),
    orderInfo(scope, rows.flatMap((r) => (r.order_id ? [r.order_id] : []))),
  ])
  return rows.map((r) => presentCustomerSerial(r, info.get(r.variant_id), visits, r.order_id ? orders.get(r.order_id) : undefined))
}

export function presentClaim(c: any): StoreWarrantyClaim {
  return {
    id: c.id,
    display_id: Number(c.display_id),
    serial_number: c.serial_number,
    description: c.description,
    status: c.status,
    covered: !!c.covered,
    maintenance_status: c.maintenance_status ?? null,
    warranty_expires_at: iso(c.warranty_expires_at),
    contract_expires_at: iso(c.contract_expires_at),
    filed_at: iso(c.filed_at) as string,
    resolution: c.resolution ?? null,
    closed_at: iso(c.closed_at),
  }
}

export function presentRegistration(r: any): StoreSerialRegistration {
  return {
    id: r.id,
    serial_number: r.serial_number,
    purchased_at: iso(r.purchased_at) as string,
    status: r.status,
    created_at: iso(r.created_at) as string,
    decided_at: iso(r.decided_at),
    // The customer's own file, named as they sent it; its storage id and URL stay with the admin.
    proof_of_purchase: r.proof_of_purchase
      ? {
          filename: r.proof_of_purchase.filename,
          mime_type: r.proof_of_purchase.mime_type,
          size: r.proof_of_purchase.size,
          uploaded_at: r.proof_of_purchase.uploaded_at,
        }
      : null,
  }
}
