import { Input, Label, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { inStockOfReceipt, SerialScanList } from "../../../components/serial-scan-list"
import { useReturnToSupplier } from "../../../hooks/api/serial-receipts"

/**
 * Serials of one receipt going back to its supplier: scanned (each checked against the
 * receipt at once), a reason, and sent. The server's refusal is shown as it is.
 */
export const VendorReturnForm = ({ receiptId, supplier, onDone }: { receiptId: string; supplier: string | null; onDone: () => void }) => {
  const [reason, setReason] = useState("")
  const [error, setError] = useState<string | null>(null)
  const send = useReturnToSupplier(receiptId)
  const submit = (serial_numbers: string[]) => {
    setError(null)
    return send
      .mutateAsync({ serial_numbers, reason: reason.trim() || null })
      .then(({ vendor_return }) => {
        const n = vendor_return.serials.length
        toast.success(`${n} serial${n === 1 ? "" : "s"} returned to ${supplier ?? "the supplier"}`)
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
        The serials leave stock wherever they are now, and Medusa's stock goes down with them. They keep their receipt, so a unit the
        supplier sends back can be received again.
      </Text>
      <div className="flex flex-col gap-y-1">
        <Label size="small" htmlFor="vendor-return-reason">Reason</Label>
        <Input id="vendor-return-reason" size="small" placeholder="Faulty, wrong item, surplus (optional)" value={reason} onChange={(e) => setReason(e.target.value)} />
      </div>
      <SerialScanList
        check={inStockOfReceipt(receiptId)}
        okLabel="From this receipt, in stock"
        isSubmitting={send.isPending}
        submitLabel={(n) => (n ? `Return ${n} serial${n === 1 ? "" : "s"}` : "Return serials")}
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
