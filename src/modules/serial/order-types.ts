import type { SerialSnapshot } from "./lib/snapshots"
import type { SerialMovement, SerialStatus } from "./lib/status-machine"

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
  /** For a warranty-only line's new serials: their product, and the SKU a series pattern may use. */
  product_id?: string | null
  sku?: string | null
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

export type MovedSerial = {
  id: string
  serial_number: string
  line_item_id: string | null
  /** The ledger entry type of the move (a status-machine movement, or `ship`). */
  movement: SerialMovement | "ship"
  /** The serial's status afterwards. */
  status: SerialStatus
}

export type OrderSerialsResult = {
  moved: MovedSerial[]
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

/** A return as the plugin needs it: per order line, the units received back and damaged. */
export type ReturnSerialsInput = {
  order_id: string
  return_id: string
  /** Where restocked units go: the return's location. */
  location_id: string | null
  /** Per line: units received in good order (restocked) and units received damaged. */
  lines: Array<{ line_item_id: string; received_quantity: number; damaged_quantity: number }>
  /**
   * Serials the admin says came back (restock defaults to true while the line has received
   * units left, else false). Omitted: every line whose returned units can only be its
   * delivered serials is taken as it is; other lines wait for the admin.
   */
  selection?: Array<{ serial_number: string; restock?: boolean }>
  actor_id?: string | null
}

export type ReturnSerialsResult = OrderSerialsResult & {
  /** Lines whose serials the plugin could not tell apart: the admin chooses them. */
  awaiting_selection: Array<{ line_item_id: string; units: number; delivered_serials: number }>
}

/** An exchange or claim: the lines it sends out and the return that takes the old units back. */
export type ReplacementGroup = {
  source: "exchange" | "claim"
  id: string
  return_id: string
  line_item_ids: string[]
}

/** `replaces_serial_number_id` set by a link, for undo. */
export type ReplacementLink = { id: string; replaces_serial_number_id: string }
/** What `linkReplacements` made, for its undo: the links, and the operation of their ledger rows. */
export type ReplacementUndo = { links: ReplacementLink[]; operation_id: string }

/** What the order flows need to know about a serial they are about to move. */
export type OrderSerialRow = {
  id: string
  serial_number: string
  normalized: string
  scope_key: string
  variant_id: string
  status: SerialStatus
  stock_location_id: string | null
  order_id: string | null
  line_item_id: string | null
  fulfillment_id: string | null
  customer_id: string | null
  delivered_at: Date | string | null
  shipped_at: Date | string | null
  received_at: Date | string | null
  warranty_starts_at: Date | string | null
  warranty_expires_at: Date | string | null
  warranty_overridden: boolean
}
