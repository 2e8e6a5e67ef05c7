import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminProductVariant, DetailWidgetProps } from "@medusajs/framework/types"
import { Container, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { LocationStockTable } from "../components/location-stock-table"
import { SerialListLink } from "../components/serial-list-link"
import { SerialSettingsForm } from "../components/serial-settings-form"
import { StatusCounts, sumStatuses } from "../components/status-counts"
import { WidgetHeader } from "../components/widget-header"
import { useSerialSummary } from "../hooks/api/serial-reports"
import { useSerialSettings } from "../hooks/api/serial-settings"
import { useStockLocationNames } from "../hooks/api/stock-locations"

/** Variant page: its serial settings, its serials by status, and stock per location. */
const VariantSerialNumbersWidget = ({ data: variant }: DetailWidgetProps<AdminProductVariant>) => {
  const { t } = useTranslation(undefined, { keyPrefix: "serials.widgets" })
  const { t: tc } = useTranslation(undefined, { keyPrefix: "serials.common" })
  const { data, isLoading, error } = useSerialSettings(variant.id)
  const summary = useSerialSummary({ variant_id: variant.id, group_by: "variant" })
  const { names } = useStockLocationNames()
  const settings = data?.serial_settings

  return (
    <Container className="divide-y p-0" data-testid="variant-serial-numbers-widget">
      <WidgetHeader
        title={t("serialNumbers")}
        actions={<SerialListLink filter={{ variant_id: variant.id }} />}
      />
      <div className="px-6 py-4">
        {error ? (
          <Text size="small" className="text-ui-fg-error">
            {error.message}
          </Text>
        ) : isLoading || !settings ? (
          <Text size="small" className="text-ui-fg-subtle">
            {tc("loading")}
          </Text>
        ) : (
          <SerialSettingsForm settings={settings} sku={variant.sku} />
        )}
      </div>
      <div className="flex flex-col gap-y-2 px-6 py-4">
        <Text size="small" weight="plus">
          {t("variant.byStatus")}
        </Text>
        <StatusCounts counts={sumStatuses(summary.data?.rows ?? [])} />
      </div>
      <div className="flex flex-col gap-y-2 px-6 py-4">
        <Text size="small" weight="plus">
          {t("stockByLocation")}
        </Text>
        <LocationStockTable stock={settings?.stock ?? []} locationNames={names} variantId={variant.id} />
      </div>
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "product_variant.details.after",
})

export default VariantSerialNumbersWidget
