import { Button, Drawer, StatusBadge, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import type { LocationStock } from "../../shared/http/admin"
import { PickLeftSerialsForm } from "./write-off-form"

/** Serials beyond Medusa's count at one location: the operator picks which ones left. */
const PickLeftSerials = ({ variantId, locationId, locationName, beyond }: { variantId: string; locationId: string; locationName: string; beyond: number }) => {
  const { t } = useTranslation(undefined, { keyPrefix: "serials.widgets.locationStock" })
  const [open, setOpen] = useState(false)
  return (
    <Drawer open={open} onOpenChange={setOpen}>
      <Drawer.Trigger asChild>
        <Button size="small" variant="transparent">
          {t("pickLeft")}
        </Button>
      </Drawer.Trigger>
      <Drawer.Content>
        <Drawer.Header>
          <Drawer.Title>{t("leftTitle", { location: locationName })}</Drawer.Title>
        </Drawer.Header>
        <Drawer.Body>
          <PickLeftSerialsForm variantId={variantId} locationId={locationId} beyond={beyond} onDone={() => setOpen(false)} />
        </Drawer.Body>
      </Drawer.Content>
    </Drawer>
  )
}

/**
 * Medusa's stocked quantity next to the serials in stock, per location. A difference is
 * stock no serial stands for (or serials beyond Medusa's count), shown in orange. For one
 * variant (`variantId`), serials beyond Medusa's count offer to pick which ones left.
 */
export const LocationStockTable = ({
  stock,
  locationNames,
  variantId,
}: {
  stock: LocationStock[]
  locationNames: Record<string, string>
  variantId?: string
}) => {
  const { t } = useTranslation(undefined, { keyPrefix: "serials.widgets.locationStock" })
  const { t: tw } = useTranslation(undefined, { keyPrefix: "serials.widgets" })
  if (!stock.length) {
    return (
      <Text size="small" className="text-ui-fg-subtle">
        {t("empty")}
      </Text>
    )
  }
  return (
    <Table>
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell>{tw("columns.location")}</Table.HeaderCell>
          <Table.HeaderCell className="text-right">{tw("columns.stocked")}</Table.HeaderCell>
          <Table.HeaderCell className="text-right">{tw("columns.serialsInStock")}</Table.HeaderCell>
          <Table.HeaderCell className="text-right">{tw("columns.unserialized")}</Table.HeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {stock.map((row) => (
          <Table.Row key={row.location_id} data-testid="location-stock-row">
            <Table.Cell>{locationNames[row.location_id] ?? row.location_id}</Table.Cell>
            <Table.Cell className="text-right">{row.stocked_quantity}</Table.Cell>
            <Table.Cell className="text-right">{row.serials_in_stock}</Table.Cell>
            <Table.Cell className="text-right">
              {row.unserialized === 0 ? (
                <span className="text-ui-fg-subtle">0</span>
              ) : (
                <div className="flex items-center justify-end gap-x-2">
                  <StatusBadge color="orange" title={row.unserialized > 0 ? t("withoutSerialTitle") : t("beyondTitle")}>
                    {row.unserialized > 0 ? tw("withoutSerial", { count: row.unserialized }) : t("tooMany", { count: -row.unserialized })}
                  </StatusBadge>
                  {variantId && row.unserialized < 0 && (
                    <PickLeftSerials
                      variantId={variantId}
                      locationId={row.location_id}
                      locationName={locationNames[row.location_id] ?? row.location_id}
                      beyond={-row.unserialized}
                    />
                  )}
                </div>
              )}
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  )
}
