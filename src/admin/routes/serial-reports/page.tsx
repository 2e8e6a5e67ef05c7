import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ChartBar } from "@medusajs/icons"
import { Container, Input, Label, Tabs } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { FilterSelect } from "../../components/filter-select"
import { ListTable } from "../../components/list-table"
import { LoadMore } from "../../components/load-more"
import { SectionHeader } from "../../components/section-header"
import { SerialStatusBadge } from "../../components/serial-status-badge"
import { useSerialReportPages, type SerialReportName, type SerialReportQuery } from "../../hooks/api/serial-reports"
import { describeLocation, labelOf, searchLocations, useCustomerNames, useLocationNames, useProductNames } from "../../hooks/api/store-records"
import { useFormat } from "../../lib/format"
import { useUrlState } from "../../lib/url-state"
import { SERIAL_MOVEMENTS, SERIAL_STATUSES } from "../../../shared/statuses"
import type { AdminSerialLedgerEntry, SerialSummaryRow } from "../../../shared/http/admin"
import { CsvDownload } from "./components/csv-download"
import { SearchFilter } from "../../components/search-filter"
import { describeSerial, searchSerials } from "../../hooks/api/serial-numbers"
import { StatusByLocationChart } from "./components/status-by-location-chart"
import { ExpiriesByMonthChart } from "./components/expiries-by-month-chart"
import { SerialLink } from "../../components/serial-link"

type ExpiryRow = {
  id: string
  serial_number: string
  status: string
  stock_location_id: string | null
  customer_id: string | null
  warranty_expires_at: string | null
  contract_expires_at: string | null
}
type LedgerRow = AdminSerialLedgerEntry & { serial_number_id: string; serial_number: string }

/** The expiry reports' windows, in days. */
const WINDOWS = ["30", "90", "365"]

/** Rows of a report read a page at a time from the API's cursor ("Load more"). */
function usePages<Row>(report: SerialReportName, query: SerialReportQuery) {
  const result = useSerialReportPages<Row>(report, query)
  const pages = result.data?.pages ?? []
  return {
    ...result,
    rows: pages.flatMap((p) => p.rows),
    count: pages[0]?.count ?? 0,
    estimated: pages[0]?.count_is_estimate ?? false,
  }
}

const Shown = ({ shown, count, estimated }: { shown: number; count: number; estimated: boolean }) => {
  const { t } = useTranslation(undefined, { keyPrefix: "serials.reports" })
  const { locale } = useFormat()
  const values = { shown: shown.toLocaleString(locale), total: count.toLocaleString(locale) }
  return <span className="text-ui-fg-subtle txt-small">{estimated ? t("shownAbout", values) : t("shown", values)}</span>
}

const SummaryReport = () => {
  const { t } = useTranslation(undefined, { keyPrefix: "serials.reports" })
  const { t: tc } = useTranslation(undefined, { keyPrefix: "serials.common" })
  const { locale } = useFormat()
  const { get, set } = useUrlState()
  const query = { limit: 1000, stock_location_id: get("stock_location_id") }
  const pages = usePages<SerialSummaryRow>("summary", query)
  const locations = useLocationNames(pages.rows.map((r) => r.stock_location_id))
  const products = useProductNames(pages.rows.map((r) => r.product_id))
  return (
    <>
      <div className="flex items-center gap-2 px-6 py-3">
        <SearchFilter label={t("columns.location")} value={get("stock_location_id")} onChange={(v) => set({ stock_location_id: v })} search={searchLocations} describe={describeLocation} />
        <div className="ml-auto flex items-center gap-3">
          <Shown shown={pages.rows.length} count={pages.count} estimated={pages.estimated} />
          <CsvDownload report="summary" query={query} columns={["product_id", "stock_location_id", "total", ...SERIAL_STATUSES]} />
        </div>
      </div>
      <StatusByLocationChart rows={pages.rows} locationLabel={(id) => labelOf(locations, id)} />
      <ListTable
        rowKey={(r, i) => `${r.product_id}-${r.stock_location_id}-${i}`}
        columns={[
          { header: t("columns.product"), cell: (r) => labelOf(products, r.product_id) },
          { header: t("columns.location"), cell: (r) => (r.stock_location_id ? labelOf(locations, r.stock_location_id) : t("noLocation")) },
          { header: t("columns.total"), className: "tabular-nums", cell: (r) => Number(r.total).toLocaleString(locale) },
          ...SERIAL_STATUSES.map((s) => ({
            header: tc(`serialStatus.${s}`),
            className: "tabular-nums",
            cell: (r: SerialSummaryRow) => Number(r[s]).toLocaleString(locale),
          })),
        ]}
        rows={pages.rows}
        isLoading={pages.isLoading}
        emptyText={t("noSerials")}
      />
      <LoadMore {...pages} />
    </>
  )
}

