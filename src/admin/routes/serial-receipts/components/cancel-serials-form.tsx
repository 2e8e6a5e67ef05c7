import { Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { SerialScanList, stillOnReceipt } from "../../../components/serial-scan-list"
import { useCancelReceiptSerials } from "../../../hooks/api/serial-receipts"

/**
 * Serials of a receipt that never arrived (a miscount, a mistyped serial): scanned, each
 * checked against the receipt at once, and canceled. The server's refusal is shown as it is.
 */
export const CancelSerialsForm = ({ receiptId, locationId, onDone }: { receiptId: string; locationId: string; onDone: () => void }) => {
  const { t } = useTranslation(undefined, { keyPrefix: "serials.receipts.cancelForm" })
  const [error, setError] = useState<string | null>(null)
  const cancel = useCancelReceiptSerials(receiptId)
  const submit = (serial_numbers: string[]) => {
    setError(null)
    return cancel
      .mutateAsync({ serial_numbers })
      .then(({ serial_receipt }) => {
        const values = { count: serial_numbers.length, id: serial_receipt.display_id }
        toast.success(serial_receipt.status === "canceled" ? t("doneReceiptCanceled", values) : t("done", values))
        onDone()
      })
      .catch((e: Error) => {
        setError(e.message)
        throw e
      })
  }
  return (
    <div className="flex flex-col gap-y-4" data-testid="cancel-receipt-serials-form">
      <Text size="small" className="text-ui-fg-subtle">
        {t("intro")}
      </Text>
      <SerialScanList
        check={stillOnReceipt(receiptId, locationId)}
        okLabel={t("ok")}
        isSubmitting={cancel.isPending}
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
