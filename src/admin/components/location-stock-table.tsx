import { Button, Drawer, StatusBadge, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import type { LocationStock } from "../../shared/http/admin"
import { PickLeftSerialsForm } from "./write-off-form"

/** Serials beyond Medusa's count at one location: the operator picks which ones left. */
const PickLeftSerials = ({ variantId, locationId, locationName, beyond }: { variantId: string; locationId: string; locationName: string; beyond: number }) => {
  const [open, setOpen] = useState(false)
  return (
    <Drawer open={open} onOpenChange={setOpen}>
      <Drawer.Trigger asChild>
        <Button size="small" variant="transparent">
          Pick serials that left
        </Button>
      </Drawer.Trigger>
      <Drawer.Content>
        <Drawer.Header>
          <Drawer.Title>Serials that left {locationName}</Drawer.Title>
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
  if (!stock.length) {
    return (
      <Text size="small" className="text-ui-fg-subtle">
        No stock at any location
      </Text>
    )
  }
  return (
    <Table>
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell>Location</Table.HeaderCell>
          <Table.HeaderCell className="text-right">Stocked</Table.HeaderCell>
          <Table.HeaderCell className="text-right">Serials in stock</Table.HeaderCell>
          <Table.HeaderCell className="text-right">Unserialized</Table.HeaderCell>
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
                  <StatusBadge color="orange" title={row.unserialized > 0 ? "Stock without a serial number" : "Serials beyond the stocked quantity"}>
                    {row.unserialized > 0 ? `${row.unserialized} without serial` : `${-row.unserialized} serials too many`}
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
