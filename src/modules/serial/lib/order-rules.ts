/**
 * Small rules shared by the order side of the serial module (fulfilment, reservations,
 * swaps): how a named serial may be used for a line, and how refusals are reported.
 */
import { MedusaError } from "@medusajs/framework/utils"
import type { FulfillmentLineInput } from "../order-types"
import type { OrderSerialRow } from "../order-types"

/** What a serial leaves behind when it goes back to stock from an order. */
export const CLEARED_ASSIGNMENT = {
  customer_id: null,
  order_id: null,
  line_item_id: null,
  fulfillment_id: null,
  delivered_at: null,
  shipped_at: null,
} as const

/** Why a serial named for a line of a fulfilment cannot be delivered with it, or null. */
export function namedSerialProblem(row: OrderSerialRow, line: FulfillmentLineInput, locationId: string): string | null {
  if (row.variant_id !== line.variant_id) {
    return `Serial ${row.serial_number} belongs to another variant than line ${line.label}`
  }
  if (row.status === "reserved" && row.line_item_id !== line.line_item_id) {
    return `Serial ${row.serial_number} is reserved for another order line`
  }
  // A warranty-only line may name a serial of its variant's pool: never in stock, nobody's.
  const inPool = !line.manage_inventory && row.status === "inactive" && !row.customer_id
  if (row.status !== "active" && row.status !== "reserved" && !inPool) {
    return `Serial ${row.serial_number} is ${row.status}, not in stock`
  }
  if (line.manage_inventory && row.stock_location_id !== locationId) {
    return `Serial ${row.serial_number} is at stock location ${row.stock_location_id ?? "(none)"}, not at the fulfilment's location ${locationId}`
  }
  return null
}

/** Throws one INVALID_DATA error listing every problem, when there are any. */
export function throwProblems(problems: string[]): void {
  if (problems.length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, problems.join("; "))
  }
}

/**
 * What an order line still misses in serials. `missing`: units ordered and not returned
 * without a serial delivered or reserved (serialized lines only). `fulfilled_without_serial`:
 * units fulfilled and not returned without one (a warranty-only line under the auto
 * policy, or fulfilled before the variant was serialized). Units a received return brought
 * back, damaged or not, have left the order with their serials: they count as neither.
 */
export function lineSerialGaps(line: {
  is_serialized: boolean
  quantity: number
  fulfilled_quantity: number
  returned_quantity: number
  delivered: number
  reserved: number
}): { missing: number; fulfilled_without_serial: number } {
  if (!line.is_serialized) {
    return { missing: 0, fulfilled_without_serial: 0 }
  }
  return {
    missing: Math.max(0, line.quantity - line.returned_quantity - line.delivered - line.reserved),
    fulfilled_without_serial: Math.max(0, line.fulfilled_quantity - line.returned_quantity - line.delivered),
  }
}

/** First in, first out: oldest receipt first, then the serial text (byte order), then id. */
export function sortFifo<T extends { received_at: Date | string | null; serial_number: string; id: string }>(rows: T[]): T[] {
  const time = (v: Date | string | null) => (v === null ? Number.POSITIVE_INFINITY : new Date(v).getTime())
  return [...rows].sort(
    (a, b) =>
      time(a.received_at) - time(b.received_at) ||
      (a.serial_number < b.serial_number ? -1 : a.serial_number > b.serial_number ? 1 : 0) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  )
}
