import type { SerialListFilters } from "../../../modules/serial/types"
import type { AdminGetSerialNumbersParamsType } from "./validators"

const asList = (v: string | string[] | undefined) => (v === undefined ? undefined : Array.isArray(v) ? v : [v])

/** The list's validated query as the serial list's SQL filters (`warranty_state` read at `now`). */
export function serialListFilters(query: AdminGetSerialNumbersParamsType, now = new Date()): SerialListFilters {
  return {
    id: asList(query.id),
    status: asList(query.status),
    variant_id: asList(query.variant_id),
    product_id: asList(query.product_id),
    stock_location_id: asList(query.stock_location_id),
    customer_id: asList(query.customer_id),
    order_id: asList(query.order_id),
    series_id: asList(query.series_id),
    receipt_id: asList(query.receipt_id),
    q: query.q,
    warranty: query.warranty_state ? { state: query.warranty_state, now } : undefined,
  }
}
