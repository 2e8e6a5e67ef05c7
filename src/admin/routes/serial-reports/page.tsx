import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ChartBar } from "@medusajs/icons"
import { Container, Input, Label, Tabs } from "@medusajs/ui"
import { FilterSelect } from "../../components/filter-select"
import { ListTable } from "../../components/list-table"
import { LoadMore } from "../../components/load-more"
import { SectionHeader } from "../../components/section-header"
import { SerialStatusBadge } from "../../components/serial-status-badge"
import { useSerialReportPages, type SerialReportName, type SerialReportQuery } from "../../hooks/api/serial-reports"
import { labelOf, useCustomerOptions, useProductOptions, useStockLocationOptions } from "../../hooks/api/store-records"
import { formatDate, formatDateTime } from "../../lib/format"
import { useUrlState } from "../../lib/url-state"
import { SERIAL_MOVEMENTS, SERIAL_STATUSES, SERIAL_STATUS_LABELS } from "../../../shared/statuses"
import type { AdminSerialLedgerEntry, SerialSummaryRow } from "../../../shared/http/admin"
import { CsvDownload } from "./components/csv-download"
import { StatusByLocationChart } from "./components/status-by-location-chart"
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

const WINDOWS = [
  { value: "30", label: "Next 30 days" },
  { value: "90", label: "Next 90 days" },
  { value: "365", label: "Next 365 days" },
]

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

const Shown = ({ shown, count, estimated }: { shown: number; count: number; estimated: boolean }) => (
  <span className="text-ui-fg-subtle txt-small">
    {shown.toLocaleString()} of {estimated ? "about " : ""}
    {count.toLocaleString()}
  </span>
)

const SummaryReport = () => {
  const { get, set } = useUrlState()
  const locations = useStockLocationOptions().data
  const products = useProductOptions().data
  const query = { limit: 1000, stock_location_id: get("stock_location_id") }
  const pages = usePages<SerialSummaryRow>("summary", query)
  return (
    <>
      <div className="flex items-center gap-2 px-6 py-3">
        <FilterSelect label="Location" value={get("stock_location_id")} options={locations ?? []} onChange={(v) => set({ stock_location_id: v })} />
        <div className="ml-auto flex items-center gap-3">
          <Shown shown={pages.rows.length} count={pages.count} estimated={pages.estimated} />
          <CsvDownload report="summary" query={query} columns={["product_id", "stock_location_id", "total", ...SERIAL_STATUSES]} />
        </div>
      </div>
      <StatusByLocationChart rows={pages.rows} locationLabel={(id) => labelOf(locations, id)} />
      <ListTable
        rowKey={(r, i) => `${r.product_id}-${r.stock_location_id}-${i}`}
        columns={[
          { header: "Product", cell: (r) => labelOf(products, r.product_id) },
          { header: "Location", cell: (r) => (r.stock_location_id ? labelOf(locations, r.stock_location_id) : "No location") },
          { header: "Total", className: "tabular-nums", cell: (r) => Number(r.total).toLocaleString() },
          ...SERIAL_STATUSES.map((s) => ({ header: SERIAL_STATUS_LABELS[s], className: "tabular-nums", cell: (r: SerialSummaryRow) => Number(r[s]).toLocaleString() })),
        ]}
        rows={pages.rows}
        isLoading={pages.isLoading}
        emptyText="No serials yet."
      />
      <LoadMore {...pages} />
    </>
  )
}

