/**
 * The one text rule of every free-text field and every serial the plugin stores (JSON
 * bodies, metadata, CSV cells). Refused, with a message that names the character:
 *
 * - NUL and the other control characters (tab, line feed and carriage return are allowed
 *   in free text, never in a serial): Postgres cannot store NUL in text or JSON, and the
 *   others cannot be printed on a label or typed;
 * - zero-width and direction-control characters (U+200B–U+200F, U+202A–U+202E,
 *   U+2060–U+2064, U+2066–U+2069, U+FEFF): invisible, so `A\u200b1` would look like `A1`
 *   while being another serial, and direction controls can make a text read backwards;
 * - text that is not valid Unicode (a lone surrogate, which `\ud800` in JSON gives) and
 *   U+FFFD, the mark a decoder leaves where bytes were not valid UTF-8.
 *
 * Serials are also brought to Unicode normal form C, so that `é` typed as one character and
 * as `e` plus a combining accent are one serial.
 */

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/
const CONTROL_OR_LINE = /[\u0000-\u001f\u007f-\u009f]/
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

function codePoint(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`
}

/**
 * Why `text` may not be stored, or null. `allowLineBreaks`: free text may hold tab, line
 * feed and carriage return; a serial or a name may not.
 */
export function textProblem(text: string, { allowLineBreaks = true }: { allowLineBreaks?: boolean } = {}): string | null {
  const control = (allowLineBreaks ? CONTROL : CONTROL_OR_LINE).exec(text)
  if (control) {
    return control[0] === "\u0000"
      ? "contains a NUL character (U+0000)"
      : `contains a control character (${codePoint(control[0])})`
  }
  const invisible = INVISIBLE.exec(text)
  if (invisible) {
    return `contains an invisible formatting character (${codePoint(invisible[0])})`
  }
  const lone = LONE_SURROGATE.exec(text)
  if (lone) {
    return `is not valid Unicode (a lone surrogate ${codePoint(lone[0])})`
  }
  if (text.includes("\ufffd")) {
    return "contains U+FFFD, the mark of bytes that were not valid UTF-8"
  }
  return null
}

/**
 * The first string in a JSON value (keys included) that breaks the text rule, with its
 * path (`metadata.notes[2]`), or null.
 */
export function jsonTextProblem(value: unknown, path: string): { path: string; problem: string } | null {
  if (typeof value === "string") {
    const problem = textProblem(value)
    return problem ? { path, problem } : null
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = jsonTextProblem(value[i], `${path}[${i}]`)
      if (found) {
        return found
      }
    }
    return null
  }
  if (value && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) {
      const keyProblem = textProblem(key)
      if (keyProblem) {
        return { path: `${path} key ${JSON.stringify(key.slice(0, 40))}`, problem: keyProblem }
      }
      const found = jsonTextProblem(inner, `${path}.${key}`)
      if (found) {
        return found
      }
    }
  }
  return null
}
