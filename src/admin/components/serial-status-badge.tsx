import { StatusBadge } from "@medusajs/ui"
import { SERIAL_STATUS_COLORS, SERIAL_STATUS_LABELS, type SerialStatus } from "../../shared/statuses"
import { WARRANTY_STATE_COLORS, WARRANTY_STATE_LABELS, type WarrantyState } from "../../shared/warranty-state"

export const SerialStatusBadge = ({ status }: { status: string }) => (
  <StatusBadge color={SERIAL_STATUS_COLORS[status as SerialStatus] ?? "grey"}>
    {SERIAL_STATUS_LABELS[status as SerialStatus] ?? status}
  </StatusBadge>
)

export const WarrantyBadge = ({ state }: { state: WarrantyState }) => (
  <StatusBadge color={WARRANTY_STATE_COLORS[state] ?? "grey"}>{WARRANTY_STATE_LABELS[state] ?? state}</StatusBadge>
)
