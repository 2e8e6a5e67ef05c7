import type { Interval, Periodicity } from "./lib/schedule"
import type { ClaimDecision, ClaimStatus, VisitStatus } from "../../shared/statuses"

export type ScheduleType = "warranty" | "amc" | "preventive"
export type ScheduleStatus = "active" | "cancelled" | "completed"
export type VisitKind = "scheduled" | "unscheduled" | "breakdown"
export type { ClaimStatus, VisitStatus }

export type CreateMaintenanceScheduleInput = {
  serial_number_ids: string[]
  type: ScheduleType
  periodicity: Periodicity
  interval?: Interval | null
  /** A calendar day, `YYYY-MM-DD`. */
  start_date: string
  end_date?: string | null
  visit_count?: number | null
  first_visit_on_start?: boolean
  assignee?: string | null
  customer_id?: string | null
  notes?: string | null
  metadata?: Record<string, unknown> | null
  actor_id?: string | null
}

export type UpdateMaintenanceScheduleInput = {
  assignee?: string | null
  /** Only these changes can be asked for; `active` is where every schedule starts. */
  status?: "cancelled" | "completed"
  notes?: string | null
  metadata?: Record<string, unknown> | null
  actor_id?: string | null
}

/** What a schedule change needs to be undone exactly. */
export type ScheduleUndo = {
  operation_id: string
  schedule: ScheduleRow
  visits: VisitRow[]
  contracts: Array<{ id: string; contract_expires_at: string | null }>
}

export type LogMaintenanceVisitInput = {
  serial_number_id: string
  kind: "unscheduled" | "breakdown"
  scheduled_date?: string | null
  status?: "pending" | "completed" | "partially_completed"
  completed_at?: string | null
  technician?: string | null
  notes?: string | null
  schedule_id?: string | null
  warranty_claim_id?: string | null
  actor_id?: string | null
}

export type UpdateMaintenanceVisitInput = {
  status?: "completed" | "partially_completed" | "cancelled"
  /** Reschedule: a calendar day, `YYYY-MM-DD`. */
  scheduled_date?: string
  completed_at?: string | null
  technician?: string | null
  notes?: string | null
}

export type VisitUndo = {
  visits: VisitRow[]
  schedule: ScheduleRow | null
}

export type FileWarrantyClaimInput = {
  serial_number_id: string
  description: string
  /** Must be the serial's own customer; not given: the serial's customer. */
  customer_id?: string | null
  metadata?: Record<string, unknown> | null
  actor_id?: string | null
  /** `customer`: filed by the customer in the storefront (one open claim per serial). Default `user`. */
  actor_type?: "user" | "customer"
  /** A storefront's `Idempotency-Key`: the same key again answers the claim it filed. */
  idempotency_key?: string | null
}

export type UpdateWarrantyClaimInput = {
  status?: ClaimStatus
  resolution?: string | null
  replacement_serial_number_id?: string | null
  /** The visits that belong to the claim (replaces the current list). */
  visit_ids?: string[]
  metadata?: Record<string, unknown> | null
}

/** A decision on a claim (`decideWarrantyClaimWorkflow`), with what it opened in Medusa. */
export type DecideWarrantyClaimInput = {
  id: string
  decision: ClaimDecision
  resolution?: string | null
  /** A repair's cost and currency; only with `repair`. */
  repair_cost?: number | null
  currency_code?: string | null
  /** The order the serial was sold in, and the return or exchange opened on it (`return`, `replace`). */
  order_id?: string | null
  return_id?: string | null
  exchange_id?: string | null
  actor_id?: string | null
}

/** What a decision needs before it opens anything in Medusa: the claimed serial and its sale. */
export type ClaimDecisionContext = {
  claim_id: string
  serial_number_id: string
  serial_number: string
  variant_id: string
  order_id: string | null
  line_item_id: string | null
}

export type ClaimUndo = {
  claim: ClaimRow
  visits: Array<{ id: string; warranty_claim_id: string | null }>
}

/** The reminders the daily job took (and will announce). */
export type TakenReminders = {
  visit_due: VisitRow[]
  visit_overdue: VisitRow[]
  warranty_expiring: Array<{ id: string; serial_number: string; customer_id: string | null; warranty_expires_at: Date }>
  /** Sent-log rows written, so that a failed run can be undone and retried. */
  log_ids: string[]
}

export type ExpireUndo = {
  operation_id: string
  serials: Array<{ id: string; status: import("./lib/status-machine").SerialStatus; stock_location_id: string | null }>
}

export type ScheduleRow = {
  id: string
  type: string
  periodicity: string
  status: string
  assignee: string | null
  end_date: Date | null
  cancelled_at: Date | null
  completed_at: Date | null
  notes: string | null
  metadata: Record<string, unknown> | null
  deleted_at: Date | null
}

export type VisitRow = {
  id: string
  schedule_id: string | null
  serial_number_id: string
  scheduled_date: Date
  status: string
  kind: string
  completed_at: Date | null
  technician: string | null
  notes: string | null
  warranty_claim_id: string | null
}

export type ClaimRow = {
  id: string
  display_id: number
  serial_number_id: string
  status: string
  resolution: string | null
  replacement_serial_number_id: string | null
  closed_at: Date | null
  metadata: Record<string, unknown> | null
  decision: ClaimDecision | null
  decided_at: Date | null
  decided_by: string | null
  repair_cost: string | null
  currency_code: string | null
  order_id: string | null
  return_id: string | null
  exchange_id: string | null
}

/** Where the end-of-life pass goes on: the last serial of its previous batch. */
export type EndOfLifeCursor = { end_of_life_at: string; id: string }

export type ReminderKind = "visit_due" | "visit_overdue" | "warranty_expiring"

/** What the outbox sends: the daily reminders, and the delivery notice of a fulfilment's serials. */
export type NotificationKind = ReminderKind | "serials_delivered"

/**
 * A row of the outbox. `subject_id` is a visit or serial for reminders, the fulfilment for
 * a delivery notice (whose `key` is then the order's id).
 */
export type OutboxRow = { id: string; kind: NotificationKind; subject_id: string; key: string; attempts: number }

export type WarrantySubject = { id: string; serial_number: string; customer_id: string | null; warranty_expires_at: Date | null }
