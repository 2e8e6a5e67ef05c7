import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ArrowDownTray } from "@medusajs/icons"
import { Button, Container, Heading, StatusBadge, Table, Text, toast, usePrompt } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { FilterSelect } from "../../components/filter-select"
import { ListPagination } from "../../components/list-pagination"
import { useCancelSerialReceipt, useSerialReceipts } from "../../hooks/api/serial-receipts"
import { labelOf, useStockLocationOptions } from "../../hooks/api/store-records"
import { formatDate } from "../../lib/format"
import { useUrlState } from "../../lib/url-state"

const PAGE_SIZE = 20

const SerialReceiptsPage = () => {
  const { get, set } = useUrlState()
  const offset = Number(get("offset") ?? 0) || 0
  const locations = useStockLocationOptions().data
  const query = {
    limit: PAGE_SIZE,
    offset,
    order: "-received_at",
    ...(get("status") ? { status: get("status") } : {}),
    ...(get("stock_location_id") ? { stock_location_id: get("stock_location_id") } : {}),
  }
  const { data, isLoading } = useSerialReceipts(query)
  const cancel = useCancelSerialReceipt()
  const prompt = usePrompt()
  const rows = data?.serial_receipts ?? []

  const onCancel = async (id: string, displayId: number) => {
    const confirmed = await prompt({
      title: `Cancel receipt #${displayId}?`,
      description: "Its serials leave stock and the inventory it added is removed. Serials already sold keep the receipt refused.",
      confirmText: "Cancel receipt",
      cancelText: "Keep it",
    })
    if (!confirmed) {
      return
    }
    cancel.mutate(id, {
      onSuccess: () => toast.success(`Receipt #${displayId} canceled`),
      onError: (e) => toast.error((e as Error).message),
    })
  }

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h1">Receipts</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Purchase receipts that put serialized stock on the shelf.
          </Text>
        </div>
        <Button size="small" asChild>
          <Link to="/serial-receipts/receive">Receive stock</Link>
        </Button>
      </div>
      <div className="flex gap-2 px-6 py-3">
        <FilterSelect
          label="Status"
          value={get("status")}
          options={[
            { value: "posted", label: "Posted" },
            { value: "canceled", label: "Canceled" },
          ]}
          onChange={(v) => set({ status: v })}
        />
        <FilterSelect label="Location" value={get("stock_location_id")} options={locations ?? []} onChange={(v) => set({ stock_location_id: v })} />
      </div>
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Receipt</Table.HeaderCell>
            <Table.HeaderCell>Received</Table.HeaderCell>
            <Table.HeaderCell>Supplier</Table.HeaderCell>
            <Table.HeaderCell>Location</Table.HeaderCell>
            <Table.HeaderCell>Units</Table.HeaderCell>
            <Table.HeaderCell>Status</Table.HeaderCell>
            <Table.HeaderCell />
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {rows.map((r) => (
            <Table.Row key={r.id}>
              <Table.Cell>
                <Link className="text-ui-fg-interactive" to={`/serial-numbers?receipt_id=${r.id}`}>
                  #{r.display_id}
                </Link>
              </Table.Cell>
              <Table.Cell>{formatDate(r.received_at)}</Table.Cell>
              <Table.Cell>
                {r.supplier_name}
                {r.supplier_reference ? <span className="text-ui-fg-subtle"> · {r.supplier_reference}</span> : null}
              </Table.Cell>
              <Table.Cell>{labelOf(locations, r.stock_location_id)}</Table.Cell>
              <Table.Cell>{(r.lines ?? []).reduce((sum, l) => sum + Number(l.quantity), 0)}</Table.Cell>
              <Table.Cell>
                <StatusBadge color={r.status === "posted" ? "green" : "grey"}>{r.status === "posted" ? "Posted" : "Canceled"}</StatusBadge>
              </Table.Cell>
              <Table.Cell className="text-right">
                {r.status === "posted" && (
                  <Button size="small" variant="transparent" onClick={() => onCancel(r.id, r.display_id)}>
                    Cancel
                  </Button>
                )}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      {!isLoading && rows.length === 0 && (
        <div className="px-6 py-4">
          <Text size="small" className="text-ui-fg-subtle">
            No receipts yet.
          </Text>
        </div>
      )}
      <ListPagination count={data?.count ?? 0} offset={offset} limit={PAGE_SIZE} onOffset={(o) => set({ offset: o || undefined }, { keepOffset: true })} />
    </Container>
  )
}

export const config = defineRouteConfig({ label: "Receipts", icon: ArrowDownTray })

export default SerialReceiptsPage
