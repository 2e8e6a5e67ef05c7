import { Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { SerialScanList, stillOnReceipt } from "../../../components/serial-scan-list"
import { useCancelReceiptSerials } from "../../../hooks/api/serial-receipts"

/**
 * Serials of a receipt that never arrived (a miscount, a mistyped serial): scanned, each
 * checked against the receipt at once, and canceled. The server's refusal is shown as it is.
 */
export const CancelSerialsForm = ({ receiptId, locationId, onDone }: { receiptId: string; locationId: string; onDone: () => void }) => {
  const [error, setError] = useState<string | null>(null)
  const cancel = useCancelReceiptSerials(receiptId)
  const submit = (serial_numbers: string[]) => {
    setError(null)
    return cancel
      .mutateAsync({ serial_numbers })
      .then(({ serial_receipt }) => {
        const n = serial_numbers.length
        toast.success(
          `${n} serial${n === 1 ? "" : "s"} canceled from receipt #${serial_receipt.display_id}` +
            (serial_receipt.status === "canceled" ? "; the receipt is canceled" : "")
        )
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
        For units that never arrived. They leave stock and the receipt, its lines count them no more and Medusa's stock goes down. Units
        that arrived and go back are a return to the supplier instead.
      </Text>
      <SerialScanList
        check={stillOnReceipt(receiptId, locationId)}
        okLabel="On this receipt, in stock here"
        isSubmitting={cancel.isPending}
        submitLabel={(n) => (n ? `Cancel ${n} serial${n === 1 ? "" : "s"}` : "Cancel serials")}
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
