/**
 * The statuses of the plugin's records, their order, the moves allowed between them, and
 * how the admin colours them (their names are in src/admin/i18n). The server's models, status machine and rule
 * tables read them from here, and so does the admin, so the two never disagree.
 */

export const SERIAL_STATUSES = ["inactive", "active", "reserved", "delivered", "expired", "scrapped"] as const
export type SerialStatus = (typeof SERIAL_STATUSES)[number]

/** What moves a serial; each movement is also the ledger entry type. */
export const SERIAL_MOVEMENTS = [
  "create",
  "receive",
  "reserve",
  "release",
  "deliver",
  "return_restock",
  "return_no_restock",
  "cancel_fulfillment",
  "deactivate",
  "expire",
  "scrap",
  "transfer",
  "return_to_supplier",
  "issue",
  "cancel_issue",
] as const
export type SerialMovement = (typeof SERIAL_MOVEMENTS)[number]

export const CLAIM_STATUSES = ["open", "in_progress", "resolved", "rejected"] as const
export type ClaimStatus = (typeof CLAIM_STATUSES)[number]

/** The moves a warranty claim may make from each status; the service refuses any other. */
export const CLAIM_TRANSITIONS: Readonly<Record<ClaimStatus, readonly ClaimStatus[]>> = {
  open: ["in_progress", "rejected"],
  in_progress: ["resolved", "rejected"],
  resolved: [],
  rejected: [],
}

/**
 * What an operator decides on a claim (`POST /admin/warranty-claims/:id/decision`) and the
 * status it leaves the claim in. `approve` accepts an open claim for work; `repair` records
 * the repair and what it cost; `replace` opens a Medusa exchange of the unit for the same
 * variant and `return` a Medusa return of it, on the order the serial was sold in.
 */
export const CLAIM_DECISIONS = ["approve", "reject", "repair", "replace", "return"] as const
export type ClaimDecision = (typeof CLAIM_DECISIONS)[number]
export const CLAIM_DECISION_STATUS: Readonly<Record<ClaimDecision, ClaimStatus>> = {
  approve: "in_progress",
  reject: "rejected",
  repair: "resolved",
  replace: "resolved",
  return: "resolved",
}
/** The statuses a claim may be decided from: approval only while it is open. */
export const CLAIM_DECISION_FROM: Readonly<Record<ClaimDecision, readonly ClaimStatus[]>> = {
  approve: ["open"],
  reject: ["open", "in_progress"],
  repair: ["open", "in_progress"],
  replace: ["open", "in_progress"],
  return: ["open", "in_progress"],
}
/** Decisions that open a Medusa return or exchange, and so need the order the serial was sold in. */
export const CLAIM_DECISIONS_WITH_ORDER: readonly ClaimDecision[] = ["replace", "return"]

export const VISIT_STATUSES = ["pending", "completed", "partially_completed", "cancelled"] as const
export type VisitStatus = (typeof VISIT_STATUSES)[number]

/** The moves a maintenance visit may make from each status. */
export const VISIT_TRANSITIONS: Readonly<Record<VisitStatus, readonly VisitStatus[]>> = {
  pending: ["completed", "partially_completed", "cancelled"],
  partially_completed: ["completed", "cancelled"],
  completed: [],
  cancelled: [],
}

/** The colours of Medusa UI's status badge. */
export type BadgeColor = "green" | "red" | "blue" | "orange" | "grey" | "purple"

/** One colour and one name per serial status, the same on every widget and page. */
export const SERIAL_STATUS_COLORS: Readonly<Record<SerialStatus, BadgeColor>> = {
  inactive: "grey",
  active: "green",
  reserved: "orange",
  delivered: "blue",
  expired: "red",
  scrapped: "red",
}

export const CLAIM_STATUS_COLORS: Readonly<Record<ClaimStatus, BadgeColor>> = {
  open: "orange",
  in_progress: "blue",
  resolved: "green",
  rejected: "grey",
}

/**
 * Statuses an admin may write a serial off from (`POST /admin/serial-numbers/scrap`): in
 * stock, not in stock yet, or past its end of life. A reserved unit is released first; a
 * delivered one belongs to its customer.
 */
export const WRITE_OFF_STATUSES: readonly SerialStatus[] = ["active", "inactive", "expired"]
