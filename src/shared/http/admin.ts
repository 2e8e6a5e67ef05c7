/**
 * Request and response shapes of the plugin's admin routes, for the admin's hooks and for
 * any client of the admin API. Dates are ISO 8601 strings. Pure types: this file, like all
 * of src/shared, imports nothing from the server.
 */
import type { MaintenanceStatus } from "../maintenance-status"
import type { StoredFileWithUrl } from "../attachments"
import type { ClaimDecision, ClaimStatus, SerialStatus, VisitStatus } from "../statuses"

export type { ClaimStatus } from "../statuses"
export type VisitKind = "scheduled" | "unscheduled" | "breakdown"

export type AdminMaintenanceVisit = {
  id: string
  schedule_id: string | null
  serial_number_id: string
  serial_number?: string | null
  scheduled_date: string
  status: VisitStatus
  kind: VisitKind
  completed_at: string | null
  technician: string | null
  notes: string | null
  warranty_claim_id: string | null
}

/** A visit on the agenda, with where its unit is. */
export type AdminAgendaVisit = AdminMaintenanceVisit & {
  serial_number: string
  stock_location_id: string | null
  customer_id: string | null
}
/** `GET /admin/maintenance-agenda`. */
export type AdminMaintenanceAgendaResponse = {
  /** The Monday of the week shown. */
  week_start: string
  today: string
  visits: AdminAgendaVisit[]
  /** Pending visits before today. */
  overdue: AdminAgendaVisit[]
  technicians: string[]
  /** More visits than one page shows (500 of each list). */
  truncated: boolean
}

export type AdminMaintenanceSchedule = {
  id: string
  type: string
  periodicity: string
  status: string
  start_date: string
  end_date: string | null
  assignee: string | null
  customer_id: string | null
  notes: string | null
  serial_number_ids?: string[]
  [key: string]: unknown
}

export type OrderSerialLine = {
  line_item_id: string
  variant_id: string | null
  title: string
  sku: string | null
  quantity: number
  fulfilled_quantity: number
  returned_quantity: number
  is_serialized: boolean
  delivered: number
  reserved: number
  missing: number
  fulfilled_without_serial: number
  serial_numbers: AdminSerialNumber[]
}

export type OrderSerials = { order_id: string; items: OrderSerialLine[] }

export type ReturnSerialChoice = { serial_number: string; restock?: boolean }

export type ReturnedSerial = { id: string; serial_number: string; status: string; type: string; line_item_id: string }

export type ImportProblem = { row: number | null; column: string | null; value: string | null; message: string }

export type ImportSummary = {
  id: string | null
  dry_run: boolean
  rows: number
  created: number
  error_count: number
  errors: ImportProblem[]
}

export type ImportProgress = {
  phase: "idle" | "uploading" | "processing" | "done"
  /** 0..1 of the file sent. */
  uploaded: number
  /** Rows the server has read so far (it reports after each batch). */
  processed: number
}

export type AdminSerialNumber = {
  id: string
  serial_number: string
  status: SerialStatus
  variant_id: string
  product_id?: string | null
  stock_location_id?: string | null
  customer_id?: string | null
  order_id?: string | null
  line_item_id?: string | null
  series_id?: string | null
  receipt_id?: string | null
  supplier_name?: string | null
  supplier_reference?: string | null
  received_at?: string | null
  fulfillment_id?: string | null
  delivered_at?: string | null
  shipped_at?: string | null
  replaces_serial_number_id?: string | null
  warranty_starts_at?: string | null
  warranty_expires_at?: string | null
  contract_expires_at?: string | null
  end_of_life_at?: string | null
  maintenance_status?: MaintenanceStatus | null
  notes?: string | null
  metadata?: Record<string, unknown> | null
  created_at: string
  updated_at: string
  ledger?: AdminSerialLedgerEntry[]
  [key: string]: unknown
}

/** One row of a serial's history; `type` is the movement or `update`/`warranty_override`/`delete`. */
export type AdminSerialLedgerEntry = {
  id: string
  type: string
  from_status: string | null
  to_status: string | null
  from_location_id: string | null
  to_location_id: string | null
  reference_type: string | null
  reference_id: string | null
  actor_type: string | null
  actor_id: string | null
  data: Record<string, unknown> | null
  created_at: string
  [key: string]: unknown
}

/**
 * `GET /admin/serial-numbers`: `count` is exact up to 10,000 matches, Postgres' estimate
 * beyond (`count_is_estimate`); `next_cursor` (pass as `after`) is null on the last page.
 */
