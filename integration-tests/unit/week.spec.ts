import { shiftDay, weekDays, weekStart } from "../../src/shared/week"

describe("agenda weeks (shared/week.ts)", () => {
  it("starts a week on its Monday, whatever day is given, across months and years", () => {
    expect(weekStart("2026-12-07")).toBe("2026-12-07") // a Monday
    expect(weekStart("2026-12-13")).toBe("2026-12-07") // its Sunday
    expect(weekStart("2026-12-09")).toBe("2026-12-07")
    expect(weekStart("2027-01-01")).toBe("2026-12-28") // a Friday: the week began in the old year
    expect(weekStart("2024-03-03")).toBe("2024-02-26") // a Sunday after a leap day
  })

  it("lists the seven days and steps by weeks", () => {
    expect(weekDays("2026-12-28")).toEqual(["2026-12-28", "2026-12-29", "2026-12-30", "2026-12-31", "2027-01-01", "2027-01-02", "2027-01-03"])
    expect(shiftDay("2026-03-28", 7)).toBe("2026-04-04")
    expect(shiftDay("2026-01-05", -7)).toBe("2025-12-29")
  })
})
