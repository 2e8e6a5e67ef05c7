/**
 * Series patterns: literal text, date tokens and exactly one counter.
 *
 *   SN-{YYYY}-#####  ->  SN-2026-00001, SN-2026-00002, ...
 *
 * The counter is kept per *resolved key* (the pattern with its date and SKU tokens filled
 * in), so a yearly token restarts the count each year and `{SKU}` counts per SKU.
 */

export type PatternPart =
  | { kind: "literal"; text: string }
  | { kind: "date"; token: "YYYY" | "YY" | "MM" | "DD" }
  | { kind: "sku" }
  | { kind: "counter"; digits: number }

export type ParsedPattern = {
  pattern: string
  parts: PatternPart[]
  /** Digits the counter is padded to; a larger value keeps counting past it. */
  digits: number
  usesSku: boolean
}

export const MAX_PATTERN_LENGTH = 80
const DATE_TOKENS = ["YYYY", "YY", "MM", "DD"] as const
type DateToken = (typeof DATE_TOKENS)[number]
/** Characters a serial may contain besides letters and digits. */
const LITERAL_PUNCTUATION = "-_./ "

export class SeriesPatternError extends Error {
  constructor(public readonly pattern: string, public readonly reason: string) {
    super(`Pattern "${pattern}" is invalid: ${reason}`)
  }
}

function isLiteralChar(ch: string): boolean {
  return /[A-Za-z0-9]/.test(ch) || LITERAL_PUNCTUATION.includes(ch)
}

export function parseSeriesPattern(pattern: string): ParsedPattern {
  if (typeof pattern !== "string" || pattern.trim() === "") {
    throw new SeriesPatternError(String(pattern ?? ""), "it is empty")
  }
  if (pattern !== pattern.trim()) {
    throw new SeriesPatternError(pattern, "it starts or ends with white space")
  }
  if (pattern.length > MAX_PATTERN_LENGTH) {
    throw new SeriesPatternError(
      pattern,
      `it is ${pattern.length} characters long; the limit is ${MAX_PATTERN_LENGTH}`
    )
  }

  const parts: PatternPart[] = []
  let literal = ""
  const flushLiteral = () => {
    if (literal) {
      parts.push({ kind: "literal", text: literal })
      literal = ""
    }
  }

  let i = 0
  while (i < pattern.length) {
    const ch = pattern[i]
    if (ch === "{") {
      const close = pattern.indexOf("}", i)
      if (close === -1) {
        throw new SeriesPatternError(pattern, `"{" at position ${i + 1} is never closed`)
      }
      const token = pattern.slice(i + 1, close)
      flushLiteral()
      if ((DATE_TOKENS as readonly string[]).includes(token)) {
        parts.push({ kind: "date", token: token as DateToken })
      } else if (token === "SKU") {
        parts.push({ kind: "sku" })
      } else {
        throw new SeriesPatternError(
          pattern,
          `unknown token "{${token}}"; use {YYYY}, {YY}, {MM}, {DD} or {SKU}`
        )
      }
      i = close + 1
      continue
    }
    if (ch === "}") {
      throw new SeriesPatternError(pattern, `"}" at position ${i + 1} has no opening "{"`)
    }
    if (ch === "#") {
      let j = i
      while (pattern[j] === "#") {
        j++
      }
      flushLiteral()
      parts.push({ kind: "counter", digits: j - i })
      i = j
      continue
    }
    if (!isLiteralChar(ch)) {
      throw new SeriesPatternError(
        pattern,
        `character ${JSON.stringify(ch)} at position ${i + 1} is not allowed; use letters, digits, "-", "_", ".", "/", spaces and tokens`
      )
    }
    literal += ch
    i++
  }
  flushLiteral()

  const counters = parts.filter((p) => p.kind === "counter")
  if (counters.length === 0) {
    throw new SeriesPatternError(pattern, 'it has no counter; add a run of "#", e.g. "#####"')
  }
  if (counters.length > 1) {
    throw new SeriesPatternError(pattern, 'it has more than one run of "#"; a series has one counter')
  }
  const digits = (counters[0] as { digits: number }).digits
  if (digits > 18) {
    throw new SeriesPatternError(pattern, "the counter has more than 18 digits")
  }
  for (let k = 1; k < parts.length; k++) {
    const a = parts[k - 1]
    const b = parts[k]
    // A counter directly next to another variable-length part cannot be told apart from it.
    if ((a.kind === "counter" && b.kind === "sku") || (a.kind === "sku" && b.kind === "counter")) {
      throw new SeriesPatternError(pattern, "{SKU} and the counter must be separated by literal text")
    }
  }

  return { pattern, parts, digits, usesSku: parts.some((p) => p.kind === "sku") }
}

export type ResolveContext = { date?: Date; sku?: string | null }

/**
 * Fills in the date and SKU tokens. Returns the text before and after the counter; the
 * pair is the key the counter is kept under.
 */
export function resolvePattern(
  parsed: ParsedPattern,
  ctx: ResolveContext = {}
): { prefix: string; suffix: string; key: string } {
  const date = ctx.date ?? new Date()
  let prefix = ""
  let suffix = ""
  let seenCounter = false
  for (const part of parsed.parts) {
    let text = ""
    switch (part.kind) {
      case "literal":
        text = part.text
        break
      case "date":
        text = formatDateToken(part.token, date)
        break
      case "sku": {
        const sku = (ctx.sku ?? "").trim()
        if (!sku) {
          throw new SeriesPatternError(parsed.pattern, "it uses {SKU} but the variant has no SKU")
        }
        text = sku
        break
      }
      case "counter":
        seenCounter = true
        continue
    }
    if (seenCounter) {
      suffix += text
    } else {
      prefix += text
    }
  }
  // JSON keeps the pair unambiguous without a NUL separator, which Postgres text cannot hold.
  return { prefix, suffix, key: JSON.stringify([prefix.toUpperCase(), suffix.toUpperCase()]) }
}

export function formatSerial(
  resolved: { prefix: string; suffix: string },
  digits: number,
  value: number | bigint
): string {
  return `${resolved.prefix}${String(value).padStart(digits, "0")}${resolved.suffix}`
}

/** The last value a counter of `digits` digits can show (999 for `###`). */
export function lastCounterValue(digits: number): bigint {
  return 10n ** BigInt(digits) - 1n
}

function formatDateToken(token: "YYYY" | "YY" | "MM" | "DD", date: Date): string {
  // Series dates follow UTC so that every server process resolves the same key.
  switch (token) {
    case "YYYY":
      return String(date.getUTCFullYear()).padStart(4, "0")
    case "YY":
      return String(date.getUTCFullYear() % 100).padStart(2, "0")
    case "MM":
      return String(date.getUTCMonth() + 1).padStart(2, "0")
    case "DD":
      return String(date.getUTCDate()).padStart(2, "0")
  }
}