export type AdminSerialNumberListResponse = AdminListPage & {
  serial_numbers: AdminSerialNumber[]
  count_is_estimate: boolean
  next_cursor: string | null
}

export type AdminSerialReceiptLine = {
  id: string
  variant_id: string
  product_id: string | null
  quantity: number
  unit_cost: number | null
}

export type AdminSerialReceipt = {
  id: string
  display_id: number
  status: "posted" | "canceled"
  stock_location_id: string
  supplier_name: string | null
  supplier_reference: string | null
  received_at: string
  canceled_at?: string | null
  notes: string | null
  lines?: AdminSerialReceiptLine[]
  serial_counts?: Record<string, number>
  created_at: string
}

/** One line of a receipt as posted: serials as a list, a range, or none (the variant's series issues them). */
export type ReceiptItemInput = {
  variant_id: string
  quantity: number
  unit_cost?: number | null
  serial_numbers?: string[]
  range?: { from: string; to: string } | { first: string; count: number }
}

export type ReceiptInput = {
  stock_location_id: string
  /** None for opening stock and units found in a stock count. */
  supplier?: { name: string; reference?: string | null } | null
  received_at?: string
  notes?: string | null
  items: ReceiptItemInput[]
}

export type ReceiptCheck = {
  dry_run: true
  problems: string[]
  lines: Array<{ variant_id: string; quantity: number; serials: string[]; from_series: boolean }>
}

/** A summary row: serials of one product (or variant) at one stock location, by status. */
export type SerialSummaryRow = {
  product_id: string | null
  variant_id?: string | null
  stock_location_id: string | null
  total: number
  inactive: number
  active: number
  reserved: number
  delivered: number
  expired: number
  scrapped: number
}

export type SerialSummaryQuery = {
  product_id?: string | string[]
  variant_id?: string | string[]
  stock_location_id?: string | string[]
  group_by?: "product" | "variant"
  limit?: number
  offset?: number
  /** The previous page's `next_cursor` (not together with a non-zero `offset`). */
  after?: string
}

/**
 * A page of `GET /admin/serial-reports/:report` (summary, warranty-expiry, contract-expiry,
 * ledger): `count` is exact up to 10,000 rows, Postgres' estimate beyond
 * (`count_is_estimate`); `next_cursor` (pass as `after`) is null on the last page.
 */
/** `GET /admin/serial-reports/expiries-by-month`: warranties and contracts ending per calendar month (UTC). */
export type AdminExpiriesByMonthResponse = {
  report: "expiries-by-month"
  months: Array<{ month: string; warranty: number; contract: number }>
}

export type AdminSerialReportPage<Row> = AdminListPage & {
  report: "summary" | "warranty-expiry" | "contract-expiry" | "ledger"
  /** The expiry reports' window, in days from now. */
  within_days?: number
  rows: Row[]
  count_is_estimate: boolean
  next_cursor: string | null
}

export type AdminSerialSeries = {
  id: string
  name: string
  pattern: string
  metadata?: Record<string, unknown> | null
  created_at: string
  updated_at: string
}

export type Period = { value: number; unit: "day" | "month" | "year" }

/** Medusa's stock and the serials in stock at one location, and what no serial stands for. */
export type LocationStock = {
  location_id: string
  stocked_quantity: number
  serials_in_stock: number
  unserialized: number
}

export type AdminSerialSettings = {
  id: string | null
  variant_id: string
  is_serialized: boolean
  series_id: string | null
  warranty: Period | null
  contract: Period | null
  fulfillment_policy: "auto" | "strict" | null
  effective_fulfillment_policy: "auto" | "strict"
  stock?: LocationStock[]
}

export type SerialSettingsUpdate = {
  is_serialized?: boolean
  series_id?: string | null
  warranty?: Period | null
  contract?: Period | null
  fulfillment_policy?: "auto" | "strict" | null
}

export type AdminWarrantyClaim = {
  id: string
  display_id: number
  serial_number_id: string
  serial_number: string
  customer_id: string | null
  description: string
  status: ClaimStatus
  maintenance_status: string | null
  covered: boolean
  warranty_expires_at: string | null
  contract_expires_at: string | null
  filed_at: string
  resolution: string | null
  replacement_serial_number_id: string | null
  decision: ClaimDecision | null
  decided_at: string | null
  decided_by: string | null
  /** A repair's cost, in `currency_code`. */
  repair_cost: number | null
  currency_code: string | null
  /** The order the serial was sold in, and the Medusa return / exchange a decision opened on it. */
  order_id: string | null
  return_id: string | null
  exchange_id: string | null
  /** Photos and documents, with URLs from Medusa's File Module. */
  attachments: StoredFileWithUrl[]
  closed_at: string | null
  created_at: string
}

