import { Button, Checkbox, Input, Label, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { useScrapSerials, useSerialNumbers } from "../hooks/api/serial-numbers"

/** The usual reasons, by key; the reason recorded is the text, in the operator's language. */
const REASONS = ["lost", "stolen", "damaged"]

/** The reason of a write-off: one of the usual ones, or the operator's own words. */
const ReasonField = ({ reason, onChange }: { reason: string; onChange: (reason: string) => void }) => {
  const { t } = useTranslation(undefined, { keyPrefix: "serials.serialForms.writeOff" })
  return (
    <div className="flex flex-col gap-y-1">
      <Label size="small" htmlFor="write-off-reason">{t("reason")}</Label>
      <div className="flex gap-1">
        {REASONS.map((key) => {
          const r = t(`reasons.${key}`)
          return (
            <Button key={key} size="small" variant={reason === r ? "primary" : "secondary"} onClick={() => onChange(r)}>
              {r}
            </Button>
          )
        })}
      </div>
      <Input id="write-off-reason" size="small" placeholder={t("reasonPlaceholder")} value={reason} onChange={(e) => onChange(e.target.value)} />
    </div>
  )
}

/** Writes one serial off (its page): in stock, Medusa's stock goes down by one with it. */
export const WriteOffSerialForm = ({ serialNumber, inStock, onDone }: { serialNumber: string; inStock: boolean; onDone: () => void }) => {
  const { t } = useTranslation(undefined, { keyPrefix: "serials.serialForms.writeOff" })
  const [reason, setReason] = useState("")
  const scrap = useScrapSerials()
  return (
    <div className="flex flex-col gap-y-4" data-testid="write-off-form">
      <Text size="small" className="text-ui-fg-subtle">
        {t("intro")}
        {inStock ? ` ${t("introInStock")}` : ""}
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
                toast.success(t("writtenOff", { serial: serialNumber }))
                onDone()
              },
              onError: (e) => toast.error((e as Error).message),
            }
          )
        }
      >
        {t("submit")}
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
  const { t } = useTranslation(undefined, { keyPrefix: "serials.serialForms.writeOff" })
  const { t: tc } = useTranslation(undefined, { keyPrefix: "serials.common" })
  const { data, isLoading } = useSerialNumbers({ variant_id: variantId, stock_location_id: locationId, status: "active", order: "serial_number", limit: 200 })
  const [picked, setPicked] = useState<string[]>([])
  const [reason, setReason] = useState(() => t("reasons.lost"))
  const scrap = useScrapSerials()
  const toggle = (text: string) => setPicked((list) => (list.includes(text) ? list.filter((p) => p !== text) : [...list, text]))
  return (
    <div className="flex flex-col gap-y-4" data-testid="pick-left-serials">
      <Text size="small" className="text-ui-fg-subtle">
        {t("pickLeftIntro", { count: beyond })}
      </Text>
      {isLoading ? (
        <Text size="small">{tc("loading")}</Text>
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
                toast.success(t("writtenOffCount", { count: picked.length }))
                onDone()
              },
              onError: (e) => toast.error((e as Error).message),
            }
          )
        }
      >
        {picked.length ? t("submitCount", { count: picked.length }) : t("submit")}
      </Button>
    </div>
  )
}