const ExpiryReport = ({ report }: { report: "warranty-expiry" | "contract-expiry" }) => {
  const { t } = useTranslation(undefined, { keyPrefix: "serials.reports" })
  const { date } = useFormat()
  const { get, set } = useUrlState()
  const within = get("within_days") ?? "30"
  const query = { limit: 50, within_days: within, stock_location_id: get("stock_location_id") }
  const pages = usePages<ExpiryRow>(report, query)
  const locations = useLocationNames(pages.rows.map((r) => r.stock_location_id))
  const customers = useCustomerNames(pages.rows.map((r) => r.customer_id))
  const column = report === "warranty-expiry" ? "warranty_expires_at" : "contract_expires_at"
  return (
    <>
      <ExpiriesByMonthChart kind={report === "warranty-expiry" ? "warranty" : "contract"} stockLocationId={get("stock_location_id")} />
      <div className="flex items-center gap-2 px-6 py-3">
        {/* "All" of this select is the default window, 30 days. */}
        <FilterSelect
          label={t("window")}
          value={within}
          options={WINDOWS.map((days) => ({ value: days, label: t("nextDays", { days }) }))}
          onChange={(v) => set({ within_days: v === "30" ? undefined : v })}
        />
        <SearchFilter label={t("columns.location")} value={get("stock_location_id")} onChange={(v) => set({ stock_location_id: v })} search={searchLocations} describe={describeLocation} />
        <div className="ml-auto flex items-center gap-3">
          <Shown shown={pages.rows.length} count={pages.count} estimated={pages.estimated} />
          <CsvDownload
            report={report}
            query={query}
            columns={["id", "serial_number", "status", "stock_location_id", "customer_id", "order_id", "delivered_at", column]}
          />
        </div>
      </div>
      <ListTable
        columns={[
          { header: t("columns.ends"), cell: (r) => date(r[column]) },
          {
            header: t("columns.serialNumber"),
            ownClicks: true,
            cell: (r) => (
              <SerialLink id={r.id} text={r.serial_number} />
            ),
          },
          { header: t("columns.status"), cell: (r) => <SerialStatusBadge status={r.status} /> },
          { header: t("columns.customer"), cell: (r) => labelOf(customers, r.customer_id) },
          { header: t("columns.location"), cell: (r) => labelOf(locations, r.stock_location_id) },
        ]}
        rows={pages.rows}
        isLoading={pages.isLoading}
        emptyText={t("nothingEnds", { days: within })}
      />
      <LoadMore {...pages} />
    </>
  )
}

