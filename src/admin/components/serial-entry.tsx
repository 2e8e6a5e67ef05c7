import { Badge, Input, Label, Text, Textarea } from "@medusajs/ui"
import { useState } from "react"
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

/** Problems the form can see at once, before asking the server: bad text and repeats. */
export function entryProblems(entry: SerialEntry): string[] {
  const serials = entry.mode === "paste" ? splitSerialList(entry.pasted) : entry.mode === "scan" ? entry.scanned : []
  const problems: string[] = []
  const seen = new Set<string>()
  const repeated = new Set<string>()
  for (const s of serials) {
    const problem = serialTextProblem(s)
    if (problem) {
      problems.push(problem)
    }
    const key = normalizeSerial(s)
    if (seen.has(key)) {
      repeated.add(s.trim())
    }
    seen.add(key)
  }
  if (repeated.size) {
    problems.push(`entered twice: ${[...repeated].join(", ")}`)
  }
  if (entry.mode === "range" && entry.from && entry.to) {
    try {
      expandRange(entry.from, entry.to)
    } catch (e) {
      problems.push((e as Error).message)
    }
  }
  return problems
}

const MODES: Array<{ value: EntryMode; label: string }> = [
  { value: "paste", label: "Paste" },
  { value: "range", label: "Range" },
  { value: "scan", label: "Scan" },
  { value: "series", label: "Series" },
]

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
  const [scan, setScan] = useState("")
  const [scanNote, setScanNote] = useState<string | null>(null)
  const problems = entryProblems(entry)
  const { quantity } = entryToItem(entry)

  return (
    <div className="flex flex-col gap-2">
      <div className="flex gap-1" role="tablist">
        {MODES.map((m) => (
          <button
            key={m.value}
            type="button"
            role="tab"
            aria-selected={entry.mode === m.value}
            data-testid={`line-${index}-mode-${m.value}`}
            className={`txt-compact-small rounded-md px-2 py-1 ${
              entry.mode === m.value ? "bg-ui-bg-base shadow-borders-base text-ui-fg-base" : "text-ui-fg-subtle hover:bg-ui-bg-base-hover"
            }`}
            onClick={() => onChange({ ...entry, mode: m.value })}
          >
            {m.label}
          </button>
        ))}
      </div>
      {entry.mode === "paste" && (
        <Textarea
          rows={4}
          placeholder={"One serial per line, or separated by commas"}
          aria-label={`Serials of line ${index + 1}`}
          value={entry.pasted}
          onChange={(e) => onChange({ ...entry, pasted: e.target.value })}
        />
      )}
      {entry.mode === "range" && (
        <div className="grid grid-cols-2 gap-2">
          <div>
            <Label size="xsmall">First serial</Label>
            <Input size="small" placeholder="SN-0001" value={entry.from} onChange={(e) => onChange({ ...entry, from: e.target.value })} />
          </div>
          <div>
            <Label size="xsmall">Last serial</Label>
            <Input size="small" placeholder="SN-0100" value={entry.to} onChange={(e) => onChange({ ...entry, to: e.target.value })} />
          </div>
        </div>
      )}
      {entry.mode === "scan" && (
        <div className="flex flex-col gap-2">
          <Input
            size="small"
            placeholder="Scan or type a serial, then Enter"
            aria-label={`Scan serials of line ${index + 1}`}
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
                setScanNote(`${value} was already scanned`)
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
          <Label size="xsmall">Quantity</Label>
          <Input
            size="small"
            type="number"
            min={1}
            className="w-24"
            value={entry.quantity}
            onChange={(e) => onChange({ ...entry, quantity: Math.max(0, Number(e.target.value) || 0) })}
          />
          <Text size="xsmall" className="text-ui-fg-subtle">
            The variant's series issues the serials; the preview shows them.
          </Text>
        </div>
      )}
      <Text size="xsmall" className="text-ui-fg-subtle">
        {quantity} serial{quantity === 1 ? "" : "s"}
      </Text>
      {problems.map((p) => (
        <Text key={p} size="xsmall" className="text-ui-fg-error">
          {p}
        </Text>
      ))}
    </div>
  )
}
