import { parseDateInput, toDay } from "../../src/modules/serial/lib/dates"
import { jsonTextProblem, textProblem } from "../../src/shared/text-rules"

/** The one date rule and the one text rule every input of the plugin goes through. */
describe("parseDateInput", () => {
  it.each([
    ["2026-03-01", "2026-03-01T00:00:00.000Z"],
    ["2028-02-29", "2028-02-29T00:00:00.000Z"],
    ["2026-03-01T10:15", "2026-03-01T10:15:00.000Z"],
    ["2026-03-01 10:15:30", "2026-03-01T10:15:30.000Z"],
    ["2026-03-01T10:15:30.123Z", "2026-03-01T10:15:30.123Z"],
    ["2026-03-01T10:15:30+02:00", "2026-03-01T08:15:30.000Z"],
    ["2026-03-01T00:30:00-0130", "2026-03-01T02:00:00.000Z"],
    ["1000-01-01", "1000-01-01T00:00:00.000Z"],
    ["9999-12-31T23:59:59Z", "9999-12-31T23:59:59.000Z"],
  ])("reads %j as %s", (text, iso) => {
    expect(parseDateInput(text)?.toISOString()).toBe(iso)
  })

  it.each([
    // Days that do not exist, which Date.parse would move to the next month.
    "2027-02-29",
    "2027-02-30",
    "2026-04-31",
    "2027-02-30T10:00:00Z",
    "2026-13-01",
    "2026-00-10",
    "2026-01-00",
    // Years Postgres does not read back as written.
    "0000-01-01",
    "0999-12-31",
    "99999-01-01",
    "+099999-01-01T00:00:00Z",
    "9999-12-31T23:00:00-05:00",
    // Not ISO 8601, or times that do not exist.
    "2026-1-5",
    "March 3 2026",
    "yesterday",
    "2026-03-01T24:00",
    "2026-03-01T10:60",
    "2026-03-01T10:00:61",
    "",
    "2026-03-01T10:00:00Z".padEnd(50, "0"),
  ])("refuses %j", (text) => {
    expect(parseDateInput(text)).toBeNull()
  })

  it.each([null, undefined, 20260301, {}, ["2026-03-01"]])("refuses what is not text: %j", (value) => {
    expect(parseDateInput(value)).toBeNull()
  })

  it("gives the UTC day of a date-time", () => {
    expect(toDay("2026-03-01T23:30:00-02:00")).toBe("2026-03-02")
    expect(toDay("2027-02-30")).toBeNull()
  })
})

describe("textProblem", () => {
  it.each(["Stops after a minute", "Line one\nline two\r\n\tindented", "Ünïcödé 🔥 日本語", ""])("accepts %j", (text) => {
    expect(textProblem(text)).toBeNull()
  })

  it.each([
    ["a\u0000b", "contains a NUL character (U+0000)"],
    ["a\u0007b", "contains a control character (U+0007)"],
    ["a\u009bb", "contains a control character (U+009B)"],
    ["a\u200bb", "contains an invisible formatting character (U+200B)"],
    ["a\u200fb", "contains an invisible formatting character (U+200F)"],
    ["a\u202ab", "contains an invisible formatting character (U+202A)"],
    ["a\u202eb", "contains an invisible formatting character (U+202E)"],
    ["a\u2066b", "contains an invisible formatting character (U+2066)"],
    ["a\u2069b", "contains an invisible formatting character (U+2069)"],
    ["a\ufeffb", "contains an invisible formatting character (U+FEFF)"],
    ["a\ud800b", "is not valid Unicode (a lone surrogate U+D800)"],
    ["a\udc00", "is not valid Unicode (a lone surrogate U+DC00)"],
    ["M\ufffdller", "contains U+FFFD, the mark of bytes that were not valid UTF-8"],
  ])("refuses %j: %s", (text, problem) => {
    expect(textProblem(text)).toBe(problem)
  })

  it("refuses line breaks where a single line is asked for", () => {
    expect(textProblem("a\nb", { allowLineBreaks: false })).toBe("contains a control character (U+000A)")
    expect(textProblem("a\tb", { allowLineBreaks: false })).toBe("contains a control character (U+0009)")
  })
})

describe("jsonTextProblem", () => {
  it("finds a broken string anywhere in a JSON value, keys included, and names its path", () => {
    expect(jsonTextProblem({ plan: "paid", tags: ["ok", "b\u0000d"] }, "metadata")).toEqual({
      path: "metadata.tags[1]",
      problem: "contains a NUL character (U+0000)",
    })
    expect(jsonTextProblem({ "k\u202e": 1 }, "metadata")).toEqual({
      path: 'metadata key "k\u202e"',
      problem: "contains an invisible formatting character (U+202E)",
    })
    expect(jsonTextProblem({ a: { b: [1, true, null, "fine"] } }, "metadata")).toBeNull()
  })
})
