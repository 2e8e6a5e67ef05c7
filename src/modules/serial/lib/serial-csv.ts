/**
 * The CSV file of serial numbers: its columns, and what each cell may hold. One column
 * list serves import and export, so an exported file imports again unchanged. Nothing here
 * reads the database; `import-engine.ts` adds what needs it (variants, locations, stock).
 */
import { dateRuleText, parseDateInput } from "./dates"
import { cleanSerial, normalizeSerial, serialTextProblem } from "../../../shared/serial-text"
import { jsonTextProblem, textProblem } from "../../../shared/text-rules"
import type { SerialStatus } from "./status-machine"

/** Columns in the order the export writes them. */
export const SERIAL_CSV_COLUMNS = [
  "serial_number",
  "sku",
  "variant_id",
  "status",
  "location",
  "supplier",
  "supplier_reference",
  "unit_cost",
  "received_at",
  "delivered_at",
  "warranty_starts_at",
  "warranty_expires_at",
  "contract_expires_at",
  "end_of_life_at",
  "notes",
  "metadata",
] as const
export type SerialCsvColumn = (typeof SERIAL_CSV_COLUMNS)[number]

/**
 * Free-text columns. A spreadsheet runs a cell that starts with `=`, `+`, `-`, `@` or `|`
 * as a formula (`|` as a DDE call), and such text can come from outside the store (a serial a customer registered,
 * a supplier's reference): the export writes these columns with a leading `'` when they
 * start with one of those (or with `'` itself), and the import removes one leading `'`, so
 * an exported file imports back unchanged and never runs as a formula.
 */
export const FREE_TEXT_COLUMNS: ReadonlySet<SerialCsvColumn> = new Set([
  "serial_number",
  "sku",
  "supplier",
  "supplier_reference",
  "notes",
])
const FORMULA_START = /^[=+\-@|\t\r']/

/** A free-text value as the export writes it. */
export function protectCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value
}

/** A free-text cell as the import reads it: one leading `'` (after spaces) is dropped. */
export function unprotectCell(cell: string): string {
  const start = cell.trimStart()
  return start.startsWith("'") ? start.slice(1) : cell
}

/** Other names a header may use for a column: the API's field names. */
const COLUMN_ALIASES: Record<string, SerialCsvColumn> = {
  stock_location_id: "location",
  location_id: "location",
  supplier_name: "supplier",
}

export const DATE_COLUMNS = [
  "received_at",
  "delivered_at",
  "warranty_starts_at",
  "warranty_expires_at",
  "contract_expires_at",
  "end_of_life_at",
] as const
export type DateColumn = (typeof DATE_COLUMNS)[number]

/**
 * Statuses an import may create, and whether the serial has a stock location in it. An
 * import records units that exist already, so it may create any status the status machine
 * can reach without an order: `reserved` belongs to an order line and is refused.
 */
export const IMPORT_STATUS_LOCATION: Record<Exclude<SerialStatus, "reserved">, "required" | "optional" | "none"> = {
  inactive: "none",
  active: "required",
  delivered: "none",
  // An expired serial keeps the location it had (the status machine's `expire` keeps it).
  expired: "optional",
  scrapped: "none",
}
export type ImportStatus = keyof typeof IMPORT_STATUS_LOCATION

export const MAX_NOTES_LENGTH = 5000
export const MAX_TEXT_LENGTH = 255
export const MAX_METADATA_BYTES = 16384

/** One problem of an import, as the admin sees it: the file's line, the column, the value. */
export type ImportProblem = {
  /** Line number in the file (the header is line 1); null for problems of the whole file. */
  row: number | null
  column: string | null
  value: string | null
  message: string
}

/** A problem with the file as a whole (header, encoding): nothing can be read after it. */
export class CsvFileError extends Error {
  readonly name = "CsvFileError"
  constructor(message: string, public readonly problems: ImportProblem[]) {
    super(message)
  }

  /**
   * Whether `e` is one, also as a workflow hands it back: a step's error reaches the
   * caller as a plain copy of its fields, not as an instance of its class.
   */
  static is(e: unknown): e is CsvFileError {
    return !!e && (e as any).name === "CsvFileError" && Array.isArray((e as any).problems)
  }
}

export type CsvHeader = { columns: Array<SerialCsvColumn>; width: number }

