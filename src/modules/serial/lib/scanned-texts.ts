import { normalizeSerial } from "../../../shared/serial-text"

/**
 * A scanned or pasted list of serials, by the key they are unique under (normalised), in the
 * order given. A serial listed twice (`dr-1` after `DR-1`) is a mistake the operator should
 * see, so it is added to `problems` and kept once.
 */
export function distinctScannedTexts(texts: string[], problems: string[]): Map<string, string> {
  const byKey = new Map<string, string>()
  for (const text of texts) {
    const key = normalizeSerial(text)
    if (byKey.has(key)) {
      problems.push(`${text} is listed twice`)
    } else {
      byKey.set(key, text)
    }
  }
  return byKey
}
