import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ShieldCheck } from "@medusajs/icons"
import { Container } from "@medusajs/ui"
import { ClaimStatusBadge } from "../../components/claim-status-badge"
import { CLAIM_STATUS_LABELS } from "../../../shared/statuses"
import { FilterSelect } from "../../components/filter-select"
import { ListTable } from "../../components/list-table"
import { SectionHeader } from "../../components/section-header"
import { useWarrantyClaims } from "../../hooks/api/warranty-claims"
import { labelOf, useCustomerOptions } from "../../hooks/api/store-records"
import { formatDate } from "../../lib/format"
import { useUrlPage, useUrlState } from "../../lib/url-state"
import { SerialLink } from "../../components/serial-link"

const WarrantyClaimsPage = () => {
  const { get, set } = useUrlState()
  const page = useUrlPage()
  const customers = useCustomerOptions().data
  const query: Record<string, string | number> = { limit: page.limit, offset: page.offset, order: "-filed_at" }
  for (const key of ["status", "covered", "customer_id", "serial_number_id"]) {
    const value = get(key)
    if (value) query[key] = value
  }
  const { data, isLoading } = useWarrantyClaims(query)
  const rows = data?.warranty_claims ?? []
  return (
    <Container className="divide-y p-0">
      <SectionHeader
        level="h1"
        title="Warranty claims"
        subtitle="Claims filed by customers or staff, with the coverage the unit had when filed."
      />
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
      <ListTable
        columns={[
          { header: "Claim", cell: (c) => `#${c.display_id}` },
          { header: "Filed", cell: (c) => formatDate(c.filed_at) },
          {
            header: "Serial number",
            ownClicks: true,
            cell: (c) => (
              <SerialLink id={c.serial_number_id} text={c.serial_number} />
            ),
          },
          { header: "Customer", cell: (c) => labelOf(customers, c.customer_id) },
          { header: "Problem", className: "max-w-[260px] truncate", cell: (c) => c.description },
          { header: "Coverage", cell: (c) => (c.covered ? "Covered" : "Not covered") },
          { header: "Status", cell: (c) => <ClaimStatusBadge status={c.status} /> },
        ]}
        rows={rows}
        rowHref={(c) => `/warranty-claims/${c.id}`}
        isLoading={isLoading}
        emptyText="No claims match."
        page={{ ...page, count: data?.count ?? 0 }}
      />
    </Container>
  )
}

export const config = defineRouteConfig({ label: "Warranty claims", icon: ShieldCheck })

export default WarrantyClaimsPage