/** Medusa's list envelope: the page's place in the whole list. */
export type AdminListPage = { count: number; offset: number; limit: number }
/** Medusa's answer to a DELETE. */
export type AdminDeleteResponse<Obj extends string> = { id: string; object: Obj; deleted: true }

export type AdminSerialNumberResponse = { serial_number: AdminSerialNumber }
export type AdminSerialNumbersCreatedResponse = AdminSerialNumberResponse | { serial_numbers: AdminSerialNumber[]; count: number }
export type AdminSerialReceiptResponse = { serial_receipt: AdminSerialReceipt }
export type AdminSerialReceiptListResponse = AdminListPage & { serial_receipts: AdminSerialReceipt[] }
export type AdminSerialSeriesResponse = { serial_series: AdminSerialSeries }
export type AdminSerialSeriesListResponse = AdminListPage & { serial_series: AdminSerialSeries[] }
export type AdminSerialSeriesPreviewResponse = { series_id: string; values: string[] }
export type AdminSerialSettingsResponse = { serial_settings: AdminSerialSettings }
export type AdminOrderSerialsResponse = { order_serial_numbers: OrderSerials }
export type AdminWarrantyClaimResponse = { warranty_claim: AdminWarrantyClaim }
export type AdminWarrantyClaimListResponse = AdminListPage & { warranty_claims: AdminWarrantyClaim[] }
export type AdminMaintenanceScheduleResponse = { maintenance_schedule: AdminMaintenanceSchedule }
export type AdminMaintenanceScheduleListResponse = AdminListPage & { maintenance_schedules: AdminMaintenanceSchedule[] }
export type AdminMaintenanceVisitResponse = { maintenance_visit: AdminMaintenanceVisit }
export type AdminMaintenanceVisitListResponse = AdminListPage & { maintenance_visits: AdminMaintenanceVisit[] }

/** A transfer of serials between stock locations (`POST /admin/serial-transfers`). */
export type AdminSerialTransfer = {
  id: string
  from_location_id: string
  to_location_id: string
  note: string | null
  created_by: string | null
  created_at: string
  serials: Array<{ id: string; serial_number: string; variant_id: string }>
}
export type AdminSerialTransferResponse = { serial_transfer: AdminSerialTransfer }
/** `GET /admin/serial-transfers`: newest first, a cursor page (no total: the history is unbounded). */
export type AdminSerialTransferListResponse = {
  serial_transfers: Array<Omit<AdminSerialTransfer, "serials"> & { serial_count: number }>
  next_cursor: string | null
}

/** A write-off of serials (`POST /admin/serial-numbers/scrap`). */
export type AdminSerialWriteOff = {
  id: string
  reason: string
  created_by: string | null
  created_at: string
  serials: Array<{ id: string; serial_number: string; variant_id: string; from_status: SerialStatus; from_location_id: string | null }>
}
export type AdminSerialWriteOffResponse = { serial_write_off: AdminSerialWriteOff }

/** A stock-take's body: the serials found at a location (`POST /admin/serial-stock-takes[/preview]`). */
export type StockTakeInput = {
  location_id: string
  serial_numbers: string[]
  /** Count only these variants' serials: the others held here are not expected. */
  variant_ids?: string[] | null
  /** The variant of each unknown serial scanned, to receive it as found. */
  new_serials?: Array<{ serial_number: string; variant_id: string }> | null
}
export type StockTakeCountedSerial = {
  id: string
  serial_number: string
  variant_id: string
  status: SerialStatus
  stock_location_id: string | null
}
/** A count compared with the books (`POST /admin/serial-stock-takes/preview`). */
export type StockTakeComparison = {
  location_id: string
  variant_ids: string[] | null
  /** Scanned and held here: nothing to do. */
  found: StockTakeCountedSerial[]
  /** Held here and not scanned: written off as lost on confirm. */
  missing: StockTakeCountedSerial[]
  /** Scanned, held elsewhere or nowhere: moved here (`transfer`) or received as found (`receive`). */
  unexpected: Array<StockTakeCountedSerial & { action: "transfer" | "receive" | null; problem: string | null }>
  /** Scanned texts no serial has. */
  unknown: string[]
  /** What a confirm would refuse, each named. */
  problems: string[]
}
export type AdminStockTakePreviewResponse = { stock_take_preview: StockTakeComparison }
/** A confirmed count (`POST /admin/serial-stock-takes`). */
export type AdminStockTake = {
  id: string
  location_id: string
  note: string | null
  created_by: string | null
  created_at: string
  found_count: number
  transferred: Array<{ id: string; serial_number: string; variant_id: string; from_location_id: string }>
  lost: Array<{ id: string; serial_number: string; variant_id: string }>
  received: { receipt_id: string; serial_numbers: string[] } | null
}
export type AdminStockTakeResponse = { stock_take: AdminStockTake }

