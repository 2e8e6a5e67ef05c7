import { Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { useExpiriesByMonth } from "../../../hooks/api/serial-reports"
import { useFormat } from "../../../lib/format"

/**
 * How many warranties (or service contracts) end in each of the next twelve calendar
 * months, one column each: where the renewals and the end-of-warranty mailings will pile
 * up. The server counts them per month (`expiries-by-month`); this month includes the
 * ends already past in it.
 */
export const ExpiriesByMonthChart = ({ kind, stockLocationId }: { kind: "warranty" | "contract"; stockLocationId?: string }) => {
  const { t } = useTranslation(undefined, { keyPrefix: "serials.reports.expiriesChart" })
  const { locale } = useFormat()
  const { data } = useExpiriesByMonth({ stock_location_id: stockLocationId })
  const months = data?.months ?? []
  const highest = Math.max(1, ...months.map((m) => m[kind]))
  const monthName = (month: string) =>
    new Date(`${month}-01T00:00:00Z`).toLocaleDateString(locale, { month: "short", year: "2-digit", timeZone: "UTC" })
  if (!months.length) {
    return null
  }
  return (
    <figure className="flex flex-col gap-2 px-6 py-4" aria-label={t(kind)}>
      <Text size="small" weight="plus">
        {t(kind)}
      </Text>
      <div className="flex h-32 items-end gap-2">
        {months.map((m) => (
          <div key={m.month} className="flex h-full flex-1 flex-col items-center justify-end gap-1" data-testid="expiries-month">
            <Text size="xsmall" className="tabular-nums">
              {m[kind].toLocaleString(locale)}
            </Text>
            <div
              className="w-full rounded-sm bg-ui-tag-orange-icon"
              style={{ height: `${(m[kind] / highest) * 100}%`, minHeight: m[kind] ? 2 : 0 }}
              title={`${monthName(m.month)}: ${m[kind].toLocaleString(locale)}`}
            />
            <Text size="xsmall" className="text-ui-fg-subtle whitespace-nowrap">
              {monthName(m.month)}
            </Text>
          </div>
        ))}
      </div>
    </figure>
  )
}
