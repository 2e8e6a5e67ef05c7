import { Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import type { AdminSerialLedgerEntry } from "../../shared/http/admin"
import { useFormat } from "../lib/format"

/** A serial's ledger, newest first, as a vertical timeline. */
export const LedgerTimeline = ({
  entries,
  locationLabel,
}: {
  entries: AdminSerialLedgerEntry[]
  locationLabel: (id: string | null) => string
}) => {
  const { t } = useTranslation(undefined, { keyPrefix: "serials.serialForms.ledger" })
  const { t: tc } = useTranslation(undefined, { keyPrefix: "serials.common" })
  const { dateTime } = useFormat()
  const statusText = (s: string | null) => (s ? tc(`serialStatus.${s}`, { defaultValue: s }) : "—")
  if (!entries.length) {
    return (
      <Text size="small" className="text-ui-fg-subtle">
        {t("empty")}
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
                {t(`movement.${entry.type}`, { defaultValue: entry.type.replace(/_/g, " ") })}
              </Text>
              <Text size="xsmall" className="text-ui-fg-subtle whitespace-nowrap">
                {dateTime(entry.created_at)}
              </Text>
            </div>
            {entry.from_status !== entry.to_status && (
              <Text size="xsmall" className="text-ui-fg-subtle">
                {statusText(entry.from_status)} → {statusText(entry.to_status)}
              </Text>
            )}
            {entry.from_location_id !== entry.to_location_id && (
              <Text size="xsmall" className="text-ui-fg-subtle">
                {entry.from_location_id ? locationLabel(entry.from_location_id) : t("outsideStock")} →{" "}
                {entry.to_location_id ? locationLabel(entry.to_location_id) : t("outsideStock")}
              </Text>
            )}
            {entry.reference_type && (
              <Text size="xsmall" className="text-ui-fg-muted">
                {t(`reference.${entry.reference_type}`, { defaultValue: entry.reference_type })}
                {entry.reference_id ? ` ${entry.reference_id}` : ""}
                {entry.actor_type ? ` · ${t(`actor.${entry.actor_type}`, { defaultValue: entry.actor_type })}` : ""}
              </Text>
            )}
          </div>
        </li>
      ))}
    </ol>
  )
}
