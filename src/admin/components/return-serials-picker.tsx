import { Button, Checkbox, Label, Switch, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import type { OrderSerialLine } from "../../shared/http/admin"
import { useChooseReturnSerials, useReturnSerials } from "../hooks/api/return-serial-numbers"
import { SerialStatusBadge } from "./serial-status-badge"

type ReturnLike = {
  id: string
  display_id?: number | string
  status?: string
  items?: Array<{ item_id: string; received_quantity?: number | string | null }>
}

/**
 * Which delivered serials came back with a received return, and whether each goes back in
 * stock (restock) or not (a damaged unit). Shows the serials the return already brought
 * back; the choice is offered while its received units (Medusa counts damaged ones among
 * them) outnumber those serials.
 */
export const ReturnSerialsPicker = ({ ret, lines }: { ret: ReturnLike; lines: OrderSerialLine[] }) => {
  const { t } = useTranslation(undefined, { keyPrefix: "serials.widgets.returnPicker" })
  const serializedLines = new Set(lines.filter((l) => l.is_serialized).map((l) => l.line_item_id))
  const items = (ret.items ?? []).filter((i) => serializedLines.has(i.item_id))
  const itemIds = new Set(items.map((i) => i.item_id))
  const candidates = lines
    .filter((l) => itemIds.has(l.line_item_id))
    .flatMap((l) => l.serial_numbers.filter((s) => s.status === "delivered"))
  const [chosen, setChosen] = useState<Record<string, boolean>>({})
  const [restock, setRestock] = useState(true)
  const choose = useChooseReturnSerials(ret.id)
  const returned = useReturnSerials(ret.id).data?.serial_numbers ?? []
  const picked = Object.keys(chosen).filter((k) => chosen[k])
  const units = items.reduce((n, i) => n + Number(i.received_quantity ?? 0), 0)
  const left = units - returned.filter((s) => itemIds.has(s.line_item_id)).length
  const choosing = left > 0 && candidates.length > 0

  if (!choosing && !returned.length) {
    return null
  }
  const submit = () =>
    choose.mutate(
      picked.map((serial_number) => ({ serial_number, restock })),
      {
        onSuccess: () => {
          toast.success(t("recorded", { count: picked.length }))
          setChosen({})
        },
        onError: (e) => toast.error(e.message),
      }
    )
  return (
    <div className="flex flex-col gap-y-3 px-6 py-4" data-testid="return-serials-picker">
      <Text size="small" weight="plus">
        {choosing ? t("question", { id: ret.display_id ?? ret.id }) : t("title", { id: ret.display_id ?? ret.id })}
      </Text>
      {returned.length > 0 && (
        <div className="flex flex-wrap gap-x-6 gap-y-2">
          {returned.map((s) => (
            <div key={s.id} className="flex items-center gap-x-2" data-testid="returned-serial">
              <Text size="small" className="font-mono">
                {s.serial_number}
              </Text>
              <Text size="xsmall" className="text-ui-fg-subtle">
                {t("returned")}
              </Text>
              <SerialStatusBadge status={s.status} />
            </div>
          ))}
        </div>
      )}
      {choosing && (
        <>
          <div className="flex flex-wrap gap-x-6 gap-y-2">
            {candidates.map((s) => (
              <div key={s.id} className="flex items-center gap-x-2">
                <Checkbox
                  id={`${ret.id}-${s.id}`}
                  checked={!!chosen[s.serial_number]}
                  disabled={!chosen[s.serial_number] && picked.length >= left}
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
                {t("backInStock")}
              </Label>
            </div>
            <Button size="small" variant="secondary" disabled={!picked.length} isLoading={choose.isPending} onClick={submit}>
              {picked.length ? t("record", { count: picked.length }) : t("recordNone")}
            </Button>
          </div>
        </>
      )}
    </div>
  )
}
