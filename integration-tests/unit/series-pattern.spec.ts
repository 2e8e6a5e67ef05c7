import { execFileSync } from "child_process"
import path from "path"
import {
  formatSerial,
  lastCounterValue,
  MAX_PATTERN_LENGTH,
  parseSeriesPattern,
  resolvePattern,
  SeriesPatternError,
} from "../../src/shared/series-pattern"

function reasonOf(fn: () => unknown): string {
  try {
    fn()
  } catch (e) {
    expect(e).toBeInstanceOf(SeriesPatternError)
    return (e as SeriesPatternError).reason
  }
  throw new Error("expected a SeriesPatternError, nothing was thrown")
}

/** Resolves and formats one value, as a series would issue it. */
const issue = (pattern: string, value: number, ctx: Parameters<typeof resolvePattern>[1] = {}) => {
  const parsed = parseSeriesPattern(pattern)
  return formatSerial(resolvePattern(parsed, ctx), parsed.digits, value)
}

describe("parseSeriesPattern", () => {
  it("splits SN-{YYYY}-##### into literal, date token, literal and a five-digit counter", () => {
    expect(parseSeriesPattern("SN-{YYYY}-#####")).toEqual({
      pattern: "SN-{YYYY}-#####",
      parts: [
        { kind: "literal", text: "SN-" },
        { kind: "date", token: "YYYY" },
        { kind: "literal", text: "-" },
        { kind: "counter", digits: 5 },
      ],
      digits: 5,
      usesSku: false,
    })
  })

  it("reads every token, a counter in the middle and allowed punctuation", () => {
    const parsed = parseSeriesPattern("{SKU}/{YY}{MM}{DD}.###_x y")
    expect(parsed.parts).toEqual([
      { kind: "sku" },
      { kind: "literal", text: "/" },
      { kind: "date", token: "YY" },
      { kind: "date", token: "MM" },
      { kind: "date", token: "DD" },
      { kind: "literal", text: "." },
      { kind: "counter", digits: 3 },
      { kind: "literal", text: "_x y" },
    ])
    expect(parsed.usesSku).toBe(true)
    expect(parsed.digits).toBe(3)
  })

  it("accepts a bare counter and a pattern at the length limit", () => {
    expect(parseSeriesPattern("#").digits).toBe(1)
    const longest = "A".repeat(MAX_PATTERN_LENGTH - 5) + "#####"
    expect(parseSeriesPattern(longest).pattern).toBe(longest)
  })

  it.each([
    ["", /empty/],
    ["   ", /empty/],
    [" SN-###", /white space/],
    ["SN-### ", /white space/],
    ["SN-{YYYY}", /no counter/],
    ["SN", /no counter/],
    ["A##-##", /more than one run of "#"/],
    ["#-{YYYY}-#", /more than one run of "#"/],
    ["SN-{YYY}-###", /unknown token "\{YYY\}"/],
    ["SN-{sku}-###", /unknown token "\{sku\}"/],
    ["SN-{}-###", /unknown token "\{\}"/],
    ["SN-{YYYY-###", /"\{" at position 4 is never closed/],
    ["SN-YYYY}-###", /"\}" at position 8 has no opening "\{"/],
    ["SN,###", /character "," at position 3 is not allowed/],
    ["SN:###", /character ":" at position 3 is not allowed/],
    ["SN-###\n", /white space/],
    ["SN#\t1", /character "\\t" at position 4 is not allowed/],
    ["SÑ-###", /character "Ñ" at position 2 is not allowed/],
    ["A".repeat(MAX_PATTERN_LENGTH - 4) + "#####", new RegExp(`${MAX_PATTERN_LENGTH + 1} characters long; the limit is ${MAX_PATTERN_LENGTH}`)],
    ["{SKU}###", /\{SKU\} and the counter must be separated/],
    ["A-###{SKU}", /\{SKU\} and the counter must be separated/],
    ["#".repeat(19), /more than 18 digits/],
  ])("refuses %j", (pattern, reason) => {
    const r = reasonOf(() => parseSeriesPattern(pattern))
    expect(r).toMatch(reason)
    // The message shown to the user names the pattern and the reason.
    expect(() => parseSeriesPattern(pattern)).toThrow(`is invalid: ${r}`)
  })

  it("refuses something that is not text", () => {
    expect(reasonOf(() => parseSeriesPattern(undefined as any))).toMatch(/empty/)
    expect(reasonOf(() => parseSeriesPattern(42 as any))).toMatch(/empty/)
  })
})

