import { StatusBadge } from "@medusajs/ui"

type Color = "green" | "red" | "blue" | "orange" | "grey" | "purple"

/** One colour per serial status, the same on every widget and page. */
export const SERIAL_STATUS_COLORS: Record<string, Color> = {
  inactive: "grey",
  active: "green",
  reserved: "orange",
  delivered: "blue",
  expired: "red",
  scrapped: "red",
}

export const SERIAL_STATUS_LABELS: Record<string, string> = {
  inactive: "Inactive",
  active: "In stock",
  reserved: "Reserved",
  delivered: "Delivered",
  expired: "Expired",
  scrapped: "Scrapped",
}

export const SerialStatusBadge = ({ status }: { status: string }) => (
  <StatusBadge color={SERIAL_STATUS_COLORS[status] ?? "grey"}>{SERIAL_STATUS_LABELS[status] ?? status}</StatusBadge>
)

const WARRANTY_COLORS: Record<string, Color> = { under_warranty: "green", expired: "red", none: "grey" }
const WARRANTY_LABELS: Record<string, string> = {
  under_warranty: "Under warranty",
  expired: "Warranty expired",
  none: "No warranty",
}

export const WarrantyBadge = ({ state }: { state: string }) => (
  <StatusBadge color={WARRANTY_COLORS[state] ?? "grey"}>{WARRANTY_LABELS[state] ?? state}</StatusBadge>
)
