import { StatusBadge } from "@medusajs/ui"
import { CLAIM_STATUS_COLORS, CLAIM_STATUS_LABELS, type ClaimStatus } from "../../shared/statuses"

export const ClaimStatusBadge = ({ status }: { status: string }) => (
  <StatusBadge color={CLAIM_STATUS_COLORS[status as ClaimStatus] ?? "grey"}>
    {CLAIM_STATUS_LABELS[status as ClaimStatus] ?? status}
  </StatusBadge>
)
