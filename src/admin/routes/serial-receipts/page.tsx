import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ArrowDownTray } from "@medusajs/icons"
import { Button, Container, Drawer, StatusBadge, toast, usePrompt } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { FilterSelect } from "../../components/filter-select"
import { ListTable } from "../../components/list-table"
import { SectionHeader } from "../../components/section-header"
import { useCancelSerialReceipt, useSerialReceipts } from "../../hooks/api/serial-receipts"
import { describeLocation, labelOf, searchLocations, useLocationNames } from "../../hooks/api/store-records"
import { useFormat } from "../../lib/format"
import { useUrlPage, useUrlState } from "../../lib/url-state"
import type { AdminSerialReceipt } from "../../../shared/http/admin"
import { CancelSerialsForm } from "./components/cancel-serials-form"
import { VendorReturnForm } from "./components/vendor-return-form"
import { SearchFilter } from "../../components/search-filter"

/** "Return to supplier" on a posted receipt's row: a drawer with scan entry. */
const ReturnToSupplier = ({ receipt }: { receipt: AdminSerialReceipt }) => {
  const { t } = useTranslation(undefined, { keyPrefix: "serials.receipts" })
  const [open, setOpen] = useState(false)
  return (
    <Drawer open={open} onOpenChange={setOpen}>
      <Drawer.Trigger asChild>
        <Button size="small" variant="transparent">
          {t("returnToSupplier")}
        </Button>
      </Drawer.Trigger>
      <Drawer.Content>
        <Drawer.Header>
          <Drawer.Title>
            {receipt.supplier_name
              ? t("returnTitleTo", { id: receipt.display_id, supplier: receipt.supplier_name })
              : t("returnTitle", { id: receipt.display_id })}
          </Drawer.Title>
        </Drawer.Header>
        <Drawer.Body>
          <VendorReturnForm receiptId={receipt.id} supplier={receipt.supplier_name} onDone={() => setOpen(false)} />
        </Drawer.Body>
      </Drawer.Content>
    </Drawer>
  )
}

/** "Cancel serials" on a posted receipt's row: units that never arrived, scanned. */
const CancelSerials = ({ receipt }: { receipt: AdminSerialReceipt }) => {
  const { t } = useTranslation(undefined, { keyPrefix: "serials.receipts" })
  const [open, setOpen] = useState(false)
  return (
    <Drawer open={open} onOpenChange={setOpen}>
      <Drawer.Trigger asChild>
        <Button size="small" variant="transparent">
          {t("cancelSerials")}
        </Button>
      </Drawer.Trigger>
      <Drawer.Content>
        <Drawer.Header>
          <Drawer.Title>{t("cancelSerialsTitle", { id: receipt.display_id })}</Drawer.Title>
        </Drawer.Header>
        <Drawer.Body>
          <CancelSerialsForm receiptId={receipt.id} locationId={receipt.stock_location_id} onDone={() => setOpen(false)} />
        </Drawer.Body>
      </Drawer.Content>
    </Drawer>
  )
}

const SerialReceiptsPage = () => {
  const { t } = useTranslation(undefined, { keyPrefix: "serials.receipts" })
  const format = useFormat()
  const { get, set } = useUrlState()
  const page = useUrlPage()
  const query = {
    limit: page.limit,
    offset: page.offset,
    order: "-received_at",
    ...(get("status") ? { status: get("status") } : {}),
    ...(get("stock_location_id") ? { stock_location_id: get("stock_location_id") } : {}),
  }
  const { data, isLoading } = useSerialReceipts(query)
  const cancel = useCancelSerialReceipt()
  const prompt = usePrompt()
  const rows = data?.serial_receipts ?? []
  const locations = useLocationNames(rows.map((r) => r.stock_location_id))

  const onCancel = async (id: string, displayId: number) => {
    const confirmed = await prompt({
      title: t("cancelPrompt.title", { id: displayId }),
      description: t("cancelPrompt.description"),
      confirmText: t("cancelPrompt.confirm"),
      cancelText: t("cancelPrompt.keep"),
    })
    if (!confirmed) {
      return
    }
    cancel.mutate(id, {
      onSuccess: () => toast.success(t("canceled", { id: displayId })),
      onError: (e) => toast.error((e as Error).message),
    })
  }

  return (
    <Container className="divide-y p-0">
      <SectionHeader
        level="h1"
        title={t("title")}
        subtitle={t("subtitle")}
        actions={
          <Button size="small" asChild>
            <Link to="/serial-receipts/receive">{t("receiveStock")}</Link>
          </Button>
        }
      />
      <div className="flex gap-2 px-6 py-3">
        <FilterSelect
          label={t("status")}
          value={get("status")}
          options={[
            { value: "posted", label: t("receiptStatus.posted") },
            { value: "canceled", label: t("receiptStatus.canceled") },
          ]}
          onChange={(v) => set({ status: v })}
        />
        <SearchFilter label={t("location")} value={get("stock_location_id")} onChange={(v) => set({ stock_location_id: v })} search={searchLocations} describe={describeLocation} />
      </div>
      <ListTable
        columns={[
          {
            header: t("columns.receipt"),
            cell: (r) => (
              <Link className="text-ui-fg-interactive" to={`/serial-numbers?receipt_id=${r.id}`}>
                #{r.display_id}
              </Link>
            ),
          },
          { header: t("columns.received"), cell: (r) => format.date(r.received_at) },
          {
            header: t("columns.supplier"),
            cell: (r) => (
              <>
                {r.supplier_name ?? <span className="text-ui-fg-muted">{t("noSupplier")}</span>}
                {r.supplier_reference ? <span className="text-ui-fg-subtle"> · {r.supplier_reference}</span> : null}
              </>
            ),
          },
          { header: t("location"), cell: (r) => labelOf(locations, r.stock_location_id) },
          { header: t("columns.units"), cell: (r) => (r.lines ?? []).reduce((sum, l) => sum + Number(l.quantity), 0) },
          {
            header: t("status"),
            cell: (r) => (
              <StatusBadge color={r.status === "posted" ? "green" : "grey"}>
                {r.status === "posted" ? t("receiptStatus.posted") : t("receiptStatus.canceled")}
              </StatusBadge>
            ),
          },
          {
            className: "text-right",
            cell: (r) =>
              r.status === "posted" && (
                <div className="flex justify-end gap-x-1">
                  <ReturnToSupplier receipt={r} />
                  <CancelSerials receipt={r} />
                  <Button size="small" variant="transparent" onClick={() => onCancel(r.id, r.display_id)}>
                    {t("cancel")}
                  </Button>
                </div>
              ),
          },
        ]}
        rows={rows}
        isLoading={isLoading}
        emptyText={t("empty")}
        page={{ ...page, count: data?.count ?? 0 }}
      />
    </Container>
  )
}

export const config = defineRouteConfig({ label: "serials.receipts.menu", translationNs: "translation", icon: ArrowDownTray })

export default SerialReceiptsPage
