import { Button, Checkbox, Input, Label, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { useScrapSerials, useSerialNumbers } from "../hooks/api/serial-numbers"

const REASONS = ["Lost", "Stolen", "Damaged"]

/** The reason of a write-off: one of the usual ones, or the operator's own words. */
const ReasonField = ({ reason, onChange }: { reason: string; onChange: (reason: string) => void }) => (
  <div className="flex flex-col gap-y-1">
    <Label size="small" htmlFor="write-off-reason">Reason</Label>
    <div className="flex gap-1">
      {REASONS.map((r) => (
        <Button key={r} size="small" variant={reason === r ? "primary" : "secondary"} onClick={() => onChange(r)}>
          {r}
        </Button>
      ))}
    </div>
    <Input id="write-off-reason" size="small" placeholder="Or say what happened" value={reason} onChange={(e) => onChange(e.target.value)} />
  </div>
)

/** Writes one serial off (its page): in stock, Medusa's stock goes down by one with it. */
export const WriteOffSerialForm = ({ serialNumber, inStock, onDone }: { serialNumber: string; inStock: boolean; onDone: () => void }) => {
  const [reason, setReason] = useState("")
  const scrap = useScrapSerials()
  return (
    <div className="flex flex-col gap-y-4" data-testid="write-off-form">
      <Text size="small" className="text-ui-fg-subtle">
        A written-off serial is never sold, restocked or returned again.
        {inStock ? " Medusa's stock at its location goes down by one." : ""}
      </Text>
      <ReasonField reason={reason} onChange={setReason} />
      <Button
        size="small"
        variant="danger"
        disabled={!reason.trim()}
        isLoading={scrap.isPending}
        onClick={() =>
          scrap.mutate(
            { serial_numbers: [serialNumber], reason: reason.trim() },
            {
              onSuccess: () => {
                toast.success(`${serialNumber} written off`)
                onDone()
              },
              onError: (e) => toast.error((e as Error).message),
            }
          )
        }
      >
        Write off
      </Button>
    </div>
  )
}

/**
 * Medusa's stock at a location was lowered by hand and the variant has more serials there
 * than Medusa counts: the operator ticks the serials that left (at most the difference),
 * and they are written off without lowering the stock a second time.
 */
export const PickLeftSerialsForm = ({
  variantId,
  locationId,
  beyond,
  onDone,
}: {
  variantId: string
  locationId: string
  /** Serials beyond Medusa's count at the location. */
  beyond: number
  onDone: () => void
}) => {
  const { data, isLoading } = useSerialNumbers({ variant_id: variantId, stock_location_id: locationId, status: "active", order: "serial_number", limit: 200 })
  const [picked, setPicked] = useState<string[]>([])
  const [reason, setReason] = useState("Lost")
  const scrap = useScrapSerials()
  const toggle = (text: string) => setPicked((list) => (list.includes(text) ? list.filter((t) => t !== text) : [...list, text]))
  return (
    <div className="flex flex-col gap-y-4" data-testid="pick-left-serials">
      <Text size="small" className="text-ui-fg-subtle">
        Medusa counts {beyond} fewer here than there are serials. Tick the {beyond === 1 ? "one" : beyond} that left; Medusa's stock is not
        lowered again.
      </Text>
      {isLoading ? (
        <Text size="small">Loading…</Text>
      ) : (
        <ul className="flex max-h-80 flex-col divide-y overflow-y-auto rounded-md border">
          {(data?.serial_numbers ?? []).map((s) => (
            <li key={s.id} className="flex items-center gap-x-2 px-3 py-1.5">
              <Checkbox
                id={`left-${s.id}`}
                checked={picked.includes(s.serial_number)}
                disabled={!picked.includes(s.serial_number) && picked.length >= beyond}
                onCheckedChange={() => toggle(s.serial_number)}
              />
              <Label htmlFor={`left-${s.id}`} className="font-mono">
                {s.serial_number}
              </Label>
            </li>
          ))}
        </ul>
      )}
      <ReasonField reason={reason} onChange={setReason} />
      <Button
        size="small"
        variant="danger"
        disabled={!picked.length || !reason.trim()}
        isLoading={scrap.isPending}
        onClick={() =>
          scrap.mutate(
            { serial_numbers: picked, reason: reason.trim(), stock_already_lowered: true },
            {
              onSuccess: () => {
                toast.success(`${picked.length} serial${picked.length === 1 ? "" : "s"} written off`)
                onDone()
              },
              onError: (e) => toast.error((e as Error).message),
            }
          )
        }
      >
        {picked.length ? `Write off ${picked.length} serial${picked.length === 1 ? "" : "s"}` : "Write off"}
      </Button>
    </div>
  )
}
