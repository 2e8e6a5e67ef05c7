/**
 * The statuses of the plugin's records, their order, the moves allowed between them, and
 * how the admin names and colours them. The server's models, status machine and rule
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
export const SERIAL_STATUS_LABELS: Readonly<Record<SerialStatus, string>> = {
  inactive: "Inactive",
  active: "In stock",
  reserved: "Reserved",
  delivered: "Delivered",
  expired: "Expired",
  scrapped: "Scrapped",
}

export const CLAIM_STATUS_COLORS: Readonly<Record<ClaimStatus, BadgeColor>> = {
  open: "orange",
  in_progress: "blue",
  resolved: "green",
  rejected: "grey",
}
export const CLAIM_STATUS_LABELS: Readonly<Record<ClaimStatus, string>> = {
  open: "Open",
  in_progress: "In progress",
  resolved: "Resolved",
  rejected: "Rejected",
}

/**
 * Statuses an admin may write a serial off from (`POST /admin/serial-numbers/scrap`): in
 * stock, not in stock yet, or past its end of life. A reserved unit is released first; a
 * delivered one belongs to its customer.
 */
export const WRITE_OFF_STATUSES: readonly SerialStatus[] = ["active", "inactive", "expired"]
