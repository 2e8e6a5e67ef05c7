import type { SerialListSortField } from "../../shared/serial-list"
import type { SerialMovement } from "./lib/status-machine"
import type { StoredFile } from "../../shared/attachments"

export type DateInput = Date | string | null

export type CreateSerialInput = {
  serial_number: string
  variant_id: string
  product_id?: string | null
  inventory_item_id?: string | null
  series_id?: string | null
  end_of_life_at?: DateInput
  notes?: string | null
  metadata?: Record<string, unknown> | null
}

/** What a ledger row says caused it, and who. */
export type LedgerReference = {
  /**
   * The change the rows belong to (`newOperationId()`), which its undo deletes them by;
   * a new one when not given (a change nobody will undo by id).
   */
  operation_id?: string
  reference_type?: string | null
  reference_id?: string | null
  actor_type?: string | null
  actor_id?: string | null
  data?: Record<string, unknown> | null
}

/** Columns a movement may set on every serial it moves (besides status and location). */
export const MOVE_SETTABLE_COLUMNS = [
  "customer_id",
  "order_id",
  "line_item_id",
  "fulfillment_id",
  "delivered_at",
  "shipped_at",
  "receipt_id",
  "supplier_name",
  "supplier_reference",
  "received_at",
  "warranty_starts_at",
  "warranty_expires_at",
  "contract_expires_at",
  "replaces_serial_number_id",
] as const
export type MoveSettableColumn = (typeof MOVE_SETTABLE_COLUMNS)[number]

export type MoveSerialsInput = {
  ids: string[]
  movement: SerialMovement
  /** Where the serials are afterwards, for movements that place them in stock. */
  location_id?: string | null
  set?: Partial<Record<MoveSettableColumn, string | Date | null>>
  reference?: LedgerReference
}

export type UpdateSerialDetailsInput = {
  notes?: string | null
  metadata?: Record<string, unknown> | null
  end_of_life_at?: DateInput
  warranty_starts_at?: DateInput
  warranty_expires_at?: DateInput
}

export type PeriodUnit = "day" | "month" | "year"
export type Period = { value: number; unit: PeriodUnit }

export type SerialSettingsInput = {
  is_serialized?: boolean
  series_id?: string | null
  warranty?: Period | null
  contract?: Period | null
  fulfillment_policy?: "auto" | "strict" | null
}

/** One line of a purchase receipt as the service receives it (variant facts resolved). */
export type ReceiptLineInput = {
  variant_id: string
  product_id: string | null
  inventory_item_id: string
  sku: string | null
  quantity: number
  unit_cost?: number | null
  serial_numbers?: string[]
  range?: { from: string; to: string } | { first: string; count: number }
}

export type ReceiveSerialsInput = {
  /** null when stock arrives outside a receipt (a series filling an inventory increase). */
  receipt_id: string | null
  stock_location_id: string
  supplier_name: string | null
  supplier_reference: string | null
  received_at: string
  lines: ReceiptLineInput[]
}

/** The document of a purchase receipt: header and lines (quantity and cost per variant). */
export type ReceiptRecordInput = {
  stock_location_id: string
  supplier_name: string | null
  supplier_reference: string | null
  received_at: string
  notes: string | null
  metadata: Record<string, unknown> | null
  created_by: string | null
  lines: Array<{
    variant_id: string
    product_id: string | null
    inventory_item_id: string
    quantity: number
    unit_cost: number | null
  }>
}

/** What a receipt did to serials, so that a compensation can undo exactly that. */
export type ReceivedSerials = {
  created_ids: string[]
  received_existing_ids: string[]
  /** The operation of the receipt's ledger rows, which its undo deletes; null when nothing was received. */
  operation_id: string | null
}

/** A serialized variant's stock at one location, as Medusa counts it. */
export type StockLevelFacts = {
  inventory_level_id: string
  location_id: string
  stocked_quantity: number
  variant: { id: string; sku: string | null; product_id: string | null; inventory_item_id: string }
}

/** The admin serial list's filters, as the SQL of the list reads them (every one optional). */
export type SerialListFilters = {
  id?: string[]
  status?: string[]
  variant_id?: string[]
  product_id?: string[]
  stock_location_id?: string[]
  customer_id?: string[]
  order_id?: string[]
  series_id?: string[]
  receipt_id?: string[]
  /** Part of the serial text, LIKE wildcards already escaped. */
  q?: string
  /** A serial's warranty at `now`: running, ended, or never set. */
  warranty?: { state: "under_warranty" | "expired" | "none"; now: Date }
}

/** The list's order: one column of SERIAL_LIST_SORTS, then id in the same direction. */
export type SerialListSort = { column: SerialListSortField; descending: boolean }

export const REPORT_NAMES = ["summary", "warranty-expiry", "contract-expiry", "ledger"] as const

export type SerialReportName = (typeof REPORT_NAMES)[number]

/** A report's rows are counted exactly up to this many; beyond, the count is Postgres' estimate. */
export const REPORT_COUNT_CAP = 10_000

export type SerialReportParams = {
  limit: number
  /** Rows to skip (small pages of a small report); not together with `after`. */
  offset: number
  /** The previous page's `next_cursor`. */
  after?: string
  /** summary, expiry reports; `stock_location_id` also the ledger (moved from or to it) */
  product_id?: string[]
  stock_location_id?: string[]
  variant_id?: string[]
  /** summary: one row per product (default) or per variant, and stock location */
  group_by?: "product" | "variant"
  /** expiry reports */
  customer_id?: string[]
  status?: string[]
  within_days?: number
  now?: Date
  /** ledger */
  serial_number_id?: string[]
  type?: string[]
  reference_type?: string[]
  reference_id?: string[]
  from?: string
  to?: string
}

export type SerialReportPage = {
  rows: Record<string, unknown>[]
  /** Exact up to REPORT_COUNT_CAP, else Postgres' estimate and `count_is_estimate`. */
  count: number
  count_is_estimate: boolean
  /** Null on the last page. */
  next_cursor: string | null
}

export type StorefrontSerialRow = {
  id: string
  serial_number: string
  variant_id: string
  product_id: string | null
  status: string
  customer_id: string | null
  /** The order that sold it (the customer list shows it only to that order's customer). */
  order_id: string | null
  delivered_at: Date | null
  warranty_starts_at: Date | null
  warranty_expires_at: Date | null
  contract_expires_at: Date | null
  next_visit_date: Date | null
}

export type RegistrationRow = {
  id: string
  serial_number_id: string
  serial_number: string
  customer_id: string
  purchased_at: Date
  status: "pending" | "approved" | "rejected"
  decided_at: Date | null
  decided_by: string | null
  note: string | null
  proof_of_purchase: StoredFile | null
  created_at: Date
}

/**
 * What a registration step changed, for its compensation: the serial given to a customer
 * (its warranty before, and the ledger row's reference), a pending registration inserted,
 * a registration decided.
 */
export type RegistrationUndo = {
  given?: {
    serial_number_id: string
    customer_id: string
    warranty_starts_at: string | null
    warranty_expires_at: string | null
    /** The ledger `register` row's operation. */
    operation_id: string
  }
  inserted_registration_id?: string
  decided_registration_id?: string
  /** Other pending registrations of the serial, rejected because this one was approved. */
  rejected_registration_ids?: string[]
}

/** A variant's stocked quantity at a location, as Medusa's inventory module reports it. */
export type MedusaStockLevel = { variant_id: string; location_id: string; stocked_quantity: number }
