import { StatusBadge, Table, Text } from "@medusajs/ui"
import type { LocationStock } from "../../shared/http/admin"

/**
 * Medusa's stocked quantity next to the serials in stock, per location. A difference is
 * stock no serial stands for (or serials beyond Medusa's count), shown in orange.
 */
export const LocationStockTable = ({
  stock,
  locationNames,
}: {
  stock: LocationStock[]
  locationNames: Record<string, string>
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
                <StatusBadge color="orange" title={row.unserialized > 0 ? "Stock without a serial number" : "Serials beyond the stocked quantity"}>
                  {row.unserialized > 0 ? `${row.unserialized} without serial` : `${-row.unserialized} serials too many`}
                </StatusBadge>
              )}
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  )
}
