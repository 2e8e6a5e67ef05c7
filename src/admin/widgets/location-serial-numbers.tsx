import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminStockLocation, DetailWidgetProps } from "@medusajs/framework/types"
import { Button, Container, Drawer, Table, Text } from "@medusajs/ui"
import { useState } from "react"
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
  const { data, isLoading } = useSerialSummary({ stock_location_id: location.id, group_by: "variant" })
  const rows = (data?.rows ?? []).filter((r) => r.variant_id && r.active + r.reserved > 0)
  const { labels } = useVariantLabels(rows.map((r) => r.variant_id as string))
  const total = rows.reduce((n, r) => n + r.active + r.reserved, 0)
  const [transferring, setTransferring] = useState(false)

  return (
    <Container className="divide-y p-0" data-testid="location-serial-numbers-widget">
      <WidgetHeader
        title="Serial numbers in stock"
        subtitle={isLoading ? undefined : `${total} serial${total === 1 ? "" : "s"} at this location`}
        actions={
          <div className="flex items-center gap-x-2">
            <Drawer open={transferring} onOpenChange={setTransferring}>
              <Drawer.Trigger asChild>
                <Button size="small" variant="secondary" disabled={!rows.length}>
                  Transfer
                </Button>
              </Drawer.Trigger>
              <Drawer.Content>
                <Drawer.Header>
                  <Drawer.Title>Transfer serials from {location.name}</Drawer.Title>
                </Drawer.Header>
                <Drawer.Body>
                  <SerialTransferForm fromLocationId={location.id} onDone={() => setTransferring(false)} />
                </Drawer.Body>
              </Drawer.Content>
            </Drawer>
            <Button size="small" variant="secondary" asChild>
              <Link to={`/serial-stock-takes?location_id=${location.id}`}>Stock-take</Link>
            </Button>
            <SerialListLink filter={{ stock_location_id: location.id, status: "active" }} />
          </div>
        }
      />
      {!isLoading && !rows.length ? (
        <div className="px-6 py-4">
          <Text size="small" className="text-ui-fg-subtle">
            No serial numbers in stock here
          </Text>
        </div>
      ) : (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Product</Table.HeaderCell>
              <Table.HeaderCell>Variant</Table.HeaderCell>
              <Table.HeaderCell>SKU</Table.HeaderCell>
              <Table.HeaderCell className="text-right">In stock</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Reserved</Table.HeaderCell>
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
