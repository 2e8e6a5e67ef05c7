import { Badge, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"

export type StatusCountsValue = Partial<Record<string, number>>

const ORDER = ["active", "reserved", "delivered", "inactive", "expired", "scrapped"]

/** "In stock 5 · Reserved 1 · Delivered 3": one badge per status that has serials. */
export const StatusCounts = ({ counts }: { counts: StatusCountsValue }) => {
  const { t } = useTranslation(undefined, { keyPrefix: "serials.widgets" })
  const { t: tc } = useTranslation(undefined, { keyPrefix: "serials.common" })
  const present = ORDER.filter((s) => (counts[s] ?? 0) > 0)
  if (!present.length) {
    return (
      <Text size="small" className="text-ui-fg-subtle">
        {t("statusCounts.empty")}
      </Text>
    )
  }
  return (
    <div className="flex flex-wrap gap-2" data-testid="serial-status-counts">
      {present.map((s) => (
        <Badge key={s} size="2xsmall" data-status={s}>
          {tc(`serialStatus.${s}`, { defaultValue: s })}: <span className="txt-compact-xsmall-plus ml-1">{counts[s]}</span>
        </Badge>
      ))}
    </div>
  )
}

/** Adds up summary rows' status columns. */
export function sumStatuses(rows: Array<Record<string, unknown>>): Record<string, number> {
  const total: Record<string, number> = {}
  for (const row of rows) {
    for (const s of ORDER) {
      total[s] = (total[s] ?? 0) + Number(row[s] ?? 0)
    }
  }
  return total
}
