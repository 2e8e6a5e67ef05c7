import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminProduct, DetailWidgetProps } from "@medusajs/framework/types"
import { Button, Container, Drawer, StatusBadge, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { LocationStockTable } from "../components/location-stock-table"
import { SerialListLink } from "../components/serial-list-link"
import { SerialSettingsForm } from "../components/serial-settings-form"
import { StatusCounts, sumStatuses } from "../components/status-counts"
import { WidgetHeader } from "../components/widget-header"
import { useProductVariants } from "../hooks/api/product-variants"
import { useSerialSummary } from "../hooks/api/serial-reports"
import { useSerialSettingsOf } from "../hooks/api/serial-settings"
import type { AdminSerialSettings, LocationStock } from "../../shared/http/admin"
import { useStockLocationNames } from "../hooks/api/stock-locations"

type Variant = { id: string; title: string | null; sku?: string | null }

/** One variant's row: its settings at a glance, its counts, and an editor in a drawer. */
const VariantRow = ({
  variant,
  settings,
  counts,
}: {
  variant: Variant
  settings: AdminSerialSettings | undefined
  counts: Record<string, number>
}) => {
  const { t } = useTranslation(undefined, { keyPrefix: "serials.widgets" })
  const [open, setOpen] = useState(false)
  const warranty = settings?.warranty
  const unserialized = (settings?.stock ?? []).reduce((n, s) => n + s.unserialized, 0)
  return (
    <Table.Row data-testid="product-serial-variant" data-variant-id={variant.id}>
      <Table.Cell className="py-2">
        <div className="flex flex-col">
          <Text size="small" weight="plus" className="whitespace-nowrap">
            {variant.title}
          </Text>
          <Text size="xsmall" className="whitespace-nowrap text-ui-fg-subtle">
            {variant.sku ?? "—"}
          </Text>
        </div>
      </Table.Cell>
      <Table.Cell>
        {!settings ? (
          "…"
        ) : settings.is_serialized ? (
          <StatusBadge color="green">{t("product.serialized")}</StatusBadge>
        ) : (
          <StatusBadge color="grey">{t("product.notSerialized")}</StatusBadge>
        )}
      </Table.Cell>
      <Table.Cell className="whitespace-nowrap">{warranty ? t(`period.${warranty.unit}`, { count: warranty.value, defaultValue: `${warranty.value} ${warranty.unit}` }) : "—"}</Table.Cell>
      <Table.Cell className="text-right">{counts.active ?? 0}</Table.Cell>
      <Table.Cell className="text-right">{counts.delivered ?? 0}</Table.Cell>
      <Table.Cell className="text-right">
        {unserialized === 0 ? (
          <span className="text-ui-fg-subtle">0</span>
        ) : (
          <StatusBadge color="orange" className="whitespace-nowrap">
            {unserialized > 0 ? t("withoutSerial", { count: unserialized }) : t("product.tooMany", { count: -unserialized })}
          </StatusBadge>
        )}
      </Table.Cell>
      <Table.Cell className="text-right">
        {settings && (
          <Drawer open={open} onOpenChange={setOpen}>
            <Drawer.Trigger asChild>
              <Button size="small" variant="transparent">
                {t("product.edit")}
              </Button>
            </Drawer.Trigger>
            <Drawer.Content>
              <Drawer.Header>
                <Drawer.Title>{t("product.settingsTitle", { name: variant.title ?? variant.sku })}</Drawer.Title>
              </Drawer.Header>
              <Drawer.Body>
                <SerialSettingsForm settings={settings} sku={variant.sku} onSaved={() => setOpen(false)} />
              </Drawer.Body>
            </Drawer.Content>
          </Drawer>
        )}
      </Table.Cell>
    </Table.Row>
  )
}

/** Product page: serial settings and counts of every variant, and stock per location. */
const ProductSerialNumbersWidget = ({ data: product }: DetailWidgetProps<AdminProduct>) => {
  const { t } = useTranslation(undefined, { keyPrefix: "serials.widgets" })
  const { data: variantData } = useProductVariants(product.id)
  const variants: Variant[] = (variantData?.variants ?? []) as Variant[]
  const summary = useSerialSummary({ product_id: product.id, group_by: "variant" })
  const { names } = useStockLocationNames()
  const { byVariant } = useSerialSettingsOf(variants.map((v) => v.id))
  const rows = summary.data?.rows ?? []
  const countsOf = (variantId: string) => sumStatuses(rows.filter((r) => r.variant_id === variantId))

  // Stock per location over all variants.
  const byLocation = new Map<string, LocationStock>()
  for (const settings of Object.values(byVariant)) {
    for (const s of settings.stock ?? []) {
      const acc = byLocation.get(s.location_id) ?? { location_id: s.location_id, stocked_quantity: 0, serials_in_stock: 0, unserialized: 0 }
      acc.stocked_quantity += s.stocked_quantity
      acc.serials_in_stock += s.serials_in_stock
      acc.unserialized += s.unserialized
      byLocation.set(s.location_id, acc)
    }
  }

  return (
    <Container className="divide-y p-0" data-testid="product-serial-numbers-widget">
      <WidgetHeader
        title={t("serialNumbers")}
        subtitle={t("product.subtitle")}
        actions={<SerialListLink filter={{ product_id: product.id }} />}
      />
      <div className="px-6 py-4">
        <StatusCounts counts={sumStatuses(rows)} />
      </div>
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>{t("columns.variant")}</Table.HeaderCell>
            <Table.HeaderCell>{t("columns.serials")}</Table.HeaderCell>
            <Table.HeaderCell>{t("columns.warranty")}</Table.HeaderCell>
            <Table.HeaderCell className="text-right">{t("columns.inStock")}</Table.HeaderCell>
            <Table.HeaderCell className="text-right">{t("columns.delivered")}</Table.HeaderCell>
            <Table.HeaderCell className="text-right">{t("columns.unserialized")}</Table.HeaderCell>
            <Table.HeaderCell />
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {variants.map((v) => (
            <VariantRow key={v.id} variant={v} settings={byVariant[v.id]} counts={countsOf(v.id)} />
          ))}
        </Table.Body>
      </Table>
      <div className="flex flex-col gap-y-2 px-6 py-4">
        <Text size="small" weight="plus">
          {t("stockByLocation")}
        </Text>
        <LocationStockTable stock={[...byLocation.values()]} locationNames={names} />
      </div>
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "product.details.after",
})

export default ProductSerialNumbersWidget
