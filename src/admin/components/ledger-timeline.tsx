import { Text } from "@medusajs/ui"
import type { AdminSerialLedgerEntry } from "../../shared/http/admin"
import { formatDateTime } from "../lib/format"
import { SERIAL_STATUS_LABELS, type SerialStatus } from "../../shared/statuses"

const MOVEMENT_LABELS: Record<string, string> = {
  create: "Registered",
  receive: "Received into stock",
  reserve: "Reserved for an order",
  release: "Reservation released",
  deliver: "Delivered",
  ship: "Shipped",
  return_restock: "Returned to stock",
  return_no_restock: "Returned, not restocked",
  cancel_fulfillment: "Fulfilment canceled",
  deactivate: "Taken out of stock",
  expire: "End of life reached",
  scrap: "Scrapped",
  transfer: "Transferred to another location",
  return_to_supplier: "Returned to the supplier",
  issue: "Issued with a sale",
  cancel_issue: "Issue canceled, back in the pool",
  owner_change: "Passed on to a new owner",
  update: "Details changed",
  warranty_override: "Warranty set by hand",
  contract_change: "Service contract changed",
  register: "Registered by the customer",
  replace: "Replaced",
  claim: "Warranty claim",
  warranty_claim: "Warranty claim filed",
  delete: "Deleted",
}

const REFERENCE_LABELS: Record<string, string> = {
  purchase_receipt: "Receipt",
  order: "Order",
  fulfillment: "Fulfilment",
  return: "Return",
  manual: "By hand",
  claim: "Claim",
  customer: "Customer",
  end_of_life: "End of life",
  inventory: "Inventory change",
  maintenance_schedule: "Maintenance schedule",
  serial_registration: "Registration",
  transfer: "Transfer",
  write_off: "Write-off",
}

const statusText = (s: string | null) => (s ? SERIAL_STATUS_LABELS[s as SerialStatus] ?? s : "—")

/** A serial's ledger, newest first, as a vertical timeline. */
export const LedgerTimeline = ({
  entries,
  locationLabel,
}: {
  entries: AdminSerialLedgerEntry[]
  locationLabel: (id: string | null) => string
}) => {
  if (!entries.length) {
    return (
      <Text size="small" className="text-ui-fg-subtle">
        No history yet.
      </Text>
    )
  }
  const newestFirst = [...entries].reverse()
  return (
    <ol className="relative flex flex-col gap-4" data-testid="serial-timeline">
      {newestFirst.map((entry, index) => (
        <li key={entry.id} className="relative flex gap-3">
          <div className="flex flex-col items-center">
            <div className={`mt-1 size-2.5 rounded-full ${index === 0 ? "bg-ui-fg-interactive" : "bg-ui-fg-muted"}`} />
            {index < newestFirst.length - 1 && <div className="bg-ui-border-base mt-1 w-px flex-1" />}
          </div>
          <div className="flex flex-1 flex-col pb-1">
            <div className="flex items-baseline justify-between gap-2">
              <Text size="small" weight="plus">
                {MOVEMENT_LABELS[entry.type] ?? entry.type.replace(/_/g, " ")}
              </Text>
              <Text size="xsmall" className="text-ui-fg-subtle whitespace-nowrap">
                {formatDateTime(entry.created_at)}
              </Text>
            </div>
            {entry.from_status !== entry.to_status && (
              <Text size="xsmall" className="text-ui-fg-subtle">
                {statusText(entry.from_status)} → {statusText(entry.to_status)}
              </Text>
            )}
            {entry.from_location_id !== entry.to_location_id && (
              <Text size="xsmall" className="text-ui-fg-subtle">
                {entry.from_location_id ? locationLabel(entry.from_location_id) : "outside stock"} →{" "}
                {entry.to_location_id ? locationLabel(entry.to_location_id) : "outside stock"}
              </Text>
            )}
            {entry.reference_type && (
              <Text size="xsmall" className="text-ui-fg-muted">
                {REFERENCE_LABELS[entry.reference_type] ?? entry.reference_type}
                {entry.reference_id ? ` ${entry.reference_id}` : ""}
                {entry.actor_type ? ` · ${entry.actor_type}` : ""}
              </Text>
            )}
          </div>
        </li>
      ))}
    </ol>
  )
}
