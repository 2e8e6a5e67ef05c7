import { Label, Select, Text, Textarea, toast } from "@medusajs/ui"
import { useState } from "react"
import { useTransferSerials } from "../hooks/api/serial-transfers"
import { useStockLocationNames } from "../hooks/api/stock-locations"
import { inStockAt, SerialScanList } from "./serial-scan-list"

/**
 * A transfer from one location: pick the destination, scan (or type) the serials leaving,
 * each checked as it is entered, and send them. The server checks again and names every
 * problem; its message is shown as it is.
 */
export const SerialTransferForm = ({ fromLocationId, onDone }: { fromLocationId: string; onDone: () => void }) => {
  const { names } = useStockLocationNames()
  const [to, setTo] = useState<string | undefined>()
  const [note, setNote] = useState("")
  const [error, setError] = useState<string | null>(null)
  const transfer = useTransferSerials()
  const destinations = Object.entries(names).filter(([id]) => id !== fromLocationId)
  const nameOf = (id: string) => names[id] ?? id

  const submit = (serial_numbers: string[]) => {
    if (!to) {
      setError("Choose the location the serials go to")
      return Promise.reject(new Error("no destination"))
    }
    setError(null)
    return transfer
      .mutateAsync({ from_location_id: fromLocationId, to_location_id: to, serial_numbers, note: note.trim() || null })
      .then(({ serial_transfer }) => {
        const n = serial_transfer.serials.length
        toast.success(`${n} serial${n === 1 ? "" : "s"} transferred to ${nameOf(to)}`)
        onDone()
      })
      .catch((e: Error) => {
        setError(e.message)
        throw e
      })
  }

  return (
    <div className="flex flex-col gap-y-4" data-testid="serial-transfer-form">
      <div className="flex flex-col gap-y-1">
        <Label size="small">To location</Label>
        <Select value={to} onValueChange={setTo}>
          <Select.Trigger aria-label="To location">
            <Select.Value placeholder="Choose a location" />
          </Select.Trigger>
          <Select.Content>
            {destinations.map(([id, name]) => (
              <Select.Item key={id} value={id}>
                {name}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </div>
      <div className="flex flex-col gap-y-1">
        <Label size="small">Note</Label>
        <Textarea rows={2} aria-label="Note" placeholder="Why they move (optional)" value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      <div className="flex flex-col gap-y-1">
        <Label size="small">Serial numbers</Label>
        <SerialScanList
          check={inStockAt(fromLocationId, nameOf)}
          okLabel="Here, in stock"
          isSubmitting={transfer.isPending}
          submitLabel={(n) => (n ? `Transfer ${n} serial${n === 1 ? "" : "s"}` : "Transfer serials")}
          onSubmit={submit}
        />
      </div>
      {error && (
        <Text size="small" className="text-ui-fg-error" role="alert">
          {error}
        </Text>
      )}
    </div>
  )
}
