import { Button, Checkbox, Label, Switch, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import type { OrderSerialLine } from "../hooks/api/order-serial-numbers"
import { useChooseReturnSerials } from "../hooks/api/return-serial-numbers"

type ReturnLike = { id: string; display_id?: number | string; status?: string; items?: Array<{ item_id: string }> }

/**
 * Which delivered serials came back with a received return, and whether each goes back in
 * stock (restock) or not (a damaged unit).
 */
export const ReturnSerialsPicker = ({ ret, lines }: { ret: ReturnLike; lines: OrderSerialLine[] }) => {
  const itemIds = new Set((ret.items ?? []).map((i) => i.item_id))
  const candidates = lines
    .filter((l) => itemIds.has(l.line_item_id))
    .flatMap((l) => l.serial_numbers.filter((s) => s.status === "delivered"))
  const [chosen, setChosen] = useState<Record<string, boolean>>({})
  const [restock, setRestock] = useState(true)
  const choose = useChooseReturnSerials(ret.id)
  const picked = Object.keys(chosen).filter((k) => chosen[k])

  if (!candidates.length) {
    return null
  }
  const submit = () =>
    choose.mutate(
      picked.map((serial_number) => ({ serial_number, restock })),
      {
        onSuccess: () => {
          toast.success(`${picked.length} serial${picked.length === 1 ? "" : "s"} recorded as returned`)
          setChosen({})
        },
        onError: (e) => toast.error(e.message),
      }
    )
  return (
    <div className="flex flex-col gap-y-3 px-6 py-4" data-testid="return-serials-picker">
      <Text size="small" weight="plus">
        Return #{ret.display_id ?? ret.id}: which serials came back?
      </Text>
      <div className="flex flex-wrap gap-x-6 gap-y-2">
        {candidates.map((s) => (
          <div key={s.id} className="flex items-center gap-x-2">
            <Checkbox
              id={`${ret.id}-${s.id}`}
              checked={!!chosen[s.serial_number]}
              onCheckedChange={(v) => setChosen((c) => ({ ...c, [s.serial_number]: v === true }))}
            />
            <Label htmlFor={`${ret.id}-${s.id}`} size="small" className="font-mono">
              {s.serial_number}
            </Label>
          </div>
        ))}
      </div>
      <div className="flex items-center justify-between gap-x-4">
        <div className="flex items-center gap-x-2">
          <Switch id={`${ret.id}-restock`} checked={restock} onCheckedChange={setRestock} />
          <Label htmlFor={`${ret.id}-restock`} size="small">
            Back in stock (off: damaged, kept out of stock)
          </Label>
        </div>
        <Button size="small" variant="secondary" disabled={!picked.length} isLoading={choose.isPending} onClick={submit}>
          Record {picked.length || ""} returned
        </Button>
      </div>
    </div>
  )
}
