import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Hashtag } from "@medusajs/icons"
import { Button, Checkbox, Container, Input } from "@medusajs/ui"
import { useMemo, useState } from "react"
import { Link, useNavigate } from "react-router-dom"
import { FilterSelect } from "../../components/filter-select"
import { SearchFilter } from "../../components/search-filter"
import { ListTable } from "../../components/list-table"
import { SectionHeader } from "../../components/section-header"
import { SerialStatusBadge, WarrantyBadge } from "../../components/serial-status-badge"
import { serialNumbersExportUrl, useSerialNumbers, type SerialListQuery } from "../../hooks/api/serial-numbers"
import {
  labelOf,
  useCustomerOptions,
  useProductOptions,
  useStockLocationOptions,
  searchCustomers,
  describeCustomer,
  searchProducts,
  describeProduct,
} from "../../hooks/api/store-records"
import { formatDate } from "../../lib/format"
import { warrantyState } from "../../../shared/warranty-state"
import { SERIAL_STATUS_LABELS } from "../../../shared/statuses"
import { defaultSerialListOrder } from "../../../shared/serial-list"
import { useUrlCursorPage, useUrlState } from "../../lib/url-state"

const FILTERS = ["q", "status", "product_id", "variant_id", "stock_location_id", "customer_id", "order_id", "receipt_id", "series_id", "warranty_state"]

const SORTS: Array<{ value: string; label: string }> = [
  { value: "-created_at", label: "Newest first" },
  { value: "created_at", label: "Oldest first" },
  { value: "serial_number", label: "Serial A–Z" },
  { value: "-serial_number", label: "Serial Z–A" },
  { value: "-received_at", label: "Received, newest" },
  { value: "-delivered_at", label: "Delivered, newest" },
  { value: "warranty_expires_at", label: "Warranty ends first" },
]

const WARRANTY_OPTIONS = [
  { value: "under_warranty", label: "Under warranty" },
  { value: "expired", label: "Warranty expired" },
  { value: "none", label: "No warranty" },
]

const SerialNumbersPage = () => {
  const { params, get, set } = useUrlState()
  const navigate = useNavigate()
  const [selected, setSelected] = useState<Set<string>>(new Set())
  const page = useUrlCursorPage()
  const { after, limit } = page
  const order = get("order") ?? defaultSerialListOrder({ warranty_state: get("warranty_state") })

  const query = useMemo(() => {
    const q: SerialListQuery = { limit, after, order }
    for (const key of FILTERS) {
      const value = params.get(key)
      if (value) {
        q[key] = value
      }
    }
    return q
  }, [params, limit, after, order])

  const { data, isLoading, isError, error } = useSerialNumbers(query)
  const locations = useStockLocationOptions().data
  const products = useProductOptions().data
  const customers = useCustomerOptions().data
  const rows = data?.serial_numbers ?? []
  const allOnPage = rows.length > 0 && rows.every((r) => selected.has(r.id))

  const toggle = (id: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current)
      on ? next.add(id) : next.delete(id)
      return next
    })

  const { limit: _l, after: _a, ...filtersOnly } = query

  return (
    <Container className="divide-y p-0">
      <SectionHeader
        level="h1"
        title="Serial numbers"
        subtitle="Every serialized unit: where it is, who has it, and its warranty."
        actions={
          <>
            <Button size="small" variant="secondary" asChild>
              <a href={serialNumbersExportUrl(filtersOnly)} download>
                Export CSV
              </a>
            </Button>
            <Button
              size="small"
              variant="secondary"
              disabled={!selected.size}
              onClick={() => navigate(`/serial-labels?ids=${[...selected].join(",")}`)}
            >
              Print labels{selected.size ? ` (${selected.size})` : ""}
            </Button>
            <Button size="small" variant="secondary" asChild>
              <Link to="/serial-receipts/receive">Receive stock</Link>
            </Button>
          </>
        }
      />
      <div className="flex flex-wrap items-center gap-2 px-6 py-3">
        <Input
          size="small"
          type="search"
          placeholder="Search serial numbers"
          className="w-[220px]"
          defaultValue={get("q") ?? ""}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              set({ q: (e.target as HTMLInputElement).value.trim() })
            }
          }}
          onBlur={(e) => set({ q: e.target.value.trim() })}
        />
        <FilterSelect
          label="Status"
          value={get("status")}
          options={Object.entries(SERIAL_STATUS_LABELS).map(([value, label]) => ({ value, label }))}
          onChange={(v) => set({ status: v })}
        />
        <SearchFilter
          label="Product"
          value={get("product_id")}
          onChange={(v) => set({ product_id: v })}
          search={searchProducts}
          describe={describeProduct}
        />
        <FilterSelect
          label="Location"
          value={get("stock_location_id")}
          options={locations ?? []}
          onChange={(v) => set({ stock_location_id: v })}
        />
        <SearchFilter
          label="Customer"
          value={get("customer_id")}
          onChange={(v) => set({ customer_id: v })}
          search={searchCustomers}
          describe={describeCustomer}
        />
        <FilterSelect label="Warranty" value={get("warranty_state")} options={WARRANTY_OPTIONS} onChange={(v) => set({ warranty_state: v })} />
        <FilterSelect label="Sort" value={order} options={SORTS} onChange={(v) => set({ order: v })} />
        {FILTERS.some((f) => params.get(f)) && (
          <Button size="small" variant="transparent" onClick={() => set(Object.fromEntries(FILTERS.map((f) => [f, undefined])))}>
            Clear filters
          </Button>
        )}
      </div>
      <ListTable
        columns={[
          {
            header: (
              <Checkbox
                aria-label="Select all on this page"
                checked={allOnPage}
                onCheckedChange={(on) => rows.forEach((r) => toggle(r.id, !!on))}
              />
            ),
            headerClassName: "w-8",
            ownClicks: true,
            cell: (s) => (
              <Checkbox aria-label={`Select ${s.serial_number}`} checked={selected.has(s.id)} onCheckedChange={(on) => toggle(s.id, !!on)} />
            ),
          },
          { header: "Serial number", className: "font-mono", cell: (s) => s.serial_number },
          { header: "Status", cell: (s) => <SerialStatusBadge status={s.status} /> },
          { header: "Product", cell: (s) => labelOf(products, s.product_id) },
          { header: "Location", cell: (s) => labelOf(locations, s.stock_location_id) },
          { header: "Customer", cell: (s) => labelOf(customers, s.customer_id) },
          { header: "Warranty", cell: (s) => <WarrantyBadge state={warrantyState(s.warranty_expires_at)} /> },
          { header: "Received", cell: (s) => formatDate(s.received_at) },
        ]}
        rows={rows}
        rowHref={(s) => `/serial-numbers/${s.id}`}
        isLoading={isLoading}
        emptyText="No serial numbers match these filters."
        error={isError ? ((error as Error)?.message ?? "The list could not be loaded.") : undefined}
        page={{
          count: data?.count ?? 0,
          estimated: data?.count_is_estimate ?? false,
          pageIndex: page.pageIndex,
          limit,
          hasNext: !!data?.next_cursor,
          onNext: () => page.onNext(data?.next_cursor),
          onPrevious: page.onPrevious,
        }}
      />
    </Container>
  )
}

export const config = defineRouteConfig({ label: "Serial numbers", icon: Hashtag })

export default SerialNumbersPage
