import { Badge, Input, Label, Text, Textarea } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { normalizeSerial, serialTextProblem } from "../../shared/serial-text"
import { expandRange, splitSerialList } from "../../shared/serial-input"

export type EntryMode = "paste" | "range" | "scan" | "series"

/** What one receipt line names as its serials, in the form's own terms. */
export type SerialEntry = {
  mode: EntryMode
  pasted: string
  from: string
  to: string
  scanned: string[]
  quantity: number
}

export const emptyEntry = (): SerialEntry => ({ mode: "paste", pasted: "", from: "", to: "", scanned: [], quantity: 1 })

/** The entry's serials as the receipt line posts them, and the quantity they make. */
export function entryToItem(entry: SerialEntry): {
  quantity: number
  serial_numbers?: string[]
  range?: { from: string; to: string }
} {
  switch (entry.mode) {
    case "paste": {
      const serials = splitSerialList(entry.pasted)
      return { quantity: serials.length, serial_numbers: serials }
    }
    case "scan":
      return { quantity: entry.scanned.length, serial_numbers: entry.scanned }
    case "range": {
      let quantity = 0
      try {
        quantity = expandRange(entry.from, entry.to).length
      } catch {
        // The server names what is wrong with the range in the preview.
      }
      return { quantity, range: { from: entry.from.trim(), to: entry.to.trim() } }
    }
    case "series":
      return { quantity: entry.quantity }
  }
}

/**
 * A problem the form sees: a serial text or range the shared rules refuse (in their own
 * words, as the server words them too), or serials entered twice. `useEntryProblemText`
 * reads one in the admin user's language.
 */
export type EntryProblem = { message: string } | { twice: string[] }

/** Problems the form can see at once, before asking the server: bad text and repeats. */
export function entryProblems(entry: SerialEntry): EntryProblem[] {
  const serials = entry.mode === "paste" ? splitSerialList(entry.pasted) : entry.mode === "scan" ? entry.scanned : []
  const problems: EntryProblem[] = []
  const seen = new Set<string>()
  const repeated = new Set<string>()
  for (const s of serials) {
    const problem = serialTextProblem(s)
    if (problem) {
      problems.push({ message: problem })
    }
    const key = normalizeSerial(s)
    if (seen.has(key)) {
      repeated.add(s.trim())
    }
    seen.add(key)
  }
  if (repeated.size) {
    problems.push({ twice: [...repeated] })
  }
  if (entry.mode === "range" && entry.from && entry.to) {
    try {
      expandRange(entry.from, entry.to)
    } catch (e) {
      problems.push({ message: (e as Error).message })
    }
  }
  return problems
}

/** Reads an `EntryProblem` as the admin user's text. */
export function useEntryProblemText(): (problem: EntryProblem) => string {
  const { t } = useTranslation(undefined, { keyPrefix: "serials.entry" })
  return (problem) => ("twice" in problem ? t("enteredTwice", { serials: problem.twice.join(", ") }) : problem.message)
}

const MODES: EntryMode[] = ["paste", "range", "scan", "series"]

/** Serial entry for one receipt line: paste a list, give a range, scan one by one, or let the series issue them. */
export const SerialEntryField = ({
  entry,
  onChange,
  index,
}: {
  entry: SerialEntry
  onChange: (entry: SerialEntry) => void
  index: number
}) => {
  const { t } = useTranslation(undefined, { keyPrefix: "serials.entry" })
  const problemText = useEntryProblemText()
  const [scan, setScan] = useState("")
  const [scanNote, setScanNote] = useState<string | null>(null)
  const problems = entryProblems(entry).map(problemText)
  const { quantity } = entryToItem(entry)

  return (
    <div className="flex flex-col gap-2">
      <div className="flex gap-1" role="tablist">
        {MODES.map((mode) => (
          <button
            key={mode}
            type="button"
            role="tab"
            aria-selected={entry.mode === mode}
            data-testid={`line-${index}-mode-${mode}`}
            className={`txt-compact-small rounded-md px-2 py-1 ${
              entry.mode === mode ? "bg-ui-bg-base shadow-borders-base text-ui-fg-base" : "text-ui-fg-subtle hover:bg-ui-bg-base-hover"
            }`}
            onClick={() => onChange({ ...entry, mode })}
          >
            {t(`mode.${mode}`)}
          </button>
        ))}
      </div>
      {entry.mode === "paste" && (
        <Textarea
          rows={4}
          placeholder={t("pastePlaceholder")}
          aria-label={t("pasteLabel", { line: index + 1 })}
          value={entry.pasted}
          onChange={(e) => onChange({ ...entry, pasted: e.target.value })}
        />
      )}
      {entry.mode === "range" && (
        <div className="grid grid-cols-2 gap-2">
          <div>
            <Label size="xsmall">{t("rangeFrom")}</Label>
            <Input size="small" placeholder={t("rangeFromPlaceholder")} value={entry.from} onChange={(e) => onChange({ ...entry, from: e.target.value })} />
          </div>
          <div>
            <Label size="xsmall">{t("rangeTo")}</Label>
            <Input size="small" placeholder={t("rangeToPlaceholder")} value={entry.to} onChange={(e) => onChange({ ...entry, to: e.target.value })} />
          </div>
        </div>
      )}
      {entry.mode === "scan" && (
        <div className="flex flex-col gap-2">
          <Input
            size="small"
            placeholder={t("scanPlaceholder")}
            aria-label={t("scanLabel", { line: index + 1 })}
            value={scan}
            onChange={(e) => setScan(e.target.value)}
            onKeyDown={(e) => {
              if (e.key !== "Enter") {
                return
              }
              e.preventDefault()
              const value = scan.trim()
              if (!value) {
                return
              }
              const problem = serialTextProblem(value)
              if (problem) {
                setScanNote(problem)
              } else if (entry.scanned.some((s) => normalizeSerial(s) === normalizeSerial(value))) {
                setScanNote(t("alreadyScanned", { serial: value }))
              } else {
                setScanNote(null)
                onChange({ ...entry, scanned: [...entry.scanned, value] })
              }
              setScan("")
            }}
          />
          {scanNote && (
            <Text size="xsmall" className="text-ui-fg-error">
              {scanNote}
            </Text>
          )}
          <div className="flex flex-wrap gap-1">
            {entry.scanned.map((s) => (
              <Badge key={s} size="2xsmall" className="cursor-pointer font-mono" onClick={() => onChange({ ...entry, scanned: entry.scanned.filter((x) => x !== s) })}>
                {s} ×
              </Badge>
            ))}
          </div>
        </div>
      )}
      {entry.mode === "series" && (
        <div className="flex items-center gap-2">
          <Label size="xsmall">{t("quantity")}</Label>
          <Input
            size="small"
            type="number"
            min={1}
            className="w-24"
            value={entry.quantity}
            onChange={(e) => onChange({ ...entry, quantity: Math.max(0, Number(e.target.value) || 0) })}
          />
          <Text size="xsmall" className="text-ui-fg-subtle">
            {t("seriesHint")}
          </Text>
        </div>
      )}
      <Text size="xsmall" className="text-ui-fg-subtle">
        {t("serialCount", { count: quantity })}
      </Text>
      {problems.map((p) => (
        <Text key={p} size="xsmall" className="text-ui-fg-error">
          {p}
        </Text>
      ))}
    </div>
  )
}
