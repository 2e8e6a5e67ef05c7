import { StatusBadge } from "@medusajs/ui"

export const CLAIM_STATUS_LABELS: Record<string, string> = {
  open: "Open",
  in_progress: "In progress",
  resolved: "Resolved",
  rejected: "Rejected",
}

const COLORS = { open: "orange", in_progress: "blue", resolved: "green", rejected: "grey" } as const

export const ClaimStatusBadge = ({ status }: { status: string }) => (
  <StatusBadge color={COLORS[status as keyof typeof COLORS] ?? "grey"}>{CLAIM_STATUS_LABELS[status] ?? status}</StatusBadge>
)
