import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ShieldCheck } from "@medusajs/icons"
import { Container, Heading, Table, Text } from "@medusajs/ui"
import { Link, useNavigate } from "react-router-dom"
import { ClaimStatusBadge, CLAIM_STATUS_LABELS } from "../../components/claim-status-badge"
import { FilterSelect } from "../../components/filter-select"
import { ListPagination } from "../../components/list-pagination"
import { useWarrantyClaims } from "../../hooks/api/warranty-claims"
import { labelOf, useCustomerOptions } from "../../hooks/api/store-records"
import { formatDate } from "../../lib/format"
import { useUrlState } from "../../lib/url-state"

const PAGE_SIZE = 20

const WarrantyClaimsPage = () => {
  const { get, set } = useUrlState()
  const navigate = useNavigate()
  const offset = Number(get("offset") ?? 0) || 0
  const customers = useCustomerOptions().data
  const query: Record<string, string | number> = { limit: PAGE_SIZE, offset, order: "-filed_at" }
  for (const key of ["status", "covered", "customer_id", "serial_number_id"]) {
    const value = get(key)
    if (value) query[key] = value
  }
  const { data, isLoading } = useWarrantyClaims(query)
  const rows = data?.warranty_claims ?? []
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h1">Warranty claims</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Claims filed by customers or staff, with the coverage the unit had when filed.
        </Text>
      </div>
      <div className="flex gap-2 px-6 py-3">
        <FilterSelect
          label="Status"
          value={get("status")}
          options={Object.entries(CLAIM_STATUS_LABELS).map(([value, label]) => ({ value, label }))}
          onChange={(v) => set({ status: v })}
        />
        <FilterSelect
          label="Coverage"
          value={get("covered")}
          options={[
            { value: "true", label: "Covered" },
            { value: "false", label: "Not covered" },
          ]}
          onChange={(v) => set({ covered: v })}
        />
      </div>
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Claim</Table.HeaderCell>
            <Table.HeaderCell>Filed</Table.HeaderCell>
            <Table.HeaderCell>Serial number</Table.HeaderCell>
            <Table.HeaderCell>Customer</Table.HeaderCell>
            <Table.HeaderCell>Problem</Table.HeaderCell>
            <Table.HeaderCell>Coverage</Table.HeaderCell>
            <Table.HeaderCell>Status</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {rows.map((c) => (
            <Table.Row key={c.id} className="cursor-pointer" onClick={() => navigate(`/warranty-claims/${c.id}`)}>
              <Table.Cell>#{c.display_id}</Table.Cell>
              <Table.Cell>{formatDate(c.filed_at)}</Table.Cell>
              <Table.Cell onClick={(e) => e.stopPropagation()}>
                <Link className="text-ui-fg-interactive font-mono" to={`/serial-numbers/${c.serial_number_id}`}>
                  {c.serial_number}
                </Link>
              </Table.Cell>
              <Table.Cell>{labelOf(customers, c.customer_id)}</Table.Cell>
              <Table.Cell className="max-w-[260px] truncate">{c.description}</Table.Cell>
              <Table.Cell>{c.covered ? "Covered" : "Not covered"}</Table.Cell>
              <Table.Cell>
                <ClaimStatusBadge status={c.status} />
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      {!isLoading && rows.length === 0 && (
        <div className="px-6 py-4">
          <Text size="small" className="text-ui-fg-subtle">
            No claims match.
          </Text>
        </div>
      )}
      <ListPagination count={data?.count ?? 0} offset={offset} limit={PAGE_SIZE} onOffset={(o) => set({ offset: o || undefined }, { keepOffset: true })} />
    </Container>
  )
}

export const config = defineRouteConfig({ label: "Warranty claims", icon: ShieldCheck })

export default WarrantyClaimsPage
