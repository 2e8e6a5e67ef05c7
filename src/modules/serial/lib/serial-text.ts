/**
 * What a serial's text may be. Serials are trimmed; uniqueness and look-ups compare the
 * upper-cased form. Commas and "::" are refused because they separate serials in lists
 * and ranges; control characters because they cannot be printed on a label or typed.
 */
export const MAX_SERIAL_LENGTH = 100

export function normalizeSerial(text: string): string {
  return text.trim().toUpperCase()
}

/** The reason `text` cannot be a serial, or null when it can. */
export function serialTextProblem(text: unknown): string | null {
  if (typeof text !== "string") {
    return `serial must be text, got ${JSON.stringify(text)}`
  }
  const t = text.trim()
  if (!t) {
    return "serial is empty"
  }
  if (t.length > MAX_SERIAL_LENGTH) {
    return `serial "${t.slice(0, 20)}…" is ${t.length} characters long; the limit is ${MAX_SERIAL_LENGTH}`
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f]/.test(t)) {
    return `serial ${JSON.stringify(t)} contains a control character`
  }
  if (t.includes(",")) {
    return `serial "${t}" contains a comma, which separates serials in a list`
  }
  if (t.includes("::")) {
    return `serial "${t}" contains "::", which marks a range`
  }
  return null
}
