/**
 * What a serial's text may be. Serials are stored in Unicode normal form C and trimmed;
 * uniqueness and look-ups compare the upper-cased form. Commas and "::" are refused
 * because they separate serials in lists and ranges; control, invisible and broken
 * characters by the plugin's text rule (text-rules.ts).
 */
import { textProblem } from "./text-rules"

export const MAX_SERIAL_LENGTH = 100

/** A serial as it is stored: normal form C, trimmed. */
export function cleanSerial(text: string): string {
  return text.normalize("NFC").trim()
}

/** The uniqueness and look-up key of a serial. */
export function normalizeSerial(text: string): string {
  return cleanSerial(text).toUpperCase()
}

/** The reason `text` cannot be a serial, or null when it can. */
export function serialTextProblem(text: unknown): string | null {
  if (typeof text !== "string") {
    return `serial must be text, got ${JSON.stringify(text)}`
  }
  const t = cleanSerial(text)
  if (!t) {
    return "serial is empty"
  }
  if (t.length > MAX_SERIAL_LENGTH) {
    return `serial "${t.slice(0, 20)}…" is ${t.length} characters long; the limit is ${MAX_SERIAL_LENGTH}`
  }
  // The whole text first (trim() would quietly drop a leading U+FEFF), then the serial
  // itself, in which even a tab or line break is refused (around it they are trimmed away).
  const whole = textProblem(text)
  if (whole) {
    return `serial ${JSON.stringify(text)} ${whole}`
  }
  const problem = textProblem(t, { allowLineBreaks: false })
  if (problem) {
    return `serial ${JSON.stringify(t)} ${problem}`
  }
  if (t.includes(",")) {
    return `serial "${t}" contains a comma, which separates serials in a list`
  }
  if (t.includes("::")) {
    return `serial "${t}" contains "::", which marks a range`
  }
  return null
}
