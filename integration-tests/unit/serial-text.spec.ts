import { cleanSerial, MAX_SERIAL_LENGTH, normalizeSerial, serialTextProblem } from "../../src/shared/serial-text"

describe("normalizeSerial", () => {
  it("trims and upper-cases, so 'ab-1' and ' AB-1 ' are the same serial", () => {
    expect(normalizeSerial("ab-1")).toBe("AB-1")
    expect(normalizeSerial("  AB-1\t")).toBe("AB-1")
    expect(normalizeSerial("ab-1")).toBe(normalizeSerial(" AB-1 "))
  })

  it("brings text to Unicode normal form C, so an accent typed apart is the same serial", () => {
    const composed = "CAF\u00c9-1"
    const decomposed = "CAFE\u0301-1"
    expect(composed).not.toBe(decomposed)
    expect(normalizeSerial(decomposed)).toBe(normalizeSerial(composed))
    expect(cleanSerial(` ${decomposed} `)).toBe(composed)
  })
})

describe("serialTextProblem", () => {
  it.each(["SN-0001", "a", "  padded  ", "SN:1", "x/y.z_1 2", "Ünï-ç0dé", "A".repeat(MAX_SERIAL_LENGTH)])(
    "accepts %j",
    (text) => {
      expect(serialTextProblem(text)).toBeNull()
    }
  )

  it("measures the length after trimming", () => {
    expect(serialTextProblem(`  ${"A".repeat(MAX_SERIAL_LENGTH)}  `)).toBeNull()
  })

  it.each([
    [null, /serial must be text, got null/],
    [42, /serial must be text, got 42/],
    [undefined, /serial must be text/],
    ["", /serial is empty/],
    ["   ", /serial is empty/],
    ["A".repeat(MAX_SERIAL_LENGTH + 1), new RegExp(`${MAX_SERIAL_LENGTH + 1} characters long; the limit is ${MAX_SERIAL_LENGTH}`)],
    ["SN\u00001", /contains a NUL character \(U\+0000\)/],
    ["SN\t1", /"SN\\t1" contains a control character/],
    ["SN\n1", /contains a control character/],
    ["SN\u00851", /contains a control character \(U\+0085\)/],
    ["A\u200b1", /contains an invisible formatting character \(U\+200B\)/],
    ["SN\u202e1", /contains an invisible formatting character \(U\+202E\)/],
    ["SN\u20681", /contains an invisible formatting character \(U\+2068\)/],
    ["SN\ud8001", /is not valid Unicode \(a lone surrogate U\+D800\)/],
    ["SN\ufffd1", /contains U\+FFFD/],
    ["SN-1,SN-2", /serial "SN-1,SN-2" contains a comma/],
    ["SN-001::SN-010", /serial "SN-001::SN-010" contains "::"/],
  ])("refuses %j and says why", (text, reason) => {
    expect(serialTextProblem(text)).toMatch(reason)
  })
})
