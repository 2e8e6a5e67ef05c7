import { Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { useFormat } from "../../../lib/format"
import { SERIAL_STATUSES, type SerialStatus } from "../../../../shared/statuses"
import type { SerialSummaryRow } from "../../../../shared/http/admin"

/** Bar colours per status, from the dashboard's palette (the badges' colours, as fills). */
const FILL: Record<SerialStatus, string> = {
  inactive: "bg-ui-tag-neutral-icon",
  active: "bg-ui-tag-green-icon",
  reserved: "bg-ui-tag-orange-icon",
  delivered: "bg-ui-tag-blue-icon",
  expired: "bg-ui-tag-red-icon",
  scrapped: "bg-ui-tag-purple-icon",
}

/**
 * Serials per stock location, one bar each, split by status: how much of each place is
 * in stock, reserved, or gone. Serials out of any location (delivered, scrapped) form one
 * bar "No location".
 */
export const StatusByLocationChart = ({ rows, locationLabel }: { rows: SerialSummaryRow[]; locationLabel: (id: string | null) => string }) => {
  const { t } = useTranslation(undefined, { keyPrefix: "serials.reports" })
  const { t: tc } = useTranslation(undefined, { keyPrefix: "serials.common" })
  const { locale } = useFormat()
  type Sum = Record<SerialStatus, number> & { total: number }
  const byLocation = new Map<string | null, Sum>()
  for (const row of rows) {
    const sum: Sum = byLocation.get(row.stock_location_id) ?? ({ total: 0, ...Object.fromEntries(SERIAL_STATUSES.map((s) => [s, 0])) } as Sum)
    sum.total += Number(row.total)
    for (const s of SERIAL_STATUSES) sum[s] += Number(row[s])
    byLocation.set(row.stock_location_id, sum)
  }
  const bars = [...byLocation.entries()].sort(([, a], [, b]) => b.total - a.total)
  const widest = Math.max(1, ...bars.map(([, b]) => b.total))
  if (!bars.length) {
    return null
  }
  return (
    <figure className="flex flex-col gap-3 px-6 py-4" aria-label={t("chart")}>
      <div className="flex flex-wrap gap-4">
        {SERIAL_STATUSES.map((s) => (
          <span key={s} className="flex items-center gap-1">
            <span className={`inline-block h-2 w-2 rounded-sm ${FILL[s]}`} />
            <Text size="xsmall" className="text-ui-fg-subtle">
              {tc(`serialStatus.${s}`)}
            </Text>
          </span>
        ))}
      </div>
      {bars.map(([location, sum]) => (
        <div key={location ?? "none"} className="grid grid-cols-[180px_1fr_80px] items-center gap-3">
          <Text size="small" className="truncate">
            {location ? locationLabel(location) : t("noLocation")}
          </Text>
          <div className="flex h-4 overflow-hidden rounded-sm bg-ui-bg-subtle" style={{ width: `${(sum.total / widest) * 100}%` }}>
            {SERIAL_STATUSES.filter((s) => sum[s] > 0).map((s) => (
              <div
                key={s}
                className={FILL[s]}
                style={{ width: `${(sum[s] / sum.total) * 100}%` }}
                title={`${tc(`serialStatus.${s}`)}: ${sum[s].toLocaleString(locale)}`}
              />
            ))}
          </div>
          <Text size="small" className="text-right tabular-nums">
            {sum.total.toLocaleString(locale)}
          </Text>
        </div>
      ))}
    </figure>
  )
}
