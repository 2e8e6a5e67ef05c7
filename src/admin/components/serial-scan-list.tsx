import { XMarkMini } from "@medusajs/icons"
import { Button, IconButton, Input, StatusBadge, Text } from "@medusajs/ui"
import { useRef, useState } from "react"
import { useTranslation } from "react-i18next"
import { findSerialsByText, normalizeSerialText } from "../lib/serial-lookup"
import type { AdminSerialNumber } from "../../shared/http/admin"

/**
 * Why a scanned text cannot be taken: a key of `serials.entry.scan` with its values (the
 * list translates it), or a message as the server wrote it.
 */
export type ScanProblem =
  | { key: "wrongVariant" | "notOnReceipt" | "movedElsewhere" | "severalVariants" | "unknown" | "duplicateScanned" | "duplicateTaken" }
  | { key: "notInStock"; values: { status: string } }
  | { key: "inStockAt"; values: { location: string } }
  | { message: string }

type Check =
  | { state: "checking" }
  | { state: "ok" }
  | { state: "problem"; problem: ScanProblem }

type Entry = { key: number; text: string; check: Check }

/** A check for `SerialScanList`: the text names a serial of this variant that is in stock. */
export const inStockOfVariant =
  (variantId: string) =>
  (found: AdminSerialNumber[]): ScanProblem | null => {
    const own = found.find((s) => s.variant_id === variantId)
    if (!own) {
      return { key: "wrongVariant" }
    }
    return own.status === "active" ? null : { key: "notInStock", values: { status: own.status } }
  }

/** A check for `SerialScanList`: the text names a serial of this receipt that is in stock. */
export const inStockOfReceipt =
  (receiptId: string) =>
  (found: AdminSerialNumber[]): ScanProblem | null => {
    const own = found.find((s) => s.receipt_id === receiptId)
    if (!own) {
      return { key: "notOnReceipt" }
    }
    return own.status === "active" ? null : { key: "notInStock", values: { status: own.status } }
  }

/** A check for `SerialScanList`: the text names a serial of this receipt still in stock at its location (a partial cancel). */
export const stillOnReceipt =
  (receiptId: string, locationId: string) =>
  (found: AdminSerialNumber[]): ScanProblem | null => {
    const own = found.find((s) => s.receipt_id === receiptId)
    if (!own) {
      return { key: "notOnReceipt" }
    }
    if (own.status !== "active") {
      return { key: "notInStock", values: { status: own.status } }
    }
    return own.stock_location_id === locationId ? null : { key: "movedElsewhere" }
  }

/** A check for `SerialScanList`: the text names a serial in stock at this location. */
export const inStockAt =
  (locationId: string, locationName: (id: string) => string) =>
  (found: AdminSerialNumber[]): ScanProblem | null => {
    const here = found.filter((s) => s.status === "active" && s.stock_location_id === locationId)
    if (here.length === 1) {
      return null
    }
    if (here.length > 1) {
      return { key: "severalVariants" }
    }
    const elsewhere = found.find((s) => s.status === "active")
    return elsewhere
      ? { key: "inStockAt", values: { location: locationName(elsewhere.stock_location_id!) } }
      : { key: "notInStock", values: { status: found[0].status } }
  }

/**
 * Serials entered one by one (a barcode scanner types the text and presses Enter). Each
 * entry is checked at once: a duplicate of an earlier entry or of a serial already taken,
 * an unknown serial, or one `check` refuses (another variant, not in stock, elsewhere) is
 * flagged before anything is submitted.
 */
export const SerialScanList = ({
  check,
  okLabel,
  taken = [],
  max,
  countLabel,
  submitLabel,
  isSubmitting,
  onSubmit,
}: {
  /** Why the serials with this text cannot be taken, or null when one can. */
  check: (found: AdminSerialNumber[]) => ScanProblem | null
  /** What a serial `check` accepts is called; "In stock" when not given. */
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
  const { t } = useTranslation(undefined, { keyPrefix: "serials.entry" })
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
    const duplicate: ScanProblem | null = entries.some((e) => normalizeSerialText(e.text) === normalized)
      ? { key: "duplicateScanned" }
      : taken.some((s) => normalizeSerialText(s) === normalized)
        ? { key: "duplicateTaken" }
        : null
    if (duplicate) {
      setEntries((list) => [...list, { key, text, check: { state: "problem", problem: duplicate } }])
      return
    }
    setEntries((list) => [...list, { key, text, check: { state: "checking" } }])
    findSerialsByText(text)
      .then((found) => {
        const problem: ScanProblem | null = found.length ? check(found) : { key: "unknown" }
        setCheck(key, problem ? { state: "problem", problem } : { state: "ok" })
      })
      .catch((e: Error) => setCheck(key, { state: "problem", problem: { message: e.message } }))
  }

  const problemText = (problem: ScanProblem) => {
    if ("message" in problem) {
      return problem.message
    }
    switch (problem.key) {
      case "notInStock":
        return t("scan.notInStock", problem.values)
      case "inStockAt":
        return t("scan.inStockAt", problem.values)
      default:
        return t(`scan.${problem.key}`)
    }
  }

  const remove = (key: number) => setEntries((list) => list.filter((e) => e.key !== key))
  const tooMany = max !== undefined && entries.length > max
  const ready = entries.length > 0 && !tooMany && entries.every((e) => e.check.state === "ok")

  return (
    <div className="flex flex-col gap-y-3" data-testid="serial-scan-list">
      <Input
        size="small"
        placeholder={t("scan.placeholder")}
        aria-label={t("scan.input")}
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
                {e.check.state === "checking" && <StatusBadge color="grey">{t("scan.checking")}</StatusBadge>}
                {e.check.state === "ok" && <StatusBadge color="green">{okLabel ?? t("scan.inStock")}</StatusBadge>}
                {e.check.state === "problem" && <StatusBadge color="red">{problemText(e.check.problem)}</StatusBadge>}
                <IconButton size="2xsmall" variant="transparent" aria-label={t("scan.remove", { serial: e.text })} onClick={() => remove(e.key)}>
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
            ? t("scan.tooMany", { max, remove: entries.length - max! })
            : countLabel
              ? countLabel(entries.length)
              : t("scan.scanned", { count: entries.length })}
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
