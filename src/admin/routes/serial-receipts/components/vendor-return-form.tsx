import { Input, Label, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { inStockOfReceipt, SerialScanList } from "../../../components/serial-scan-list"
import { useReturnToSupplier } from "../../../hooks/api/serial-receipts"

/**
 * Serials of one receipt going back to its supplier: scanned (each checked against the
 * receipt at once), a reason, and sent. The server's refusal is shown as it is.
 */
export const VendorReturnForm = ({ receiptId, supplier, onDone }: { receiptId: string; supplier: string | null; onDone: () => void }) => {
  const { t } = useTranslation(undefined, { keyPrefix: "serials.receipts.returnForm" })
  const [reason, setReason] = useState("")
  const [error, setError] = useState<string | null>(null)
  const send = useReturnToSupplier(receiptId)
  const submit = (serial_numbers: string[]) => {
    setError(null)
    return send
      .mutateAsync({ serial_numbers, reason: reason.trim() || null })
      .then(({ vendor_return }) => {
        const count = vendor_return.serials.length
        toast.success(supplier ? t("doneTo", { count, supplier }) : t("done", { count }))
        onDone()
      })
      .catch((e: Error) => {
        setError(e.message)
        throw e
      })
  }
  return (
    <div className="flex flex-col gap-y-4" data-testid="vendor-return-form">
      <Text size="small" className="text-ui-fg-subtle">
        {t("intro")}
      </Text>
      <div className="flex flex-col gap-y-1">
        <Label size="small" htmlFor="vendor-return-reason">{t("reason")}</Label>
        <Input id="vendor-return-reason" size="small" placeholder={t("reasonPlaceholder")} value={reason} onChange={(e) => setReason(e.target.value)} />
      </div>
      <SerialScanList
        check={inStockOfReceipt(receiptId)}
        okLabel={t("ok")}
        isSubmitting={send.isPending}
        submitLabel={(n) => (n ? t("submit", { count: n }) : t("submitNone"))}
        onSubmit={submit}
      />
      {error && (
        <Text size="small" className="text-ui-fg-error" role="alert">
          {error}
        </Text>
      )}
    </div>
  )
}
