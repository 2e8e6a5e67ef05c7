/**
 * Response types of the plugin's storefront routes, for storefront code:
 *
 *   import type { StoreSerialWarrantyResponse } from "medusa-plugin-serial-numbers/shared/http/store"
 *
 * (also exported as "medusa-plugin-serial-numbers/api/store/types", the path of earlier
 * versions). Pure types: this file, like all of src/shared, imports nothing from the server.
 * Dates are ISO 8601 strings; visit dates are calendar days (`YYYY-MM-DD`).
 */
import type { MaintenanceStatus } from "../maintenance-status"

export type StoreMaintenanceStatus = MaintenanceStatus

/** `GET /store/serial-numbers/:serial/warranty`: exactly these keys, nothing personal. */
export type StoreSerialWarranty = {
  serial_number: string
  product: { title: string | null; thumbnail: string | null }
  variant: { title: string | null; sku: string | null }
  sold: boolean
  warranty_starts_at: string | null
  warranty_expires_at: string | null
  /** Whole days until the warranty ends (0 once it has), null without a warranty. */
  days_left: number | null
  contract_expires_at: string | null
  maintenance_status: StoreMaintenanceStatus | null
  /** The next pending maintenance visit, from today on. */
  next_visit_date: string | null
}
export type StoreSerialWarrantyResponse = { warranty: StoreSerialWarranty }

export type StoreUpcomingVisit = {
  id: string
  serial_number: string
  scheduled_date: string
  kind: "scheduled" | "unscheduled" | "breakdown" | string
  technician: string | null
}

/** One of the logged-in customer's serials. */
export type StoreCustomerSerial = {
  id: string
  serial_number: string
  status: string
  product: { id: string | null; title: string | null; thumbnail: string | null }
  variant: { id: string; title: string | null; sku: string | null }
  /**
   * The customer's order that delivered it (link to the order page with `id`, show
   * `display_id`); null for a serial registered, bought elsewhere, or passed on by its
   * first owner (whose order it stays).
   */
  order: { id: string; display_id: number } | null
  delivered_at: string | null
  warranty_starts_at: string | null
  warranty_expires_at: string | null
  days_left: number | null
  contract_expires_at: string | null
  maintenance_status: StoreMaintenanceStatus | null
  next_visit_date: string | null
  upcoming_visits: StoreUpcomingVisit[]
}
/** A registration of a serial bought elsewhere, when the store approves them. */
export type StoreSerialRegistration = {
  id: string
  serial_number: string
  purchased_at: string
  status: "pending" | "approved" | "rejected"
  created_at: string
  decided_at: string | null
  /** The proof of purchase the customer sent (`POST …/serial-registrations/:id/proof-of-purchase`). */
  proof_of_purchase: { filename: string; mime_type: string; size: number; uploaded_at: string } | null
}
/** `POST /store/customers/me/serial-registrations/:id/proof-of-purchase`. */
export type StoreSerialRegistrationResponse = { registration: StoreSerialRegistration }
/** `GET /store/customers/me/serial-numbers`; `registrations`: pending and rejected ones. */
export type StoreCustomerSerialsResponse = {
  serial_numbers: StoreCustomerSerial[]
  /** How many serials the customer has in all. */
  count: number
  /** Pass as `after` for the next page; null on the last one. */
  next_cursor: string | null
  registrations: StoreSerialRegistration[]
}
/** `POST /store/customers/me/serial-numbers`: 201 (registered) or 202 (awaiting approval). */
export type StoreRegisterSerialResponse = { serial_number: StoreCustomerSerial } | { registration: StoreSerialRegistration }

export type StoreWarrantyClaim = {
  id: string
  display_id: number
  serial_number: string
  description: string
  status: "open" | "in_progress" | "resolved" | "rejected"
  covered: boolean
  maintenance_status: StoreMaintenanceStatus | null
  warranty_expires_at: string | null
  contract_expires_at: string | null
  filed_at: string
  resolution: string | null
  closed_at: string | null
}
/** `count`: the customer's claims in all; `next_cursor`: pass as `after` for the next page (null on the last). */
export type StoreWarrantyClaimsResponse = { warranty_claims: StoreWarrantyClaim[]; count: number; next_cursor: string | null }
export type StoreWarrantyClaimResponse = { warranty_claim: StoreWarrantyClaim }

export type StoreMaintenanceVisitsResponse = { maintenance_visits: StoreUpcomingVisit[]; count: number }