describe("resolvePattern and formatSerial", () => {
  it("fills in the year and pads the counter", () => {
    const date = new Date("2026-03-05T10:00:00Z")
    expect(issue("SN-{YYYY}-#####", 1, { date })).toBe("SN-2026-00001")
    expect(issue("SN-{YYYY}-#####", 2, { date })).toBe("SN-2026-00002")
    expect(issue("SN-{YYYY}-#####", 12345, { date })).toBe("SN-2026-12345")
  })

  it("fills in {YY}, {MM} and {DD} with two digits each", () => {
    expect(issue("{YY}{MM}{DD}-###", 7, { date: new Date("2005-03-05T00:00:00Z") })).toBe("050305-007")
    expect(issue("{YY}{MM}{DD}-###", 7, { date: new Date("2026-12-31T23:59:59Z") })).toBe("261231-007")
  })

  it("formats a value wider than the counter as it is, never wrapped or cut (the series refuses to issue one)", () => {
    expect(issue("X-#####", 99999)).toBe("X-99999")
    expect(issue("X-#####", 100000)).toBe("X-100000")
    expect(issue("X-#####", 1234567)).toBe("X-1234567")
    expect(formatSerial({ prefix: "", suffix: "" }, 1, 10)).toBe("10")
  })

  it("puts text after the counter into the suffix", () => {
    const parsed = parseSeriesPattern("A-###-{YY}")
    const resolved = resolvePattern(parsed, { date: new Date("2026-06-01T00:00:00Z") })
    expect(resolved.prefix).toBe("A-")
    expect(resolved.suffix).toBe("-26")
    expect(formatSerial(resolved, parsed.digits, 4)).toBe("A-004-26")
  })

  it("keys the counter by the resolved text, so a new year or another SKU starts a new count", () => {
    const parsed = parseSeriesPattern("SN-{YYYY}-#####")
    const k2026 = resolvePattern(parsed, { date: new Date("2026-12-31T12:00:00Z") }).key
    const k2026b = resolvePattern(parsed, { date: new Date("2026-01-01T12:00:00Z") }).key
    const k2027 = resolvePattern(parsed, { date: new Date("2027-01-01T12:00:00Z") }).key
    expect(k2026).toBe(k2026b)
    expect(k2026).not.toBe(k2027)

    const sku = parseSeriesPattern("{SKU}-####")
    expect(resolvePattern(sku, { sku: "A" }).key).not.toBe(resolvePattern(sku, { sku: "B" }).key)
    // The text after the counter is part of the key too.
    const suffixed = parseSeriesPattern("A-###-{YY}")
    expect(resolvePattern(suffixed, { date: new Date("2026-06-01Z") }).key).not.toBe(
      resolvePattern(suffixed, { date: new Date("2027-06-01Z") }).key
    )
  })

  it("fills in the SKU, trimmed", () => {
    expect(issue("{SKU}-#####", 3, { sku: "  DRILL-10 " })).toBe("DRILL-10-00003")
    expect(issue("SN/{SKU}/{YY}-##", 3, { sku: "ab", date: new Date("2026-01-01Z") })).toBe("SN/ab/26-03")
  })

  it.each([undefined, null, "", "   "])("refuses a {SKU} pattern when the SKU is %j", (sku) => {
    const parsed = parseSeriesPattern("{SKU}-#####")
    expect(reasonOf(() => resolvePattern(parsed, { sku }))).toMatch(/uses \{SKU\} but the variant has no SKU/)
  })

  it("does not need a SKU when the pattern has none", () => {
    expect(issue("SN-###", 1, { sku: null })).toBe("SN-001")
  })

  it("resolves dates in UTC, whatever the server's time zone", () => {
    // Jest's sandbox cannot change the process time zone, so this runs in a child process
    // in New York, where 2027-01-01 02:30 UTC is still 2026-12-31 21:30.
    const script = `
      const p = require(${JSON.stringify(path.join(__dirname, "../../src/shared/series-pattern.ts"))})
      const date = new Date("2027-01-01T02:30:00Z")
      const out = ["{YYYY}-{MM}-{DD}-#", "{YY}#"].map((pattern) => {
        const parsed = p.parseSeriesPattern(pattern)
        return p.formatSerial(p.resolvePattern(parsed, { date }), parsed.digits, 1)
      })
      console.log(JSON.stringify({ localYear: date.getFullYear(), localDay: date.getDate(), out }))`
    const result = JSON.parse(
      execFileSync(process.execPath, ["-r", "ts-node/register", "-e", script], {
        cwd: path.join(__dirname, "../.."),
        env: { ...process.env, TZ: "America/New_York", TS_NODE_TRANSPILE_ONLY: "true" },
        encoding: "utf8",
      })
    )
    // Guard: the local calendar really says otherwise there, or this test would prove nothing.
    expect([result.localYear, result.localDay]).toEqual([2026, 31])
    expect(result.out).toEqual(["2027-01-01-1", "271"])
  })
})

describe("counters as BigInt", () => {
  it("formats values past 2^53 digit for digit", () => {
    expect(formatSerial({ prefix: "H-", suffix: "" }, 18, 9007199254740993n)).toBe("H-009007199254740993")
    expect(formatSerial({ prefix: "", suffix: "" }, 18, 999999999999999999n)).toBe("999999999999999999")
  })

  it("knows the last value each width can show", () => {
    expect(lastCounterValue(1)).toBe(9n)
    expect(lastCounterValue(3)).toBe(999n)
    expect(lastCounterValue(18)).toBe(999999999999999999n)
    // An 18-digit counter fits Postgres' bigint (9,223,372,036,854,775,807); 19 would not,
    // which is why parseSeriesPattern refuses more than 18.
    expect(lastCounterValue(18) < 9223372036854775807n).toBe(true)
    expect(lastCounterValue(19) > 9223372036854775807n).toBe(true)
  })
})
