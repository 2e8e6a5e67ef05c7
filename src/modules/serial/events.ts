/**
 * Events the plugin emits, for notifications and a store's own subscribers. Each carries
 * ids only (`{ ids: string[], ... }`, one event per batch, so a receipt of 10,000 serials
 * is one event) and is emitted only when the workflow that caused it succeeds.
 */
export const SerialEvents = {
  /** Serials registered without stock: `{ ids }` */
  CREATED: "serial_number.created",
  /** Serials put in stock by a receipt or an inventory increase: `{ ids, receipt_id, stock_location_id }` */
  RECEIVED: "serial_number.received",
  /** Serials delivered to a customer by a fulfilment: `{ ids, order_id, fulfillment_id }` */
  DELIVERED: "serial_number.delivered",
  /** Serials that came back with a return: `{ ids, order_id, return_id }` */
  RETURNED: "serial_number.returned",
  /** Serials moved between stock locations: `{ ids, transfer_id, from_location_id, to_location_id }` */
  TRANSFERRED: "serial_number.transferred",
  /** Serials written off: `{ ids, write_off_id, reason }` */
  SCRAPPED: "serial_number.scrapped",
  /** Serials of a receipt sent back to its supplier: `{ ids, receipt_id, vendor_return_id }` */
  RETURNED_TO_SUPPLIER: "serial_number.returned_to_supplier",
  /** A serial passed on to a new owner: `{ id, from_customer_id, to_customer_id }` */
  OWNER_CHANGED: "serial_number.owner_changed",
  /** A stock-take confirmed: `{ id, location_id, found, transferred_ids, lost_ids, receipt_id }` */
  STOCK_TAKE_CONFIRMED: "serial_stock_take.confirmed",
  /** Any status change: `{ ids, movement, to_status }` */
  STATUS_CHANGED: "serial_number.status_changed",
  /** Serials given to a customer by a registration (direct or approved): `{ ids, customer_id, registration_id }` */
  REGISTERED: "serial_number.registered",
  /** A customer's registration waits for an admin's approval: `{ id, serial_number_id, customer_id }` */
  REGISTRATION_CREATED: "serial_registration.created",
  /** An admin approved or rejected a registration: `{ id, status }` */
  REGISTRATION_DECIDED: "serial_registration.decided",

  /** A consistency run was started (or a stale one taken over) by an admin: the worker walks it. `{ id }` */
  CONSISTENCY_RUN_STARTED: "serial_consistency_run.started",

  // ------------------------------------------------------------ maintenance and claims
  /** A maintenance schedule was created: `{ id, type, serial_number_ids }` */
  MAINTENANCE_SCHEDULE_CREATED: "maintenance_schedule.created",
  /** A schedule changed (assignee, notes, cancelled, completed): `{ id, status }` */
  MAINTENANCE_SCHEDULE_UPDATED: "maintenance_schedule.updated",
  /** A schedule was deleted with its visits: `{ id }` */
  MAINTENANCE_SCHEDULE_DELETED: "maintenance_schedule.deleted",
  /** An unscheduled or breakdown visit was logged: `{ id, serial_number_id, kind, status }` */
  MAINTENANCE_VISIT_CREATED: "maintenance_visit.created",
  /** A visit was completed, cancelled, rescheduled or edited: `{ id, status }` */
  MAINTENANCE_VISIT_UPDATED: "maintenance_visit.updated",
  /** Daily: pending visits due within `visit_due_days` (each announced once per date): `{ ids, due_within_days }` */
  MAINTENANCE_VISIT_DUE: "maintenance_visit.due",
  /** Daily: pending visits whose day has passed (each announced once per date): `{ ids }` */
  MAINTENANCE_VISIT_OVERDUE: "maintenance_visit.overdue",
  /** Daily: delivered serials whose warranty ends within `warranty_expiring_days` (once per expiry date): `{ ids, within_days }` */
  WARRANTY_EXPIRING: "serial_number.warranty_expiring",
  /** A warranty claim was filed: `{ id, serial_number_id }` */
  WARRANTY_CLAIM_CREATED: "warranty_claim.created",
  /** A claim changed: `{ id, from_status, status }`, with `decision` when an operator decided it. */
  WARRANTY_CLAIM_UPDATED: "warranty_claim.updated",
} as const
