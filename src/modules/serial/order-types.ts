import type { SerialSnapshot } from "./lib/fulfillment-sql"

/** One order line in a fulfilment, as the fulfilment hook reads it from Medusa. */
export type FulfillmentLineInput = {
  line_item_id: string
  variant_id: string
  /** For messages: the line's title and SKU. */
  label: string
  /** Units of this line in this fulfilment. */
  quantity: number
  /** Units ordered on the line. */
  ordered_quantity: number
  /** false: a "warranty only" variant, without stock rules. */
  manage_inventory: boolean
}

export type AssignFulfillmentSerialsInput = {
  fulfillment_id: string
  location_id: string
  order_id: string
  customer_id: string | null
  delivered_at?: Date
  lines: FulfillmentLineInput[]
  /** `additional_data.serial_numbers` of the native route: serial texts per line item id. */
  serial_numbers?: Record<string, string[]> | null
  actor_id?: string | null
}

/** What a step needs to undo its serial moves: the rows as they were, and its ledger mark. */
export type SerialUndo = { operation_id: string; snapshots: SerialSnapshot[] }

export type OrderSerialsResult = {
  moved: Array<{ id: string; serial_number: string; line_item_id: string | null }>
  undo: SerialUndo | null
}

export type ReserveLineSerialsInput = {
  order_id: string
  line_item_id: string
  variant_id: string
  label: string
  ordered_quantity: number
  serial_numbers: string[]
  actor_id?: string | null
}

export type SwapLineSerialInput = {
  order_id: string
  line_item_id: string
  variant_id: string
  label: string
  from: string
  to: string
  /** Medusa already shipped the fulfilment the `from` serial left with. */
  shipped_fulfillment_ids?: string[]
  actor_id?: string | null
}
