import { Button, StatusBadge, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { FilterSelect } from "../../../components/filter-select"
import { SerialLink } from "../../../components/serial-link"
import { useMaintenanceAgenda } from "../../../hooks/api/maintenance"
import { describeLocation, labelOf, searchLocations, useLocationNames } from "../../../hooks/api/store-records"
import { useFormat } from "../../../lib/format"
import { useUrlState } from "../../../lib/url-state"
import { shiftDay, weekDays } from "../../../../shared/week"
import type { AdminAgendaVisit } from "../../../../shared/http/admin"
import { SearchFilter } from "../../../components/search-filter"

const STATUS_COLORS = { pending: "orange", completed: "green", partially_completed: "blue", cancelled: "grey" } as const

/** A day as the agenda heads its column: "Mon 7 Dec", in the admin's language (`locale`). */
const dayHeading = (day: string, locale: string) =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString(locale, { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" })

const VisitCard = ({ visit, overdue, locations }: { visit: AdminAgendaVisit; overdue?: boolean; locations: Array<{ value: string; label: string }> }) => {
  const { t } = useTranslation(undefined, { keyPrefix: "serials.maintenance" })
  const { t: tc } = useTranslation(undefined, { keyPrefix: "serials.common" })
  const { locale } = useFormat()
  return (
    <li className="flex flex-col gap-0.5 rounded-md border bg-ui-bg-base p-2" data-testid="agenda-visit">
      <SerialLink id={visit.serial_number_id} text={visit.serial_number} />
      <Text size="xsmall" className="text-ui-fg-subtle">
        {tc(`visitKind.${visit.kind}`, { defaultValue: visit.kind })}
        {visit.technician ? ` · ${visit.technician}` : ""}
      </Text>
      <Text size="xsmall" className="text-ui-fg-subtle">
        {visit.stock_location_id ? labelOf(locations, visit.stock_location_id) : t("agenda.atCustomer")}
        {overdue ? ` · ${dayHeading(visit.scheduled_date.slice(0, 10), locale)}` : ""}
      </Text>
      {(overdue || visit.status !== "pending") && (
        <StatusBadge className="w-fit" color={overdue ? "red" : STATUS_COLORS[visit.status]}>
          {overdue ? t("overdue") : tc(`visitStatus.${visit.status}`, { defaultValue: visit.status })}
        </StatusBadge>
      )}
    </li>
  )
}

/**
 * A week of maintenance visits, a column per day, Monday first, beside the visits overdue
 * today; by technician and by the location of the units. The week, technician and
 * location are kept in the URL.
 */
export const VisitAgenda = () => {
  const { t } = useTranslation(undefined, { keyPrefix: "serials.maintenance" })
  const { locale } = useFormat()
  const { get, set } = useUrlState()
  const week = get("week")
  const technician = get("technician")
  const location = get("location")
  const { data, isLoading } = useMaintenanceAgenda({ week, technician, stock_location_id: location })
  const locations = useLocationNames([...(data?.visits ?? []), ...(data?.overdue ?? [])].map((v) => v.stock_location_id)) ?? []
  const days = data ? weekDays(data.week_start) : []
  const byDay = (day: string) => (data?.visits ?? []).filter((v) => v.scheduled_date.slice(0, 10) === day)

  return (
    <div className="flex flex-col gap-3 px-6 py-4" data-testid="visit-agenda">
      <div className="flex flex-wrap items-center gap-2">
        <Button size="small" variant="secondary" disabled={!data} onClick={() => set({ week: shiftDay(data!.week_start, -7) })}>
          {t("agenda.previousWeek")}
        </Button>
        <Button size="small" variant="secondary" onClick={() => set({ week: undefined })}>
          {t("agenda.thisWeek")}
        </Button>
        <Button size="small" variant="secondary" disabled={!data} onClick={() => set({ week: shiftDay(data!.week_start, 7) })}>
          {t("agenda.nextWeek")}
        </Button>
        <Text size="small" weight="plus" className="ml-2">
          {data ? `${dayHeading(days[0], locale)} – ${dayHeading(days[6], locale)} ${days[6].slice(0, 4)}` : "…"}
        </Text>
        <div className="ml-auto flex gap-2">
          <FilterSelect
            label={t("agenda.technician")}
            value={technician}
            options={(data?.technicians ?? []).map((name) => ({ value: name, label: name }))}
            onChange={(v) => set({ technician: v })}
          />
          <SearchFilter label={t("agenda.location")} value={location} onChange={(v) => set({ location: v })} search={searchLocations} describe={describeLocation} />
        </div>
      </div>
      {data?.truncated && (
        <Text size="small" className="text-ui-fg-subtle">
          {t("agenda.truncated")}
        </Text>
      )}
      <div className="grid grid-cols-1 gap-2 md:grid-cols-8">
        <section aria-label={t("overdue")} className="flex flex-col gap-2 rounded-lg bg-ui-bg-subtle p-2">
          <Text size="small" weight="plus" className="text-ui-fg-error">
            {t("agenda.overdueHeading", { total: data?.overdue.length ?? 0 })}
          </Text>
          <ul className="flex flex-col gap-2">
            {(data?.overdue ?? []).map((v) => (
              <VisitCard key={v.id} visit={v} overdue locations={locations} />
            ))}
          </ul>
        </section>
        {days.map((day) => (
          <section
            key={day}
            aria-label={day}
            className={`flex flex-col gap-2 rounded-lg p-2 ${day === data?.today ? "bg-ui-bg-highlight" : "bg-ui-bg-subtle"}`}
          >
            <Text size="small" weight="plus">
              {dayHeading(day, locale)}
            </Text>
            <ul className="flex flex-col gap-2">
              {byDay(day).map((v) => (
                <VisitCard key={v.id} visit={v} locations={locations} />
              ))}
            </ul>
          </section>
        ))}
      </div>
      {!isLoading && data && !data.visits.length && !data.overdue.length && (
        <Text size="small" className="text-ui-fg-subtle">
          {t("agenda.noVisits")}
        </Text>
      )}
    </div>
  )
}
