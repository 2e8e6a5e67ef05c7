import { addPeriod, warrantyFor } from "../../src/modules/serial/lib/warranty"

const iso = (d: Date) => d.toISOString()

describe("addPeriod", () => {
  it.each([
    // start, value, unit, expected
    ["2026-01-31T10:30:00.000Z", 1, "month", "2026-02-28T10:30:00.000Z"],
    ["2028-01-31T10:30:00.000Z", 1, "month", "2028-02-29T10:30:00.000Z"],
    ["2026-01-31T00:00:00.000Z", 2, "month", "2026-03-31T00:00:00.000Z"],
    ["2026-03-31T00:00:00.000Z", 1, "month", "2026-04-30T00:00:00.000Z"],
    ["2026-11-30T00:00:00.000Z", 3, "month", "2027-02-28T00:00:00.000Z"],
    ["2026-05-15T08:00:00.000Z", 12, "month", "2027-05-15T08:00:00.000Z"],
    ["2026-05-15T08:00:00.000Z", 25, "month", "2028-06-15T08:00:00.000Z"],
    ["2028-02-29T12:00:00.000Z", 1, "year", "2029-02-28T12:00:00.000Z"],
    ["2028-02-29T12:00:00.000Z", 4, "year", "2032-02-29T12:00:00.000Z"],
    ["2026-07-01T00:00:00.000Z", 2, "year", "2028-07-01T00:00:00.000Z"],
    ["2026-02-27T23:59:59.999Z", 2, "day", "2026-03-01T23:59:59.999Z"],
    ["2028-02-28T06:00:00.000Z", 1, "day", "2028-02-29T06:00:00.000Z"],
    ["2026-12-31T00:00:00.000Z", 90, "day", "2027-03-31T00:00:00.000Z"],
  ] as const)("%s + %d %s = %s", (start, value, unit, expected) => {
    expect(iso(addPeriod(new Date(start), value, unit))).toBe(expected)
  })

  it("does not change the date it is given", () => {
    const start = new Date("2026-01-31T00:00:00.000Z")
    addPeriod(start, 1, "month")
    expect(iso(start)).toBe("2026-01-31T00:00:00.000Z")
  })

  it("refuses fractional periods and unknown units", () => {
    expect(() => addPeriod(new Date(), 1.5, "month")).toThrow("1.5")
    expect(() => addPeriod(new Date(), 1, "week" as any)).toThrow("week")
  })
})

describe("warrantyFor", () => {
  const delivered = new Date("2026-01-31T09:00:00.000Z")

  it("starts on delivery and runs for the variant's period", () => {
    expect(warrantyFor({ warranty_value: 1, warranty_unit: "month" }, delivered)).toEqual({
      starts_at: delivered,
      expires_at: new Date("2026-02-28T09:00:00.000Z"),
    })
  })

  it("is null when the variant has no warranty period", () => {
    expect(warrantyFor(null, delivered)).toBeNull()
    expect(warrantyFor({ warranty_value: null, warranty_unit: null }, delivered)).toBeNull()
    expect(warrantyFor({ warranty_value: 12, warranty_unit: null }, delivered)).toBeNull()
  })
})
