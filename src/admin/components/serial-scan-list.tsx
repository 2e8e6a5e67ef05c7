import { XMarkMini } from "@medusajs/icons"
import { Button, IconButton, Input, StatusBadge, Text } from "@medusajs/ui"
import { useRef, useState } from "react"
import { findSerialsByText, normalizeSerialText } from "../lib/serial-lookup"
import type { AdminSerialNumber } from "../../shared/http/admin"

type Check =
  | { state: "checking" }
  | { state: "ok" }
  | { state: "problem"; message: string }

type Entry = { key: number; text: string; check: Check }

/** A check for `SerialScanList`: the text names a serial of this variant that is in stock. */
export const inStockOfVariant =
  (variantId: string) =>
  (found: AdminSerialNumber[]): string | null => {
    const own = found.find((s) => s.variant_id === variantId)
    if (!own) {
      return "Wrong variant: this serial belongs to another variant"
    }
    return own.status === "active" ? null : `Not in stock (${own.status})`
  }

/** A check for `SerialScanList`: the text names a serial of this receipt that is in stock. */
export const inStockOfReceipt =
  (receiptId: string) =>
  (found: AdminSerialNumber[]): string | null => {
    const own = found.find((s) => s.receipt_id === receiptId)
    if (!own) {
      return "Did not come with this receipt"
    }
    return own.status === "active" ? null : `Not in stock (${own.status})`
  }

/** A check for `SerialScanList`: the text names a serial of this receipt still in stock at its location (a partial cancel). */
export const stillOnReceipt =
  (receiptId: string, locationId: string) =>
  (found: AdminSerialNumber[]): string | null => {
    const own = found.find((s) => s.receipt_id === receiptId)
    if (!own) {
      return "Did not come with this receipt"
    }
    if (own.status !== "active") {
      return `Not in stock (${own.status})`
    }
    return own.stock_location_id === locationId ? null : "Moved to another location since"
  }

/** A check for `SerialScanList`: the text names a serial in stock at this location. */
export const inStockAt =
  (locationId: string, locationName: (id: string) => string) =>
  (found: AdminSerialNumber[]): string | null => {
    const here = found.filter((s) => s.status === "active" && s.stock_location_id === locationId)
    if (here.length === 1) {
      return null
    }
    if (here.length > 1) {
      return "Names serials of several variants here"
    }
    const elsewhere = found.find((s) => s.status === "active")
    return elsewhere ? `In stock at ${locationName(elsewhere.stock_location_id!)}` : `Not in stock (${found[0].status})`
  }

/**
 * Serials entered one by one (a barcode scanner types the text and presses Enter). Each
 * entry is checked at once: a duplicate of an earlier entry or of a serial already taken,
 * an unknown serial, or one `check` refuses (another variant, not in stock, elsewhere) is
 * flagged before anything is submitted.
 */
export const SerialScanList = ({
  check,
  okLabel = "In stock",
  taken = [],
  max,
  countLabel,
  submitLabel,
  isSubmitting,
  onSubmit,
}: {
  /** Why the serials with this text cannot be taken, or null when one can. */
  check: (found: AdminSerialNumber[]) => string | null
  /** What a serial `check` accepts is called. */
  okLabel?: string
  /** Serial texts already taken (on the line). */
  taken?: string[]
  /** How many serials may be entered at most, when there is a limit. */
  max?: number
  /** The count under the list; the default says how many were scanned. */
  countLabel?: (n: number) => string
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
        const problem = found.length ? check(found) : "Unknown serial number"
        setCheck(key, problem ? { state: "problem", message: problem } : { state: "ok" })
      })
      .catch((e: Error) => setCheck(key, { state: "problem", message: e.message }))
  }

  const remove = (key: number) => setEntries((list) => list.filter((e) => e.key !== key))
  const tooMany = max !== undefined && entries.length > max
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
                {e.check.state === "ok" && <StatusBadge color="green">{okLabel}</StatusBadge>}
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
          {tooMany
            ? `Only ${max} may be entered; remove ${entries.length - max!}.`
            : countLabel
              ? countLabel(entries.length)
              : `${entries.length} scanned`}
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
