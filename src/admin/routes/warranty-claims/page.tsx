import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ShieldCheck } from "@medusajs/icons"
import { Container } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { ClaimStatusBadge } from "../../components/claim-status-badge"
import { CLAIM_STATUSES } from "../../../shared/statuses"
import { FilterSelect } from "../../components/filter-select"
import { ListTable } from "../../components/list-table"
import { SectionHeader } from "../../components/section-header"
import { useWarrantyClaims } from "../../hooks/api/warranty-claims"
import { labelOf, useCustomerNames } from "../../hooks/api/store-records"
import { useFormat } from "../../lib/format"
import { useUrlPage, useUrlState } from "../../lib/url-state"
import { SerialLink } from "../../components/serial-link"

const WarrantyClaimsPage = () => {
  const { t } = useTranslation(undefined, { keyPrefix: "serials.claims" })
  const { t: tc } = useTranslation(undefined, { keyPrefix: "serials.common" })
  const { date } = useFormat()
  const { get, set } = useUrlState()
  const page = useUrlPage()
  const query: Record<string, string | number> = { limit: page.limit, offset: page.offset, order: "-filed_at" }
  for (const key of ["status", "covered", "customer_id", "serial_number_id"]) {
    const value = get(key)
    if (value) query[key] = value
  }
  const { data, isLoading } = useWarrantyClaims(query)
  const rows = data?.warranty_claims ?? []
  const customers = useCustomerNames(rows.map((c) => c.customer_id))
  return (
    <Container className="divide-y p-0">
      <SectionHeader
        level="h1"
        title={t("title")}
        subtitle={t("subtitle")}
      />
      <div className="flex gap-2 px-6 py-3">
        <FilterSelect
          label={t("columns.status")}
          value={get("status")}
          options={CLAIM_STATUSES.map((value) => ({ value, label: tc(`claimStatus.${value}`) }))}
          onChange={(v) => set({ status: v })}
        />
        <FilterSelect
          label={t("columns.coverage")}
          value={get("covered")}
          options={[
            { value: "true", label: t("covered") },
            { value: "false", label: t("notCovered") },
          ]}
          onChange={(v) => set({ covered: v })}
        />
      </div>
      <ListTable
        columns={[
          { header: t("columns.claim"), cell: (c) => `#${c.display_id}` },
          { header: t("columns.filed"), cell: (c) => date(c.filed_at) },
          {
            header: t("columns.serialNumber"),
            ownClicks: true,
            cell: (c) => (
              <SerialLink id={c.serial_number_id} text={c.serial_number} />
            ),
          },
          { header: t("columns.customer"), cell: (c) => labelOf(customers, c.customer_id) },
          { header: t("columns.problem"), className: "max-w-[260px] truncate", cell: (c) => c.description },
          { header: t("columns.coverage"), cell: (c) => (c.covered ? t("covered") : t("notCovered")) },
          { header: t("columns.status"), cell: (c) => <ClaimStatusBadge status={c.status} /> },
        ]}
        rows={rows}
        rowHref={(c) => `/warranty-claims/${c.id}`}
        isLoading={isLoading}
        emptyText={t("noMatch")}
        page={{ ...page, count: data?.count ?? 0 }}
      />
    </Container>
  )
}

export const config = defineRouteConfig({ label: "serials.claims.menu", translationNs: "translation", icon: ShieldCheck })

export default WarrantyClaimsPage
