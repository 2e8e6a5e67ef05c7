import { parseSeriesPattern } from "../../src/shared/series-pattern"
import { findSeriesOverlap } from "../../src/modules/serial/lib/series-overlap"

/**
 * An independent reading of a pattern as a regular expression over the serials it can
 * produce (compared case-insensitively, as uniqueness is): dates are fixed-width digits,
 * the counter is at least its width in digits, {SKU} is any non-empty text.
 */
function patternRegex(pattern: string): RegExp {
  const body = pattern
    .split(/(\{[A-Z]+\}|#+)/)
    .filter(Boolean)
    .map((piece) => {
      if (piece === "{YYYY}") return "\\d{4}"
      if (["{YY}", "{MM}", "{DD}"].includes(piece)) return "\\d{2}"
      if (piece === "{SKU}") return ".+"
      if (/^#+$/.test(piece)) return `\\d{${piece.length},}`
      return piece.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")
    })
    .join("")
  return new RegExp(`^${body}$`, "i")
}

const overlap = (a: string, b: string) => findSeriesOverlap(parseSeriesPattern(a), parseSeriesPattern(b))

describe("findSeriesOverlap", () => {
  it("checks its own regex reading of patterns", () => {
    expect(patternRegex("SN-{YYYY}-#####").test("SN-2026-00001")).toBe(true)
    expect(patternRegex("SN-{YYYY}-#####").test("sn-2026-123456")).toBe(true)
    expect(patternRegex("SN-{YYYY}-#####").test("SN-2026-0001")).toBe(false)
    expect(patternRegex("test.##").test("testX12")).toBe(false)
  })

  it.each([
    ["test1.#", "test{SKU}.##"],
    ["sn-#", "SN-#"],
    ["SN-#", "SN-#"],
    ["A{YYYY}#", "A####"],
    ["A####", "A{YYYY}#"],
    ["SN-{YYYY}-#####", "SN-{YY}{MM}-###"],
    ["{SKU}-#", "SN-#"],
    ["SN-#", "{SKU}-#"],
    ["{SKU}-#", "{SKU}-##"],
    ["X{SKU}.#", "XY.{YYYY}.##"],
    ["#-A", "1#-A"],
  ])("%j and %j can produce the same serial", (a, b) => {
    const example = overlap(a, b)
    expect(example).not.toBeNull()
    // The example shown to the user really is a serial both patterns produce.
    expect(example).toMatch(patternRegex(a))
    expect(example).toMatch(patternRegex(b))
  })

  it("gives an example in the upper case that uniqueness compares", () => {
    const example = overlap("test1.#", "test{SKU}.##")!
    expect(example.startsWith("TEST1.")).toBe(true)
  })

  it.each([
    ["test1.#", "test.##"],
    ["SN-{YYYY}-#####", "DR-{YYYY}-#####"],
    ["A{YYYY}-#", "A####"],
    ["SN-{YYYY}-#####", "SN-{YY}-#####"],
    ["SN-##", "SN-#A"],
    ["{SKU}-####", "{SKU}/####"],
    ["{SKU}-#", "SN/#"],
    ["A#", "B#"],
  ])("%j and %j never produce the same serial", (a, b) => {
    expect(overlap(a, b)).toBeNull()
    expect(overlap(b, a)).toBeNull()
    // Spot-check with the regex reading: no early value of one is a value of the other.
    const dates = [new Date("2026-01-01Z"), new Date("2007-11-30Z")]
    for (const [p, q] of [
      [a, b],
      [b, a],
    ]) {
      const other = patternRegex(q)
      const samples = sampleValues(p, dates)
      expect(samples.length).toBeGreaterThan(0)
      expect(samples.filter((s) => other.test(s))).toEqual([])
    }
  })
})

/** A few values a pattern issues (counter 1..200 and some large ones, a few SKUs and dates). */
function sampleValues(pattern: string, dates: Date[]): string[] {
  const out: string[] = []
  const skus = ["SN", "X", "A-1", "Y/2", "XY"]
  const digits = (pattern.match(/#+/) ?? [""])[0].length
  const values = [...Array.from({ length: 200 }, (_, i) => i + 1), 10 ** digits, 123456789]
  for (const date of dates) {
    for (const sku of skus) {
      for (const v of values) {
        out.push(
          pattern
            .replace("{YYYY}", String(date.getUTCFullYear()))
            .replace("{YY}", String(date.getUTCFullYear() % 100).padStart(2, "0"))
            .replace("{MM}", String(date.getUTCMonth() + 1).padStart(2, "0"))
            .replace("{DD}", String(date.getUTCDate()).padStart(2, "0"))
            .replace("{SKU}", sku)
            .replace(/#+/, String(v).padStart(digits, "0"))
        )
      }
    }
  }
  return out
}
