import { XMarkMini } from "@medusajs/icons"
import { Button, IconButton, Input, StatusBadge, Text } from "@medusajs/ui"
import { useRef, useState } from "react"
import { findSerialsByText, normalizeSerialText } from "../lib/serial-lookup"

type Check =
  | { state: "checking" }
  | { state: "ok" }
  | { state: "problem"; message: string }

type Entry = { key: number; text: string; check: Check }

/**
 * Serials entered one by one (a barcode scanner types the text and presses Enter). Each
 * entry is checked at once: a duplicate of an earlier entry or of a serial already on the
 * line, a serial of another variant, an unknown serial or one not in stock is flagged
 * before anything is submitted.
 */
export const SerialScanList = ({
  variantId,
  taken,
  max,
  submitLabel,
  isSubmitting,
  onSubmit,
}: {
  variantId: string
  /** Serial texts already on the line. */
  taken: string[]
  /** How many serials the line still misses. */
  max: number
  submitLabel: (n: number) => string
  isSubmitting?: boolean
  onSubmit: (texts: string[]) => Promise<unknown>
}) => {
  const [value, setValue] = useState("")
  const [entries, setEntries] = useState<Entry[]>([])
  const nextKey = useRef(1)

  const setCheck = (key: number, check: Check) =>
    setEntries((list) => list.map((e) => (e.key === key ? { ...e, check } : e)))

  const add = (raw: string) => {
    const text = raw.trim()
    if (!text) {
      return
    }
    const key = nextKey.current++
    const normalized = normalizeSerialText(text)
    const duplicateOf = entries.some((e) => normalizeSerialText(e.text) === normalized)
      ? "scanned twice"
      : taken.some((t) => normalizeSerialText(t) === normalized)
        ? "already on this line"
        : null
    if (duplicateOf) {
      setEntries((list) => [...list, { key, text, check: { state: "problem", message: `Duplicate: ${duplicateOf}` } }])
      return
    }
    setEntries((list) => [...list, { key, text, check: { state: "checking" } }])
    findSerialsByText(text)
      .then((found) => {
        const own = found.find((s) => s.variant_id === variantId)
        if (!found.length) {
          setCheck(key, { state: "problem", message: "Unknown serial number" })
        } else if (!own) {
          setCheck(key, { state: "problem", message: "Wrong variant: this serial belongs to another variant" })
        } else if (own.status !== "active") {
          setCheck(key, { state: "problem", message: `Not in stock (${own.status})` })
        } else {
          setCheck(key, { state: "ok" })
        }
      })
      .catch((e: Error) => setCheck(key, { state: "problem", message: e.message }))
  }

  const remove = (key: number) => setEntries((list) => list.filter((e) => e.key !== key))
  const tooMany = entries.length > max
  const ready = entries.length > 0 && !tooMany && entries.every((e) => e.check.state === "ok")

  return (
    <div className="flex flex-col gap-y-3" data-testid="serial-scan-list">
      <Input
        size="small"
        placeholder="Scan or type a serial number, then press Enter"
        aria-label="Scan or type a serial number"
        value={value}
        onChange={(e) => setValue(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault()
            add(value)
            setValue("")
          }
        }}
      />
      {entries.length > 0 && (
        <ul className="flex flex-col divide-y rounded-md border">
          {entries.map((e) => (
            <li key={e.key} className="flex items-center justify-between gap-x-3 px-3 py-1.5" data-testid="scan-entry" data-state={e.check.state}>
              <Text size="small" className="font-mono">
                {e.text}
              </Text>
              <div className="flex items-center gap-x-2">
                {e.check.state === "checking" && <StatusBadge color="grey">Checking…</StatusBadge>}
                {e.check.state === "ok" && <StatusBadge color="green">In stock</StatusBadge>}
                {e.check.state === "problem" && <StatusBadge color="red">{e.check.message}</StatusBadge>}
                <IconButton size="2xsmall" variant="transparent" aria-label={`Remove ${e.text}`} onClick={() => remove(e.key)}>
                  <XMarkMini />
                </IconButton>
              </div>
            </li>
          ))}
        </ul>
      )}
      <div className="flex items-center justify-between gap-x-3">
        <Text size="xsmall" className={tooMany ? "text-ui-fg-error" : "text-ui-fg-subtle"}>
          {tooMany ? `This line misses only ${max}; remove ${entries.length - max}.` : `${entries.length} of ${max} scanned`}
        </Text>
        <Button
          size="small"
          variant="secondary"
          disabled={!ready}
          isLoading={isSubmitting}
          onClick={() => onSubmit(entries.map((e) => e.text)).then(() => setEntries([]), () => {})}
        >
          {submitLabel(entries.length)}
        </Button>
      </div>
    </div>
  )
}