const ExpiryReport = ({ report }: { report: "warranty-expiry" | "contract-expiry" }) => {
  const { get, set } = useUrlState()
  const locations = useStockLocationOptions().data
  const customers = useCustomerOptions().data
  const within = get("within_days") ?? "30"
  const query = { limit: 50, within_days: within, stock_location_id: get("stock_location_id") }
  const pages = usePages<ExpiryRow>(report, query)
  const column = report === "warranty-expiry" ? "warranty_expires_at" : "contract_expires_at"
  return (
    <>
      <div className="flex items-center gap-2 px-6 py-3">
        {/* "All" of this select is the default window, 30 days. */}
        <FilterSelect label="Window" value={within} options={WINDOWS} onChange={(v) => set({ within_days: v === "30" ? undefined : v })} />
        <FilterSelect label="Location" value={get("stock_location_id")} options={locations ?? []} onChange={(v) => set({ stock_location_id: v })} />
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
          { header: "Ends", cell: (r) => formatDate(r[column]) },
          {
            header: "Serial number",
            ownClicks: true,
            cell: (r) => (
              <SerialLink id={r.id} text={r.serial_number} />
            ),
          },
          { header: "Status", cell: (r) => <SerialStatusBadge status={r.status} /> },
          { header: "Customer", cell: (r) => labelOf(customers, r.customer_id) },
          { header: "Location", cell: (r) => labelOf(locations, r.stock_location_id) },
        ]}
        rows={pages.rows}
        isLoading={pages.isLoading}
        emptyText={`Nothing ends in the next ${within} days.`}
      />
      <LoadMore {...pages} />
    </>
  )
}

const LedgerReport = () => {
  const { get, set } = useUrlState()
  const locations = useStockLocationOptions().data
  const query = { limit: 50, type: get("type"), from: get("from"), to: get("to") }
  const pages = usePages<LedgerRow>("ledger", query)
  return (
    <>
      <div className="flex flex-wrap items-end gap-2 px-6 py-3">
        <FilterSelect
          label="Movement"
          value={get("type")}
          options={SERIAL_MOVEMENTS.map((m) => ({ value: m, label: m.replace(/_/g, " ") }))}
          onChange={(v) => set({ type: v })}
        />
        <div className="flex flex-col gap-1">
          <Label size="xsmall" htmlFor="ledger-from">From</Label>
          <Input id="ledger-from" size="small" type="date" value={get("from") ?? ""} onChange={(e) => set({ from: e.target.value })} />
        </div>
        <div className="flex flex-col gap-1">
          <Label size="xsmall" htmlFor="ledger-to">To</Label>
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
          { header: "When", cell: (r) => formatDateTime(r.created_at) },
          {
            header: "Serial number",
            ownClicks: true,
            cell: (r) => (
              <SerialLink id={r.serial_number_id} text={r.serial_number} />
            ),
          },
          { header: "Movement", className: "capitalize", cell: (r) => r.type.replace(/_/g, " ") },
          { header: "Status", cell: (r) => `${r.from_status ?? "—"} → ${r.to_status ?? "—"}` },
          { header: "Location", cell: (r) => `${labelOf(locations, r.from_location_id)} → ${labelOf(locations, r.to_location_id)}` },
          { header: "Reference", cell: (r) => (r.reference_type ? `${r.reference_type.replace(/_/g, " ")} ${r.reference_id ?? ""}` : "—") },
        ]}
        rows={pages.rows}
        isLoading={pages.isLoading}
        emptyText="No movements match."
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
  const { get, set } = useUrlState()
  const tab = get("tab") ?? "summary"
  return (
    <Container className="p-0">
      <SectionHeader level="h1" title="Serial reports" subtitle="Where serials are and in which status, what ends soon, and every movement." />
      {/* A new tab starts without the other tab's filters. */}
      <Tabs value={tab} onValueChange={(t) => set({ tab: t === "summary" ? undefined : t, stock_location_id: undefined, within_days: undefined, type: undefined, from: undefined, to: undefined })}>
        <Tabs.List className="px-6">
          <Tabs.Trigger value="summary">Status by location</Tabs.Trigger>
          <Tabs.Trigger value="warranty-expiry">Warranties ending</Tabs.Trigger>
          <Tabs.Trigger value="contract-expiry">Contracts ending</Tabs.Trigger>
          <Tabs.Trigger value="ledger">Ledger</Tabs.Trigger>
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

export const config = defineRouteConfig({ label: "Serial reports", icon: ChartBar })

export default SerialReportsPage
