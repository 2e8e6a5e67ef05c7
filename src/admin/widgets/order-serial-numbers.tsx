import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Button, Container, Drawer, Text } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { MaintenanceScheduleForm } from "../components/maintenance-schedule-form"
import { OrderLineSerials } from "../components/order-line-serials"
import { ReturnSerialsPicker } from "../components/return-serials-picker"
import { SerialListLink } from "../components/serial-list-link"
import { WidgetHeader } from "../components/widget-header"
import { useOrderSerials } from "../hooks/api/order-serial-numbers"
import { useOrderReturns } from "../hooks/api/returns"

const RECEIVED = ["received", "partially_received"]

/**
 * Order page: per serialized line, the serials delivered or reserved and what is still
 * missing; assign by scanning, swap before shipment, say which serials a received return
 * brought back, and schedule maintenance of the delivered ones for the order's customer.
 */
const OrderSerialNumbersWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const { t } = useTranslation(undefined, { keyPrefix: "serials.widgets" })
  const { t: tc } = useTranslation(undefined, { keyPrefix: "serials.common" })
  const { data, isLoading, error } = useOrderSerials(order.id)
  const returns = useOrderReturns(order.id)
  const lines = (data?.order_serial_numbers.items ?? []).filter((l) => l.is_serialized || l.serial_numbers.length)
  const canAssign = !["canceled", "archived", "draft"].includes(String(order.status))
  const received = (returns.data?.returns ?? []).filter((r: any) => RECEIVED.includes(r.status))
  const delivered = lines.flatMap((l) => l.serial_numbers).filter((s) => s.status === "delivered")
  const [scheduling, setScheduling] = useState(false)

  if (!isLoading && !error && !lines.length) {
    return null // no serialized line: nothing to show on this order
  }
  return (
    <Container className="divide-y p-0" data-testid="order-serial-numbers-widget">
      <WidgetHeader
        title={t("serialNumbers")}
        actions={
          <div className="flex items-center gap-2">
            {delivered.length > 0 && (
              <Drawer open={scheduling} onOpenChange={setScheduling}>
                <Drawer.Trigger asChild>
                  <Button size="small" variant="secondary">
                    {t("order.scheduleMaintenance")}
                  </Button>
                </Drawer.Trigger>
                <Drawer.Content>
                  <Drawer.Header>
                    <Drawer.Title>{t("order.scheduleTitle", { id: order.display_id })}</Drawer.Title>
                  </Drawer.Header>
                  <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
                    <Text size="small" className="text-ui-fg-subtle">
                      {t("order.scheduleFor", { count: delivered.length })}{" "}
                      <span className="font-mono">{delivered.map((s) => s.serial_number).join(", ")}</span>
                    </Text>
                    <MaintenanceScheduleForm
                      serialNumberIds={delivered.map((s) => s.id)}
                      customerId={order.customer_id}
                      onDone={() => setScheduling(false)}
                    />
                  </Drawer.Body>
                </Drawer.Content>
              </Drawer>
            )}
            <SerialListLink filter={{ order_id: order.id }} />
          </div>
        }
      />
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
            {tc("loading")}
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
