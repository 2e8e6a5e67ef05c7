import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Hashtag } from "@medusajs/icons"
import { Button, Checkbox, Container, Input } from "@medusajs/ui"
import { useMemo, useState } from "react"
import { useTranslation } from "react-i18next"
import { Link, useNavigate } from "react-router-dom"
import { FilterSelect } from "../../components/filter-select"
import { SearchFilter } from "../../components/search-filter"
import { ListTable } from "../../components/list-table"
import { SectionHeader } from "../../components/section-header"
import { SerialStatusBadge, WarrantyBadge } from "../../components/serial-status-badge"
import { serialNumbersExportUrl, useSerialNumbers, type SerialListQuery } from "../../hooks/api/serial-numbers"
import {
  labelOf,
  useCustomerNames,
  useLocationNames,
  useProductNames,
  searchCustomers,
  describeCustomer,
  searchLocations,
  describeLocation,
  searchProducts,
  describeProduct,
} from "../../hooks/api/store-records"
import { useFormat } from "../../lib/format"
import { warrantyState, type WarrantyState } from "../../../shared/warranty-state"
import { SERIAL_STATUSES } from "../../../shared/statuses"
import { defaultSerialListOrder } from "../../../shared/serial-list"
import { useUrlCursorPage, useUrlState } from "../../lib/url-state"

const FILTERS = ["q", "status", "product_id", "variant_id", "stock_location_id", "customer_id", "order_id", "receipt_id", "series_id", "warranty_state"]

/** The warranty filter's options, in this order. */
const WARRANTY_STATES: WarrantyState[] = ["under_warranty", "expired", "none"]

const SerialNumbersPage = () => {
  const { t } = useTranslation(undefined, { keyPrefix: "serials.serialList" })
  const { t: tc } = useTranslation(undefined, { keyPrefix: "serials.common" })
  const { date } = useFormat()
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
  const rows = data?.serial_numbers ?? []
  const locations = useLocationNames(rows.map((r) => r.stock_location_id))
  const products = useProductNames(rows.map((r) => r.product_id))
  const customers = useCustomerNames(rows.map((r) => r.customer_id))
  const allOnPage = rows.length > 0 && rows.every((r) => selected.has(r.id))

  const toggle = (id: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current)
      on ? next.add(id) : next.delete(id)
      return next
    })

  const { limit: _l, after: _a, ...filtersOnly } = query

  const sorts: Array<{ value: string; label: string }> = [
    { value: "-created_at", label: t("sort.newest") },
    { value: "created_at", label: t("sort.oldest") },
    { value: "serial_number", label: t("sort.serialAsc") },
    { value: "-serial_number", label: t("sort.serialDesc") },
    { value: "-received_at", label: t("sort.receivedNewest") },
    { value: "-delivered_at", label: t("sort.deliveredNewest") },
    { value: "warranty_expires_at", label: t("sort.warrantyEndsFirst") },
  ]
  const statusOptions = SERIAL_STATUSES.map((value) => ({ value, label: tc(`serialStatus.${value}`) }))
  const warrantyOptions = WARRANTY_STATES.map((value) => ({ value, label: tc(`warrantyState.${value}`) }))

  return (
    <Container className="divide-y p-0">
      <SectionHeader
        level="h1"
        title={t("title")}
        subtitle={t("subtitle")}
        actions={
          <>
            <Button size="small" variant="secondary" asChild>
              <a href={serialNumbersExportUrl(filtersOnly)} download>
                {t("exportCsv")}
              </a>
            </Button>
            <Button
              size="small"
              variant="secondary"
              disabled={!selected.size}
              onClick={() => navigate(`/serial-labels?ids=${[...selected].join(",")}`)}
            >
              {t("printLabels")}
              {selected.size ? ` (${selected.size})` : ""}
            </Button>
            <Button size="small" variant="secondary" asChild>
              <Link to="/serial-receipts/receive">{t("receiveStock")}</Link>
            </Button>
          </>
        }
      />
      <div className="flex flex-wrap items-center gap-2 px-6 py-3">
        <Input
          size="small"
          type="search"
          placeholder={t("searchPlaceholder")}
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
          label={t("filter.status")}
          value={get("status")}
          options={statusOptions}
          onChange={(v) => set({ status: v })}
        />
        <SearchFilter
          label={t("filter.product")}
          value={get("product_id")}
          onChange={(v) => set({ product_id: v })}
          search={searchProducts}
          describe={describeProduct}
        />
        <SearchFilter
          label={t("filter.location")}
          value={get("stock_location_id")}
          onChange={(v) => set({ stock_location_id: v })}
          search={searchLocations}
          describe={describeLocation}
        />
        <SearchFilter
          label={t("filter.customer")}
          value={get("customer_id")}
          onChange={(v) => set({ customer_id: v })}
          search={searchCustomers}
          describe={describeCustomer}
        />
        <FilterSelect label={t("filter.warranty")} value={get("warranty_state")} options={warrantyOptions} onChange={(v) => set({ warranty_state: v })} />
        <FilterSelect label={t("filter.sort")} value={order} options={sorts} onChange={(v) => set({ order: v })} />
        {FILTERS.some((f) => params.get(f)) && (
          <Button size="small" variant="transparent" onClick={() => set(Object.fromEntries(FILTERS.map((f) => [f, undefined])))}>
            {t("clearFilters")}
          </Button>
        )}
      </div>
      <ListTable
        columns={[
          {
            header: (
              <Checkbox
                aria-label={t("selectAllOnPage")}
                checked={allOnPage}
                onCheckedChange={(on) => rows.forEach((r) => toggle(r.id, !!on))}
              />
            ),
            headerClassName: "w-8",
            ownClicks: true,
            cell: (s) => (
              <Checkbox aria-label={t("selectSerial", { serial: s.serial_number })} checked={selected.has(s.id)} onCheckedChange={(on) => toggle(s.id, !!on)} />
            ),
          },
          { header: t("column.serialNumber"), className: "font-mono", cell: (s) => s.serial_number },
          { header: t("column.status"), cell: (s) => <SerialStatusBadge status={s.status} /> },
          { header: t("column.product"), cell: (s) => labelOf(products, s.product_id) },
          { header: t("column.location"), cell: (s) => labelOf(locations, s.stock_location_id) },
          { header: t("column.customer"), cell: (s) => labelOf(customers, s.customer_id) },
          { header: t("column.warranty"), cell: (s) => <WarrantyBadge state={warrantyState(s.warranty_expires_at)} /> },
          { header: t("column.received"), cell: (s) => date(s.received_at) },
        ]}
        rows={rows}
        rowHref={(s) => `/serial-numbers/${s.id}`}
        isLoading={isLoading}
        emptyText={t("empty")}
        error={isError ? ((error as Error)?.message ?? t("loadError")) : undefined}
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

export const config = defineRouteConfig({ label: "serials.serialList.menu", translationNs: "translation", icon: Hashtag })

export default SerialNumbersPage
