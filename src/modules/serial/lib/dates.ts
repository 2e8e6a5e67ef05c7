/**
 * The one date rule of every input the plugin reads (JSON bodies, queries, CSV cells):
 * a calendar day `YYYY-MM-DD` (midnight UTC) or an ISO 8601 date-time
 * `YYYY-MM-DDTHH:MM[:SS[.fff]][Z|±HH:MM]` (no zone: UTC). Both only with real calendar
 * days (Feb 30 is refused, where `Date.parse` would quietly make it Mar 2) and years 1000
 * to 9999, which Postgres reads back as they were written (it refuses year 0, and Node
 * writes years past 9999 with a sign Postgres cannot read).
 */

export const MIN_YEAR = 1000
export const MAX_YEAR = 9999

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/
const DATE_TIME_RE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/i

function isRealDay(year: number, month: number, day: number): boolean {
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) {
    return false
  }
  // Day 0 of the next month is the last day of this one.
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** `YYYY-MM-DD` to the Date of that day's UTC midnight; null when it is not a real day. */
export function parseDay(text: string): Date | null {
  const m = DAY_RE.exec(text)
  if (!m || !isRealDay(Number(m[1]), Number(m[2]), Number(m[3]))) {
    return null
  }
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
}

/** A day or a date-time as above; null when the text is anything else. */
export function parseDateInput(text: unknown): Date | null {
  if (typeof text !== "string" || text.length > 40) {
    return null
  }
  const day = parseDay(text)
  if (day) {
    return day
  }
  const m = DATE_TIME_RE.exec(text)
  if (!m || !isRealDay(Number(m[1]), Number(m[2]), Number(m[3]))) {
    return null
  }
  if (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 59) {
    return null
  }
  const zone = m[8] ? (m[8].toUpperCase() === "Z" ? "Z" : `${m[8].slice(0, 3)}:${m[8].slice(-2)}`) : "Z"
  const fraction = m[7] ? m[7].slice(0, 4) : ""
  const t = Date.parse(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? "00"}${fraction}${zone}`)
  if (Number.isNaN(t)) {
    return null
  }
  // A zone offset can carry the instant over a year boundary (9999-12-31T23:00-05:00).
  const year = new Date(t).getUTCFullYear()
  return year >= MIN_YEAR && year <= MAX_YEAR ? new Date(t) : null
}

/** What a date must be, for messages that name the field and the value. */
export function dateRuleText(): string {
  return `an ISO 8601 date (YYYY-MM-DD) or date-time (YYYY-MM-DDTHH:MM:SSZ), a real calendar day of the years ${MIN_YEAR} to ${MAX_YEAR}`
}

/** The UTC calendar day of a date, `YYYY-MM-DD`. */
export function formatDay(date: Date): string {
  return date.toISOString().slice(0, 10)
}

/** The UTC calendar day of a date, or of a day or date-time given as text; null when unreadable. */
export function toDay(input: string | Date): string | null {
  if (input instanceof Date) {
    return Number.isNaN(input.getTime()) ? null : formatDay(input)
  }
  const date = parseDateInput(input)
  return date ? formatDay(date) : null
}
