import type { OutboxRow } from "../../modules/serial/maintenance-types"

/** The payload of a delivery notice (template `serial-serials-delivered`). */
export type DeliveryNotice = {
  fulfillment_id: string
  order: { id: string; display_id: number | null; email: string | null; customer_id: string | null }
  items: Array<{
    id: string
    title: string | null
    variant_title: string | null
    quantity: number
    serials: Array<{ id: string; serial_number: string; warranty_expires_at: string | null }>
  }>
}

/**
 * What the delivery notices of a batch say, by fulfilment: the order and each of its lines
 * the fulfilment delivered serials of, with those serials (as they are now: a serial
 * returned since then is still listed under the fulfilment that delivered it).
 */
export async function readDeliveryNotices(query: any, rows: OutboxRow[]): Promise<Map<string, DeliveryNotice>> {
  const out = new Map<string, DeliveryNotice>()
  if (!rows.length) {
    return out
  }
  const { data: serials } = await query.graph({
    entity: "serial_number",
    fields: ["id", "serial_number", "fulfillment_id", "line_item_id", "warranty_expires_at"],
    filters: { fulfillment_id: rows.map((r) => r.subject_id) },
  })
  const { data: orders } = await query.graph({
    entity: "order",
    // `items.*`: naming `items.quantity` among other item fields comes back without it.
    fields: ["id", "display_id", "email", "customer_id", "items.*"],
    filters: { id: [...new Set(rows.map((r) => r.key))] },
  })
  const orderById = new Map((orders as any[]).map((o) => [o.id, o]))
  for (const row of rows) {
    const order = orderById.get(row.key)
    if (!order) {
      continue
    }
    const mine = (serials as any[])
      .filter((s) => s.fulfillment_id === row.subject_id)
      .sort((a, b) => (a.serial_number < b.serial_number ? -1 : a.serial_number > b.serial_number ? 1 : 0))
    // The order's lines as they were added (created_at, then id for lines made together).
    const lines = [...(order.items ?? [])].sort(
      (a: any, b: any) => new Date(a.created_at).getTime() - new Date(b.created_at).getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
    )
    const items = lines
      .map((item: any) => ({
        id: item.id,
        title: item.title ?? null,
        variant_title: item.variant_title ?? null,
        quantity: Number(item.quantity),
        serials: mine
          .filter((s) => s.line_item_id === item.id)
          .map((s) => ({
            id: s.id,
            serial_number: s.serial_number,
            warranty_expires_at: s.warranty_expires_at ? new Date(s.warranty_expires_at).toISOString() : null,
          })),
      }))
      .filter((item: DeliveryNotice["items"][number]) => item.serials.length > 0)
    out.set(row.subject_id, {
      fulfillment_id: row.subject_id,
      order: { id: order.id, display_id: order.display_id ?? null, email: order.email ?? null, customer_id: order.customer_id ?? null },
      items,
    })
  }
  return out
}
