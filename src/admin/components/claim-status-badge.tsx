import { StatusBadge } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { CLAIM_STATUS_COLORS, type ClaimStatus } from "../../shared/statuses"

export const ClaimStatusBadge = ({ status }: { status: string }) => {
  const { t } = useTranslation(undefined, { keyPrefix: "serials.common" })
  return (
    <StatusBadge color={CLAIM_STATUS_COLORS[status as ClaimStatus] ?? "grey"}>
      {t(`claimStatus.${status}`, { defaultValue: status })}
    </StatusBadge>
  )
}
