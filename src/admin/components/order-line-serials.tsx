import { Badge, Button, Input, StatusBadge, Table, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { useChangeOrderSerials, useReleaseOrderSerials } from "../hooks/api/order-serial-numbers"
import type { OrderSerialLine } from "../../shared/http/admin"
import { useFormat } from "../lib/format"
import { warrantyState } from "../../shared/warranty-state"
import { inStockOfVariant, SerialScanList } from "./serial-scan-list"
import { SerialStatusBadge, WarrantyBadge } from "./serial-status-badge"

/** Swaps one serial of the line for another in stock, before shipment. */
const SwapForm = ({ orderId, line, from, onDone }: { orderId: string; line: OrderSerialLine; from: string; onDone: () => void }) => {
  const { t } = useTranslation(undefined, { keyPrefix: "serials.widgets.orderLine" })
  const [to, setTo] = useState("")
  const change = useChangeOrderSerials(orderId)
  const submit = () =>
    change.mutate(
      { line_item_id: line.line_item_id, swap: { from, to: to.trim() } },
      {
        onSuccess: () => {
          toast.success(t("swapped", { from, to: to.trim() }))
          onDone()
        },
        onError: (e) => toast.error(e.message),
      }
    )
  return (
    <div className="flex items-center gap-x-2">
      <Input
        size="small"
        autoFocus
        placeholder={t("replacementPlaceholder")}
        aria-label={t("replacementFor", { serial: from })}
        value={to}
        onChange={(e) => setTo(e.target.value)}
        onKeyDown={(e) => e.key === "Enter" && to.trim() && submit()}
      />
      <Button size="small" variant="secondary" disabled={!to.trim()} isLoading={change.isPending} onClick={submit}>
        {t("swap")}
      </Button>
      <Button size="small" variant="transparent" onClick={onDone}>
        {t("cancel")}
      </Button>
    </div>
  )
}

/** One order line: its serials with status and warranty, what it still misses, and actions. */
export const OrderLineSerials = ({ orderId, line, canAssign }: { orderId: string; line: OrderSerialLine; canAssign: boolean }) => {
  const { t } = useTranslation(undefined, { keyPrefix: "serials.widgets.orderLine" })
  const { t: tw } = useTranslation(undefined, { keyPrefix: "serials.widgets" })
  const { date } = useFormat()
  const [swapping, setSwapping] = useState<string | null>(null)
  const change = useChangeOrderSerials(orderId)
  const release = useReleaseOrderSerials(orderId)
  const releaseOne = (text: string) =>
    release.mutate(
      { serial_numbers: [text] },
      {
        onSuccess: () => toast.success(t("released", { serial: text })),
        onError: (e) => toast.error(e.message),
      }
    )
  const assign = (texts: string[]) =>
    new Promise((resolve, reject) =>
      change.mutate(
        { line_item_id: line.line_item_id, serial_numbers: texts },
        {
          onSuccess: (data) => {
            toast.success(t("assigned", { count: texts.length }))
            resolve(data)
          },
          onError: (e) => {
            toast.error(e.message)
            reject(e)
          },
        }
      )
    )

  return (
    <div className="flex flex-col gap-y-3 px-6 py-4" data-testid="order-serial-line" data-line-item-id={line.line_item_id}>
      <div className="flex items-start justify-between gap-x-4">
        <div className="flex flex-col">
          <Text size="small" weight="plus">
            {line.title}
          </Text>
          <Text size="xsmall" className="text-ui-fg-subtle">
            {line.returned_quantity > 0
              ? t("summaryReturned", {
                  sku: line.sku ?? "—",
                  ordered: line.quantity,
                  fulfilled: line.fulfilled_quantity,
                  returned: line.returned_quantity,
                })
              : t("summary", { sku: line.sku ?? "—", ordered: line.quantity, fulfilled: line.fulfilled_quantity })}
          </Text>
        </div>
        <div className="flex flex-wrap items-center justify-end gap-2">
          {line.delivered > 0 && <Badge size="2xsmall">{t("delivered", { count: line.delivered })}</Badge>}
          {line.reserved > 0 && <Badge size="2xsmall">{t("reserved", { count: line.reserved })}</Badge>}
          {line.missing > 0 ? (
            <StatusBadge color="orange" data-testid="missing-badge">
              {t("missing", { count: line.missing })}
            </StatusBadge>
          ) : (
            <StatusBadge color="green">{t("complete")}</StatusBadge>
          )}
          {line.fulfilled_without_serial > 0 && (
            <StatusBadge color="red">{t("fulfilledWithoutSerial", { count: line.fulfilled_without_serial })}</StatusBadge>
          )}
        </div>
      </div>
      {line.serial_numbers.length > 0 && (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>{tw("columns.serialNumber")}</Table.HeaderCell>
              <Table.HeaderCell>{tw("columns.status")}</Table.HeaderCell>
              <Table.HeaderCell>{tw("columns.warranty")}</Table.HeaderCell>
              <Table.HeaderCell />
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {line.serial_numbers.map((s) => {
              const swappable = s.status === "reserved" || (s.status === "delivered" && !s.shipped_at)
              return (
                <Table.Row key={s.id} data-testid="order-serial-row">
                  <Table.Cell className="font-mono">{s.serial_number}</Table.Cell>
                  <Table.Cell>
                    <SerialStatusBadge status={s.status} />
                  </Table.Cell>
                  <Table.Cell>
                    {s.status === "reserved" && !s.warranty_expires_at ? (
                      // The warranty starts when the unit is delivered.
                      <Text size="small" className="text-ui-fg-subtle">
                        {t("startsAtDelivery")}
                      </Text>
                    ) : (
                      <div className="flex items-center gap-x-2">
                        <WarrantyBadge state={warrantyState(s.warranty_expires_at)} />
                        {s.warranty_expires_at && (
                          <Text size="xsmall" className="text-ui-fg-subtle">
                            {tw("until", { date: date(s.warranty_expires_at) })}
                          </Text>
                        )}
                      </div>
                    )}
                  </Table.Cell>
                  <Table.Cell className="text-right">
                    {swapping === s.serial_number ? (
                      <SwapForm orderId={orderId} line={line} from={s.serial_number} onDone={() => setSwapping(null)} />
                    ) : swappable ? (
                      <div className="flex justify-end gap-x-1">
                        <Button size="small" variant="transparent" onClick={() => setSwapping(s.serial_number)}>
                          {t("swap")}
                        </Button>
                        {s.status === "reserved" && (
                          <Button
                            size="small"
                            variant="transparent"
                            isLoading={release.isPending && release.variables?.serial_numbers?.[0] === s.serial_number}
                            onClick={() => releaseOne(s.serial_number)}
                          >
                            {t("release")}
                          </Button>
                        )}
                      </div>
                    ) : null}
                  </Table.Cell>
                </Table.Row>
              )
            })}
          </Table.Body>
        </Table>
      )}
      {canAssign && line.missing > 0 && line.variant_id && (
        <SerialScanList
          check={inStockOfVariant(line.variant_id)}
          taken={line.serial_numbers.map((s) => s.serial_number)}
          max={line.missing}
          countLabel={(n) => t("scanned", { count: n, total: line.missing })}
          isSubmitting={change.isPending}
          submitLabel={(n) => (n ? t("assign", { count: n }) : t("assignNone"))}
          onSubmit={assign}
        />
      )}
    </div>
  )
}
