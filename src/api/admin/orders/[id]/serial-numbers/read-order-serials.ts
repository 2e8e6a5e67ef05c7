import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { SERIAL_MODULE } from "../../../../../modules/serial"
import type SerialModuleService from "../../../../../modules/serial/service"
import { presentSerial } from "../../../../utils/present-serial"
import { lineSerialGaps } from "../../../../../modules/serial/lib/order-rules"

/**
 * An order's lines with their serials (delivered or reserved) and how many each line still
 * misses (`lineSerialGaps`). `returned_quantity` = units a received return brought back,
 * damaged or not.
 */
export async function readOrderSerials(scope: { resolve: (key: string) => any }, orderId: string) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: [
      "id",
      "status",
      "items.*",
      "items.detail.fulfilled_quantity",
      "items.detail.return_received_quantity",
      "items.detail.return_dismissed_quantity",
    ],
    filters: { id: orderId },
  })
  const order = data[0] as any
  if (!order) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id "${orderId}" was not found`)
  }
  const service: SerialModuleService = scope.resolve(SERIAL_MODULE)
  const items: any[] = order.items ?? []
  const variantIds = [...new Set(items.map((i) => i.variant_id).filter(Boolean))]
  const settings = variantIds.length
    ? await service.listSerialSettings({ variant_id: variantIds, is_serialized: true })
    : []
  const serialized = new Set(settings.map((s) => s.variant_id))
  const serials = await service.listSerialNumbers(
    { order_id: orderId, status: ["reserved", "delivered"] },
    { order: { serial_number: "ASC" } }
  )
  const now = new Date()
  return {
    order_id: order.id,
    items: items.map((item) => {
      const own = serials.filter((s) => s.line_item_id === item.id)
      const delivered = own.filter((s) => s.status === "delivered").length
      const reserved = own.filter((s) => s.status === "reserved").length
      const quantity = Number(item.quantity)
      const fulfilled = Number(item.detail?.fulfilled_quantity ?? 0)
      const returned =
        Number(item.detail?.return_received_quantity ?? 0) + Number(item.detail?.return_dismissed_quantity ?? 0)
      const counts = {
        is_serialized: serialized.has(item.variant_id),
        quantity,
        fulfilled_quantity: fulfilled,
        returned_quantity: returned,
        delivered,
        reserved,
      }
      return {
        line_item_id: item.id,
        variant_id: item.variant_id ?? null,
        title: item.title,
        sku: item.variant_sku ?? null,
        ...counts,
        ...lineSerialGaps(counts),
        serial_numbers: own.map((s) => presentSerial(s as any, now)),
      }
    }),
  }
}