/** Units of a receipt sent back to its supplier (`POST /admin/serial-receipts/:id/vendor-returns`). */
export type AdminVendorReturn = {
  id: string
  receipt_id: string
  supplier_name: string | null
  reason: string | null
  created_by: string | null
  created_at: string
  serials: Array<{ id: string; serial_number: string; variant_id: string; from_location_id: string }>
}
export type AdminVendorReturnResponse = { vendor_return: AdminVendorReturn }

/** A serial passed on to a new owner (`POST /admin/serial-numbers/:id/owner`). */
export type AdminSerialOwnerChange = {
  serial_number_id: string
  serial_number: string
  from_customer_id: string
  to_customer_id: string
  note: string | null
  /** Unchanged by the change of owner. */
  warranty_expires_at: string | null
}
export type AdminSerialOwnerChangeResponse = { owner_change: AdminSerialOwnerChange }

// ---------------------------------------------------------------- consistency check

export type ConsistencyProblemKind =
  /** more serials in stock at a location than Medusa's stocked quantity there */
  | "serials_exceed_stock"
  /** a serial delivered again while still delivered: on two lines at once */
  | "delivered_twice"
  /** a ledger entry starting from another status than the entry before it left */
  | "ledger_chain"
  /** a ledger entry the status machine does not allow */
  | "ledger_transition"
  /** a serial with no ledger at all */
  | "ledger_missing"
  /** a serial whose status, location, order or line is not what its ledger ends with */
  | "state_differs_from_ledger"

export type ConsistencyProblem = {
  kind: ConsistencyProblemKind
  serial_number?: string
  serial_number_id?: string
  variant_id?: string
  location_id?: string
  expected: unknown
  actual: unknown
  message: string
}

/** Stock Medusa counts that no serial stands for: reported, and not a failure (docs/admin-api.md, "Checking consistency"). */
export type UnserializedStock = {
  variant_id: string
  location_id: string
  stocked_quantity: number
  serials_in_stock: number
  unserialized: number
}

export type ConsistencyReport = {
  ok: boolean
  checked: {
    serialized_variants: number
    variant_locations: number
    serials: number
    ledger_entries: number
  }
  problems: ConsistencyProblem[]
  /** How many problems there are in all; `problems` lists at most the check's limit per part. */
  problem_count: number
  unserialized_stock: UnserializedStock[]
}

/** What started a consistency run. */
export type ConsistencyRunTrigger = "schedule" | "admin" | "cli"

/**
 * One run of the consistency check (`POST /admin/serial-consistency-runs`, the daily
 * schedule, the CLI): its progress while `running`, its report once `completed`, why it
 * stopped when `failed`.
 */
export type ConsistencyRun = {
  id: string
  status: "running" | "completed" | "failed"
  trigger: ConsistencyRunTrigger
  /** Problems listed per part of the check. */
  limit: number
  serials_checked: number
  started_at: string
  heartbeat_at: string
  finished_at: string | null
  error: string | null
  report: ConsistencyReport | null
}

// ------------------------------------------------------------------ registrations

export type SerialRegistrationStatus = "pending" | "approved" | "rejected"

/** A customer's registration of a serial bought elsewhere (GET /admin/serial-registrations). */
export type AdminSerialRegistration = {
  id: string
  serial_number_id: string
  serial_number: string
  customer_id: string
  purchased_at: string
  status: SerialRegistrationStatus
  decided_at: string | null
  decided_by: string | null
  note: string | null
  /** The customer's proof of purchase, with a URL to open it. */
  proof_of_purchase: StoredFileWithUrl | null
  created_at: string
}

export type AdminSerialRegistrationListResponse = {
  serial_registrations: AdminSerialRegistration[]
  count: number
  offset: number
  limit: number
}

export type AdminSerialRegistrationResponse = { serial_registration: AdminSerialRegistration }

/** `POST /admin/maintenance-schedule-plans`: the visit days a schedule's rules generate. */
export type AdminMaintenanceSchedulePlanResponse = {
  plan: { visit_dates: string[]; end_date: string | null; visit_count: number | null }
}

/** `GET /admin/serial-label-settings`: the plugin option the label sheet uses. */
export type AdminSerialLabelSettingsResponse = { warranty_url_template: string | null }
