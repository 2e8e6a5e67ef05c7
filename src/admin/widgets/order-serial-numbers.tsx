import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Container, Text } from "@medusajs/ui"
import { OrderLineSerials } from "../components/order-line-serials"
import { ReturnSerialsPicker } from "../components/return-serials-picker"
import { SerialListLink } from "../components/serial-list-link"
import { WidgetHeader } from "../components/widget-header"
import { useOrderSerials } from "../hooks/api/order-serial-numbers"
import { useOrderReturns } from "../hooks/api/returns"

const RECEIVED = ["received", "partially_received"]

/**
 * Order page: per serialized line, the serials delivered or reserved and what is still
 * missing; assign by scanning, swap before shipment, and say which serials a received
 * return brought back.
 */
const OrderSerialNumbersWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const { data, isLoading, error } = useOrderSerials(order.id)
  const returns = useOrderReturns(order.id)
  const lines = (data?.order_serial_numbers.items ?? []).filter((l) => l.is_serialized || l.serial_numbers.length)
  const canAssign = !["canceled", "archived", "draft"].includes(String(order.status))
  const received = (returns.data?.returns ?? []).filter((r: any) => RECEIVED.includes(r.status))

  if (!isLoading && !error && !lines.length) {
    return null // no serialized line: nothing to show on this order
  }
  return (
    <Container className="divide-y p-0" data-testid="order-serial-numbers-widget">
      <WidgetHeader title="Serial numbers" actions={<SerialListLink filter={{ order_id: order.id }} />} />
      {error && (
        <div className="px-6 py-4">
          <Text size="small" className="text-ui-fg-error">
            {error.message}
          </Text>
        </div>
      )}
      {isLoading && (
        <div className="px-6 py-4">
          <Text size="small" className="text-ui-fg-subtle">
            Loading…
          </Text>
        </div>
      )}
      {lines.map((line) => (
        <OrderLineSerials key={line.line_item_id} orderId={order.id} line={line} canAssign={canAssign} />
      ))}
      {received.map((r: any) => (
        <ReturnSerialsPicker key={r.id} ret={r} lines={lines} />
      ))}
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "order.details.after",
})

export default OrderSerialNumbersWidget
