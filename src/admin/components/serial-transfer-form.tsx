import { Label, Select, Text, Textarea, toast } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { useTransferSerials } from "../hooks/api/serial-transfers"
import { useStockLocationNames } from "../hooks/api/stock-locations"
import { inStockAt, SerialScanList } from "./serial-scan-list"

/**
 * A transfer from one location: pick the destination, scan (or type) the serials leaving,
 * each checked as it is entered, and send them. The server checks again and names every
 * problem; its message is shown as it is.
 */
export const SerialTransferForm = ({ fromLocationId, onDone }: { fromLocationId: string; onDone: () => void }) => {
  const { t } = useTranslation(undefined, { keyPrefix: "serials.transfers.form" })
  const { names } = useStockLocationNames()
  const [to, setTo] = useState<string | undefined>()
  const [note, setNote] = useState("")
  const [error, setError] = useState<string | null>(null)
  const transfer = useTransferSerials()
  const destinations = Object.entries(names).filter(([id]) => id !== fromLocationId)
  const nameOf = (id: string) => names[id] ?? id

  const submit = (serial_numbers: string[]) => {
    if (!to) {
      setError(t("chooseDestination"))
      return Promise.reject(new Error("no destination"))
    }
    setError(null)
    return transfer
      .mutateAsync({ from_location_id: fromLocationId, to_location_id: to, serial_numbers, note: note.trim() || null })
      .then(({ serial_transfer }) => {
        const n = serial_transfer.serials.length
        toast.success(t("transferred", { count: n, location: nameOf(to) }))
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
        <Label size="small">{t("toLocation")}</Label>
        <Select value={to} onValueChange={setTo}>
          <Select.Trigger aria-label={t("toLocation")}>
            <Select.Value placeholder={t("chooseLocation")} />
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
        <Label size="small">{t("note")}</Label>
        <Textarea rows={2} aria-label={t("note")} placeholder={t("notePlaceholder")} value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      <div className="flex flex-col gap-y-1">
        <Label size="small">{t("serialNumbers")}</Label>
        <SerialScanList
          check={inStockAt(fromLocationId, nameOf)}
          okLabel={t("okLabel")}
          isSubmitting={transfer.isPending}
          submitLabel={(n) => (n ? t("submit", { count: n }) : t("submitNone"))}
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
