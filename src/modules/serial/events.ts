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
  /** Any status change: `{ ids, movement, to_status }` */
  STATUS_CHANGED: "serial_number.status_changed",
} as const