const LedgerReport = () => {
  const { t } = useTranslation(undefined, { keyPrefix: "serials.reports" })
  const { t: tc } = useTranslation(undefined, { keyPrefix: "serials.common" })
  const { dateTime } = useFormat()
  const status = (s: string | null) => (s ? tc(`serialStatus.${s}`, { defaultValue: s }) : "—")
  const { get, set } = useUrlState()
  const query = {
    limit: 50,
    type: get("type"),
    serial_number_id: get("serial_number_id"),
    stock_location_id: get("stock_location_id"),
    from: get("from"),
    to: get("to"),
  }
  const pages = usePages<LedgerRow>("ledger", query)
  const locations = useLocationNames(pages.rows.flatMap((r) => [r.from_location_id, r.to_location_id]))
  return (
    <>
      <div className="flex flex-wrap items-end gap-2 px-6 py-3">
        <FilterSelect
          label={t("columns.movement")}
          value={get("type")}
          options={SERIAL_MOVEMENTS.map((m) => ({ value: m, label: tc(`movement.${m}`) }))}
          onChange={(v) => set({ type: v })}
        />
        <SearchFilter
          label={t("columns.serialNumber")}
          value={get("serial_number_id")}
          onChange={(v) => set({ serial_number_id: v })}
          search={searchSerials}
          describe={describeSerial}
        />
        <SearchFilter label={t("columns.location")} value={get("stock_location_id")} onChange={(v) => set({ stock_location_id: v })} search={searchLocations} describe={describeLocation} />
        <div className="flex flex-col gap-1">
          <Label size="xsmall" htmlFor="ledger-from">
            {t("from")}
          </Label>
          <Input id="ledger-from" size="small" type="date" value={get("from") ?? ""} onChange={(e) => set({ from: e.target.value })} />
        </div>
        <div className="flex flex-col gap-1">
          <Label size="xsmall" htmlFor="ledger-to">
            {t("to")}
          </Label>
          <Input id="ledger-to" size="small" type="date" value={get("to") ?? ""} onChange={(e) => set({ to: e.target.value })} />
        </div>
        <div className="ml-auto flex items-center gap-3">
          <Shown shown={pages.rows.length} count={pages.count} estimated={pages.estimated} />
          <CsvDownload
            report="ledger"
            query={query}
            columns={["created_at", "serial_number", "type", "from_status", "to_status", "from_location_id", "to_location_id", "reference_type", "reference_id", "actor_type", "actor_id"]}
          />
        </div>
      </div>
      <ListTable
        columns={[
          { header: t("columns.when"), cell: (r) => dateTime(r.created_at) },
          {
            header: t("columns.serialNumber"),
            ownClicks: true,
            cell: (r) => (
              <SerialLink id={r.serial_number_id} text={r.serial_number} />
            ),
          },
          { header: t("columns.movement"), cell: (r) => tc(`movement.${r.type}`, { defaultValue: r.type.replace(/_/g, " ") }) },
          { header: t("columns.status"), cell: (r) => `${status(r.from_status)} → ${status(r.to_status)}` },
          { header: t("columns.location"), cell: (r) => `${labelOf(locations, r.from_location_id)} → ${labelOf(locations, r.to_location_id)}` },
          {
            header: t("columns.reference"),
            cell: (r) =>
              r.reference_type
                ? `${t(`referenceType.${r.reference_type}`, { defaultValue: r.reference_type.replace(/_/g, " ") })} ${r.reference_id ?? ""}`
                : "—",
          },
        ]}
        rows={pages.rows}
        isLoading={pages.isLoading}
        emptyText={t("noMovements")}
      />
      <LoadMore {...pages} />
    </>
  )
}

/**
 * The reports the API offers, one tab each: serials by product, location and status (with
 * a chart per location), warranties and service contracts ending soon, and the ledger of
 * every movement; each downloadable as CSV as filtered.
 */
const SerialReportsPage = () => {
  const { t } = useTranslation(undefined, { keyPrefix: "serials.reports" })
  const { get, set } = useUrlState()
  const tab = get("tab") ?? "summary"
  return (
    <Container className="p-0">
      <SectionHeader level="h1" title={t("title")} subtitle={t("subtitle")} />
      {/* A new tab starts without the other tab's filters. */}
      <Tabs value={tab} onValueChange={(next) => set({ tab: next === "summary" ? undefined : next, stock_location_id: undefined, within_days: undefined, type: undefined, serial_number_id: undefined, from: undefined, to: undefined })}>
        <Tabs.List className="px-6">
          <Tabs.Trigger value="summary">{t("tabs.summary")}</Tabs.Trigger>
          <Tabs.Trigger value="warranty-expiry">{t("tabs.warrantyExpiry")}</Tabs.Trigger>
          <Tabs.Trigger value="contract-expiry">{t("tabs.contractExpiry")}</Tabs.Trigger>
          <Tabs.Trigger value="ledger">{t("tabs.ledger")}</Tabs.Trigger>
        </Tabs.List>
        <div className="mt-3 divide-y border-t">
          <Tabs.Content value="summary">
            <SummaryReport />
          </Tabs.Content>
          <Tabs.Content value="warranty-expiry">
            <ExpiryReport report="warranty-expiry" />
          </Tabs.Content>
          <Tabs.Content value="contract-expiry">
            <ExpiryReport report="contract-expiry" />
          </Tabs.Content>
          <Tabs.Content value="ledger">
            <LedgerReport />
          </Tabs.Content>
        </div>
      </Tabs>
    </Container>
  )
}

export const config = defineRouteConfig({ label: "serials.reports.menu", translationNs: "translation", icon: ChartBar })

export default SerialReportsPage
