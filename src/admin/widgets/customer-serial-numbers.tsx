import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { Container, StatusBadge, Table, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { SerialListLink } from "../components/serial-list-link"
import { SerialStatusBadge, WarrantyBadge } from "../components/serial-status-badge"
import { WidgetHeader } from "../components/widget-header"
import { useMaintenanceVisits } from "../hooks/api/maintenance-visits"
import { useVariantLabels } from "../hooks/api/product-variants"
import { useSerialNumbers } from "../hooks/api/serial-numbers"
import { useWarrantyClaims } from "../hooks/api/warranty-claims"
import { useFormat } from "../lib/format"
import { warrantyState } from "../../shared/warranty-state"

const SHOWN = 20
const CLAIM_COLORS: Record<string, "orange" | "blue"> = { open: "orange", in_progress: "blue" }

/** Customer page: the serials the customer owns, their warranty, next visit and open claims. */
const CustomerSerialNumbersWidget = ({ data: customer }: DetailWidgetProps<AdminCustomer>) => {
  const { t } = useTranslation(undefined, { keyPrefix: "serials.widgets" })
  const { t: tc } = useTranslation(undefined, { keyPrefix: "serials.common" })
  const { date } = useFormat()
  const serials = useSerialNumbers({ customer_id: customer.id, limit: SHOWN, order: "-delivered_at" })
  const list = serials.data?.serial_numbers ?? []
  const ids = list.map((s) => s.id)
  const visits = useMaintenanceVisits(
    { serial_number_id: ids, status: "pending", order: "scheduled_date", limit: 200 },
    { enabled: ids.length > 0 }
  )
  const claims = useWarrantyClaims({ customer_id: customer.id, status: ["open", "in_progress"], limit: 50, order: "-created_at" })
  const { labels } = useVariantLabels(list.map((s) => s.variant_id))

  // The soonest pending visit of each serial (the list is ordered by day).
  const nextVisit: Record<string, string> = {}
  for (const v of visits.data?.maintenance_visits ?? []) {
    nextVisit[v.serial_number_id] ??= v.scheduled_date
  }
  const count = serials.data?.count ?? 0
  const openClaims = claims.data?.warranty_claims ?? []

  return (
    <Container className="divide-y p-0" data-testid="customer-serial-numbers-widget">
      <WidgetHeader
        title={t("serialNumbers")}
        subtitle={
          serials.isLoading ? undefined : count > SHOWN ? t("customer.ownedShown", { count, shown: SHOWN }) : t("customer.owned", { count })
        }
        actions={<SerialListLink filter={{ customer_id: customer.id }} />}
      />
      {!serials.isLoading && !list.length ? (
        <div className="px-6 py-4">
          <Text size="small" className="text-ui-fg-subtle">
            {t("customer.empty")}
          </Text>
        </div>
      ) : (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>{t("columns.serialNumber")}</Table.HeaderCell>
              <Table.HeaderCell>{t("columns.status")}</Table.HeaderCell>
              <Table.HeaderCell>{t("columns.warranty")}</Table.HeaderCell>
              <Table.HeaderCell>{t("columns.nextVisit")}</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {list.map((s) => {
              const label = labels[s.variant_id]
              return (
                <Table.Row key={s.id} data-testid="customer-serial-row">
                  <Table.Cell className="py-2">
                    <div className="flex flex-col">
                      <span className="txt-compact-small whitespace-nowrap font-mono">{s.serial_number}</span>
                      <Text size="xsmall" className="text-ui-fg-subtle">
                        {label ? `${label.product_title ?? ""}${label.title ? ` · ${label.title}` : ""}` : "—"}
                      </Text>
                    </div>
                  </Table.Cell>
                  <Table.Cell>
                    <SerialStatusBadge status={s.status} />
                  </Table.Cell>
                  <Table.Cell className="py-2">
                    <div className="flex flex-col items-start gap-y-1">
                      <WarrantyBadge state={warrantyState(s.warranty_expires_at)} />
                      {s.warranty_expires_at && (
                        <Text size="xsmall" className="text-ui-fg-subtle whitespace-nowrap">
                          {t("until", { date: date(s.warranty_expires_at) })}
                        </Text>
                      )}
                    </div>
                  </Table.Cell>
                  <Table.Cell className="whitespace-nowrap">{nextVisit[s.id] ? date(nextVisit[s.id]) : "—"}</Table.Cell>
                </Table.Row>
              )
            })}
          </Table.Body>
        </Table>
      )}
      <div className="flex flex-col gap-y-2 px-6 py-4">
        <Text size="small" weight="plus">
          {t("customer.openClaims")}
        </Text>
        {!openClaims.length ? (
          <Text size="small" className="text-ui-fg-subtle">
            {claims.isLoading ? tc("loading") : t("customer.noOpenClaims")}
          </Text>
        ) : (
          <ul className="flex flex-col gap-y-2">
            {openClaims.map((c) => (
              <li key={c.id} className="flex items-center justify-between gap-x-4" data-testid="customer-open-claim">
                <Text size="small">
                  #{c.display_id} · <span className="font-mono">{c.serial_number}</span> · {c.description}
                </Text>
                <StatusBadge color={CLAIM_COLORS[c.status] ?? "grey"}>{c.status === "in_progress" ? tc("claimStatus.in_progress") : tc("claimStatus.open")}</StatusBadge>
              </li>
            ))}
          </ul>
        )}
      </div>
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "customer.details.after",
})

export default CustomerSerialNumbersWidget
