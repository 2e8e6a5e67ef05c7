import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminStockLocation, DetailWidgetProps } from "@medusajs/framework/types"
import { Button, Container, Drawer, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { SerialListLink } from "../components/serial-list-link"
import { SerialTransferForm } from "../components/serial-transfer-form"
import { WidgetHeader } from "../components/widget-header"
import { useVariantLabels } from "../hooks/api/product-variants"
import { useSerialSummary } from "../hooks/api/serial-reports"

/**
 * Stock location page: the serials in stock there, one row per variant with its count, and
 * a Transfer action that sends scanned serials to another location, and the way to a
 * stock-take of the location.
 */
const LocationSerialNumbersWidget = ({ data: location }: DetailWidgetProps<AdminStockLocation>) => {
  const { t } = useTranslation(undefined, { keyPrefix: "serials.widgets" })
  const { data, isLoading } = useSerialSummary({ stock_location_id: location.id, group_by: "variant" })
  const rows = (data?.rows ?? []).filter((r) => r.variant_id && r.active + r.reserved > 0)
  const { labels } = useVariantLabels(rows.map((r) => r.variant_id as string))
  const total = rows.reduce((n, r) => n + r.active + r.reserved, 0)
  const [transferring, setTransferring] = useState(false)

  return (
    <Container className="divide-y p-0" data-testid="location-serial-numbers-widget">
      <WidgetHeader
        title={t("location.title")}
        subtitle={isLoading ? undefined : t("location.count", { count: total })}
        actions={
          <div className="flex items-center gap-x-2">
            <Drawer open={transferring} onOpenChange={setTransferring}>
              <Drawer.Trigger asChild>
                <Button size="small" variant="secondary" disabled={!rows.length}>
                  {t("location.transfer")}
                </Button>
              </Drawer.Trigger>
              <Drawer.Content>
                <Drawer.Header>
                  <Drawer.Title>{t("location.transferTitle", { location: location.name })}</Drawer.Title>
                </Drawer.Header>
                <Drawer.Body>
                  <SerialTransferForm fromLocationId={location.id} onDone={() => setTransferring(false)} />
                </Drawer.Body>
              </Drawer.Content>
            </Drawer>
            <Button size="small" variant="secondary" asChild>
              <Link to={`/serial-stock-takes?location_id=${location.id}`}>{t("location.stockTake")}</Link>
            </Button>
            <SerialListLink filter={{ stock_location_id: location.id, status: "active" }} />
          </div>
        }
      />
      {!isLoading && !rows.length ? (
        <div className="px-6 py-4">
          <Text size="small" className="text-ui-fg-subtle">
            {t("location.empty")}
          </Text>
        </div>
      ) : (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>{t("columns.product")}</Table.HeaderCell>
              <Table.HeaderCell>{t("columns.variant")}</Table.HeaderCell>
              <Table.HeaderCell>{t("columns.sku")}</Table.HeaderCell>
              <Table.HeaderCell className="text-right">{t("columns.inStock")}</Table.HeaderCell>
              <Table.HeaderCell className="text-right">{t("columns.reserved")}</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {rows.map((r) => {
              const label = labels[r.variant_id as string]
              return (
                <Table.Row key={r.variant_id} data-testid="location-serial-row">
                  <Table.Cell>
                    {label?.product_id ? (
                      <Link className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover" to={`/products/${label.product_id}`}>
                        {label.product_title}
                      </Link>
                    ) : (
                      label?.product_title ?? "—"
                    )}
                  </Table.Cell>
                  <Table.Cell>{label?.title ?? r.variant_id}</Table.Cell>
                  <Table.Cell>{label?.sku ?? "—"}</Table.Cell>
                  <Table.Cell className="text-right">{r.active}</Table.Cell>
                  <Table.Cell className="text-right">{r.reserved}</Table.Cell>
                </Table.Row>
              )
            })}
          </Table.Body>
        </Table>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "location.details.after",
})

export default LocationSerialNumbersWidget