/** Reads the header row (case-insensitive names); refuses unknown, repeated and missing columns. */
export function parseHeader(cells: string[], line = 1): CsvHeader {
  const problems: ImportProblem[] = []
  const columns: SerialCsvColumn[] = []
  const seen = new Set<string>()
  for (const raw of cells) {
    const name = raw.trim().toLowerCase()
    const column = (COLUMN_ALIASES[name] ?? name) as SerialCsvColumn
    if (!(SERIAL_CSV_COLUMNS as readonly string[]).includes(column)) {
      problems.push({
        row: line,
        column: clip(raw),
        value: clip(raw),
        message: name
          ? `Unknown column '${clip(raw)}'; the columns are: ${SERIAL_CSV_COLUMNS.join(", ")}`
          : "A column has no name in the header row",
      })
      continue
    }
    if (seen.has(column)) {
      problems.push({ row: line, column, value: clip(raw), message: `Column '${column}' appears twice in the header row` })
      continue
    }
    seen.add(column)
    columns.push(column)
  }
  if (!problems.length) {
    if (!seen.has("serial_number")) {
      problems.push({ row: line, column: "serial_number", value: null, message: "The header row has no 'serial_number' column" })
    }
    if (!seen.has("sku") && !seen.has("variant_id")) {
      problems.push({
        row: line,
        column: "sku",
        value: null,
        message: "The header row needs a 'sku' or a 'variant_id' column to say which variant each serial is",
      })
    }
  }
  if (problems.length) {
    throw new CsvFileError(`The header row is not usable: ${problems.map((p) => p.message).join("; ")}`, problems)
  }
  return { columns, width: cells.length }
}

/** A data row read into typed values; what could not be read is in `problems`. */
export type ParsedRow = {
  row: number
  serial_number: string | null
  normalized: string | null
  sku: string | null
  variant_id: string | null
  status: ImportStatus | null
  /** Status column left empty: decided by the location (active there, else inactive). */
  status_given: boolean
  location: string | null
  supplier_name: string | null
  supplier_reference: string | null
  unit_cost: number | null
  dates: Partial<Record<DateColumn, string>>
  notes: string | null
  metadata: Record<string, unknown> | null
  problems: ImportProblem[]
}

/** True for a line of empty cells (a spreadsheet's trailing `,,,,`): skipped, not a row. */
export function isBlankRecord(cells: string[]): boolean {
  return cells.every((c) => c.trim() === "")
}

