import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Hashtag } from "@medusajs/icons"
import { Button, Checkbox, Container, Heading, Input, Table, Text } from "@medusajs/ui"
import { useMemo, useState } from "react"
import { Link, useNavigate } from "react-router-dom"
import { FilterSelect } from "../../components/filter-select"
import { ListPagination } from "../../components/list-pagination"
import { SERIAL_STATUS_LABELS, SerialStatusBadge, WarrantyBadge } from "../../components/serial-status-badge"
import { serialNumbersExportUrl, useSerialNumbers, type SerialListQuery } from "../../hooks/api/serial-numbers"
import {
  labelOf,
  useCustomerOptions,
  useProductOptions,
  useStockLocationOptions,
} from "../../hooks/api/store-records"
import { formatDate, warrantyState } from "../../lib/format"
import { useUrlState } from "../../lib/url-state"

const PAGE_SIZE = 20
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
  const offset = Number(get("offset") ?? 0) || 0
  const order = get("order") ?? "-created_at"

  const query = useMemo(() => {
    const q: SerialListQuery = { limit: PAGE_SIZE, offset, order }
    for (const key of FILTERS) {
      const value = params.get(key)
      if (value) {
        q[key] = value
      }
    }
    return q
  }, [params, offset, order])

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

  const { limit: _l, offset: _o, ...filtersOnly } = query

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h1">Serial numbers</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Every serialized unit: where it is, who has it, and its warranty.
          </Text>
        </div>
        <div className="flex gap-2">
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
        </div>
      </div>
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
        <FilterSelect label="Product" value={get("product_id")} options={products ?? []} onChange={(v) => set({ product_id: v })} />
        <FilterSelect
          label="Location"
          value={get("stock_location_id")}
          options={locations ?? []}
          onChange={(v) => set({ stock_location_id: v })}
        />
        <FilterSelect label="Customer" value={get("customer_id")} options={customers ?? []} onChange={(v) => set({ customer_id: v })} />
        <FilterSelect label="Warranty" value={get("warranty_state")} options={WARRANTY_OPTIONS} onChange={(v) => set({ warranty_state: v })} />
        <FilterSelect label="Sort" value={order} options={SORTS} onChange={(v) => set({ order: v })} />
        {FILTERS.some((f) => params.get(f)) && (
          <Button size="small" variant="transparent" onClick={() => set(Object.fromEntries(FILTERS.map((f) => [f, undefined])))}>
            Clear filters
          </Button>
        )}
      </div>
      {isError ? (
        <div className="px-6 py-4">
          <Text className="text-ui-fg-error">{(error as Error)?.message ?? "The list could not be loaded."}</Text>
        </div>
      ) : (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell className="w-8">
                <Checkbox
                  aria-label="Select all on this page"
                  checked={allOnPage}
                  onCheckedChange={(on) => rows.forEach((r) => toggle(r.id, !!on))}
                />
              </Table.HeaderCell>
              <Table.HeaderCell>Serial number</Table.HeaderCell>
              <Table.HeaderCell>Status</Table.HeaderCell>
              <Table.HeaderCell>Product</Table.HeaderCell>
              <Table.HeaderCell>Location</Table.HeaderCell>
              <Table.HeaderCell>Customer</Table.HeaderCell>
              <Table.HeaderCell>Warranty</Table.HeaderCell>
              <Table.HeaderCell>Received</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {rows.map((s) => (
              <Table.Row key={s.id} className="cursor-pointer" onClick={() => navigate(`/serial-numbers/${s.id}`)}>
                <Table.Cell onClick={(e) => e.stopPropagation()}>
                  <Checkbox
                    aria-label={`Select ${s.serial_number}`}
                    checked={selected.has(s.id)}
                    onCheckedChange={(on) => toggle(s.id, !!on)}
                  />
                </Table.Cell>
                <Table.Cell className="font-mono">{s.serial_number}</Table.Cell>
                <Table.Cell>
                  <SerialStatusBadge status={s.status} />
                </Table.Cell>
                <Table.Cell>{labelOf(products, s.product_id)}</Table.Cell>
                <Table.Cell>{labelOf(locations, s.stock_location_id)}</Table.Cell>
                <Table.Cell>{labelOf(customers, s.customer_id)}</Table.Cell>
                <Table.Cell>
                  <WarrantyBadge state={warrantyState(s.warranty_expires_at)} />
                </Table.Cell>
                <Table.Cell>{formatDate(s.received_at)}</Table.Cell>
              </Table.Row>
            ))}
            {!isLoading && rows.length === 0 && (
              <Table.Row>
                <td colSpan={8} className="px-6">
                  <Text size="small" className="text-ui-fg-subtle py-4">
                    No serial numbers match these filters.
                  </Text>
                </td>
              </Table.Row>
            )}
          </Table.Body>
        </Table>
      )}
      <ListPagination
        count={data?.count ?? 0}
        offset={offset}
        limit={PAGE_SIZE}
        onOffset={(o) => set({ offset: o || undefined }, { keepOffset: true })}
      />
    </Container>
  )
}

export const config = defineRouteConfig({ label: "Serial numbers", icon: Hashtag })

export default SerialNumbersPage
