import { StatusBadge } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { SERIAL_STATUS_COLORS, type SerialStatus } from "../../shared/statuses"
import { WARRANTY_STATE_COLORS, type WarrantyState } from "../../shared/warranty-state"

export const SerialStatusBadge = ({ status }: { status: string }) => {
  const { t } = useTranslation(undefined, { keyPrefix: "serials.common" })
  return (
    <StatusBadge color={SERIAL_STATUS_COLORS[status as SerialStatus] ?? "grey"}>
      {t(`serialStatus.${status}`, { defaultValue: status })}
    </StatusBadge>
  )
}

export const WarrantyBadge = ({ state }: { state: WarrantyState }) => {
  const { t } = useTranslation(undefined, { keyPrefix: "serials.common" })
  return <StatusBadge color={WARRANTY_STATE_COLORS[state] ?? "grey"}>{t(`warrantyState.${state}`, { defaultValue: state })}</StatusBadge>
}