export function parseRow(header: CsvHeader, cells: string[], row: number): ParsedRow {
  const parsed: ParsedRow = {
    row,
    serial_number: null,
    normalized: null,
    sku: null,
    variant_id: null,
    status: null,
    status_given: false,
    location: null,
    supplier_name: null,
    supplier_reference: null,
    unit_cost: null,
    dates: {},
    notes: null,
    metadata: null,
    problems: [],
  }
  const problem = (column: string | null, value: string | null, message: string) =>
    parsed.problems.push({ row, column, value: value === null ? null : clip(value), message })

  if (cells.length !== header.width) {
    problem(null, null, `The row has ${cells.length} values but the header has ${header.width} columns`)
    return parsed
  }
  // The plugin's one text rule, on every cell first: a cell that breaks it (a NUL, an
  // invisible character, bytes that were not UTF-8) is named and the row read no further.
  header.columns.forEach((c, i) => {
    const broken = textProblem(cells[i], { allowLineBreaks: c === "notes" || c === "metadata" })
    if (broken) {
      problem(c, cells[i], `'${c}' ${broken}`)
    }
  })
  if (parsed.problems.length) {
    return parsed
  }
  const cell: Partial<Record<SerialCsvColumn, string>> = {}
  header.columns.forEach((c, i) => {
    cell[c] = FREE_TEXT_COLUMNS.has(c) ? unprotectCell(cells[i]) : cells[i]
  })
  const text = (c: SerialCsvColumn) => {
    const v = cell[c]?.trim()
    return v ? v : null
  }

  const serial = cell.serial_number ?? ""
  const serialProblem = serialTextProblem(serial)
  if (serialProblem) {
    problem("serial_number", serial, serial.trim() ? serialProblem : "The serial number is missing")
  } else {
    parsed.serial_number = cleanSerial(serial)
    parsed.normalized = normalizeSerial(serial)
  }

  parsed.sku = text("sku")
  parsed.variant_id = text("variant_id")
  if (!parsed.sku && !parsed.variant_id) {
    problem(header.columns.includes("sku") ? "sku" : "variant_id", "", "Give the variant's SKU or its variant id")
  }

  const status = text("status")
  if (status) {
    const lower = status.toLowerCase()
    if (lower === "reserved") {
      problem("status", status, "A serial cannot be imported as 'reserved' (a reservation belongs to an order); import it as 'active'")
    } else if (!(lower in IMPORT_STATUS_LOCATION)) {
      problem("status", status, `Unknown status '${clip(status)}'; use one of ${Object.keys(IMPORT_STATUS_LOCATION).join(", ")}`)
    } else {
      parsed.status = lower as ImportStatus
      parsed.status_given = true
    }
  }
  parsed.location = text("location")
  if (!status) {
    parsed.status = parsed.location ? "active" : "inactive"
  }
  if (parsed.status) {
    const rule = IMPORT_STATUS_LOCATION[parsed.status]
    if (rule === "required" && !parsed.location) {
      problem("location", "", `A serial imported as '${parsed.status}' is in stock: give its stock location (id or name)`)
    } else if (rule === "none" && parsed.location) {
      problem(
        "location",
        parsed.location,
        `A serial imported as '${parsed.status}' is not in stock, so it has no location; leave 'location' empty or import it as 'active'`
      )
    }
  }

  parsed.supplier_name = boundedText(cell.supplier, "supplier", MAX_TEXT_LENGTH, problem)
  parsed.supplier_reference = boundedText(cell.supplier_reference, "supplier_reference", MAX_TEXT_LENGTH, problem)
  parsed.notes = boundedText(cell.notes, "notes", MAX_NOTES_LENGTH, problem)

  const cost = text("unit_cost")
  if (cost) {
    const n = /^\d{1,15}(\.\d{1,6})?$/.test(cost) ? Number(cost) : NaN
    if (Number.isNaN(n)) {
      problem("unit_cost", cost, `Unit cost must be a number of zero or more with a '.' decimal point, got '${clip(cost)}'`)
    } else {
      parsed.unit_cost = n
    }
  }

  for (const column of DATE_COLUMNS) {
    const v = text(column)
    if (!v) {
      continue
    }
    const iso = parseCsvDate(v)
    if (!iso) {
      problem(column, v, `'${column}' must be ${dateRuleText()}, got '${clip(v)}'`)
    } else {
      parsed.dates[column] = iso
    }
  }
  const { warranty_starts_at: starts, warranty_expires_at: expires } = parsed.dates
  if (starts && expires && Date.parse(expires) < Date.parse(starts)) {
    problem("warranty_expires_at", text("warranty_expires_at"), "The warranty expires before it starts")
  }

  const metadata = text("metadata")
  if (metadata) {
    let value: unknown
    try {
      value = JSON.parse(metadata)
    } catch {
      value = undefined
    }
    const broken = jsonTextProblem(value, "metadata")
    if (!value || typeof value !== "object" || Array.isArray(value)) {
      problem("metadata", metadata, 'Metadata must be a JSON object, such as {"plan":"paid"}')
    } else if (metadata.length > MAX_METADATA_BYTES) {
      problem("metadata", metadata, `Metadata is larger than ${MAX_METADATA_BYTES / 1024} KB`)
    } else if (broken) {
      problem("metadata", metadata, `'${broken.path}' ${broken.problem}`)
    } else {
      parsed.metadata = value as Record<string, unknown>
    }
  }
  return parsed
}

/** A date cell by the plugin's one date rule (lib/dates.ts), as ISO text; null when it breaks it. */
export function parseCsvDate(v: string): string | null {
  return parseDateInput(v)?.toISOString() ?? null
}

function boundedText(
  raw: string | undefined,
  column: string,
  max: number,
  problem: (column: string, value: string, message: string) => void
): string | null {
  const v = raw?.trim()
  if (!v) {
    return null
  }
  if (v.length > max) {
    problem(column, v, `'${column}' is ${v.length} characters long; the limit is ${max}`)
    return null
  }
  return v
}

/** Values in problems are cut short: a report must stay readable whatever the file holds. */
export function clip(v: string, max = 100): string {
  return v.length > max ? `${v.slice(0, max)}…` : v
}

