import { planSchedule, ScheduleError, ScheduleRule, toDay } from "../../src/modules/serial/lib/schedule"

function refusal(rule: ScheduleRule): ScheduleError {
  try {
    planSchedule(rule)
  } catch (e) {
    expect(e).toBeInstanceOf(ScheduleError)
    return e as ScheduleError
  }
  throw new Error(`expected ${JSON.stringify(rule)} to be refused`)
}

describe("planSchedule: visit days for every periodicity", () => {
  it.each<[string, ScheduleRule, string[]]>([
    [
      "weekly, first visit one week after the start",
      { periodicity: "weekly", start_date: "2026-03-02", visit_count: 3 },
      ["2026-03-09", "2026-03-16", "2026-03-23"],
    ],
    [
      "weekly across a year end",
      { periodicity: "weekly", start_date: "2026-12-24", visit_count: 3, first_visit_on_start: true },
      ["2026-12-24", "2026-12-31", "2027-01-07"],
    ],
    [
      "monthly from Jan 31: Feb 28, Mar 31, Apr 30 (never drifting to the 28th)",
      { periodicity: "monthly", start_date: "2026-01-31", visit_count: 6 },
      ["2026-02-28", "2026-03-31", "2026-04-30", "2026-05-31", "2026-06-30", "2026-07-31"],
    ],
    [
      "monthly from Jan 31 in a leap year visits Feb 29",
      { periodicity: "monthly", start_date: "2028-01-31", visit_count: 2 },
      ["2028-02-29", "2028-03-31"],
    ],
    [
      "monthly from Jan 31 with the first visit on the start date",
      { periodicity: "monthly", start_date: "2026-01-31", visit_count: 3, first_visit_on_start: true },
      ["2026-01-31", "2026-02-28", "2026-03-31"],
    ],
    [
      "quarterly from Aug 31: Nov 30, Feb 28, May 31, Aug 31",
      { periodicity: "quarterly", start_date: "2026-08-31", visit_count: 4 },
      ["2026-11-30", "2027-02-28", "2027-05-31", "2027-08-31"],
    ],
    [
      "half-yearly from Aug 31: Feb 28/29, Aug 31",
      { periodicity: "half_yearly", start_date: "2027-08-31", visit_count: 3 },
      ["2028-02-29", "2028-08-31", "2029-02-28"],
    ],
    [
      "yearly from Feb 29 2028: Feb 28 in common years, Feb 29 again in 2032",
      { periodicity: "yearly", start_date: "2028-02-29", visit_count: 4 },
      ["2029-02-28", "2030-02-28", "2031-02-28", "2032-02-29"],
    ],
    [
      "yearly from Feb 29 2028 with the first visit on the start date",
      { periodicity: "yearly", start_date: "2028-02-29", visit_count: 2, first_visit_on_start: true },
      ["2028-02-29", "2029-02-28"],
    ],
    [
      "every 10 days",
      { periodicity: "custom", interval: { value: 10, unit: "day" }, start_date: "2026-02-25", visit_count: 3 },
      ["2026-03-07", "2026-03-17", "2026-03-27"],
    ],
    [
      "every 10 days across Feb 29",
      { periodicity: "custom", interval: { value: 10, unit: "day" }, start_date: "2028-02-20", visit_count: 2, first_visit_on_start: true },
      ["2028-02-20", "2028-03-01"],
    ],
    [
      "every 2 weeks",
      { periodicity: "custom", interval: { value: 2, unit: "week" }, start_date: "2026-01-01", visit_count: 3 },
      ["2026-01-15", "2026-01-29", "2026-02-12"],
    ],
    [
      "every 2 months from Aug 31",
      { periodicity: "custom", interval: { value: 2, unit: "month" }, start_date: "2026-08-31", visit_count: 4 },
      ["2026-10-31", "2026-12-31", "2027-02-28", "2027-04-30"],
    ],
    [
      "every 1 month is monthly",
      { periodicity: "custom", interval: { value: 1, unit: "month" }, start_date: "2026-01-31", visit_count: 2 },
      ["2026-02-28", "2026-03-31"],
    ],
    ["manual generates none", { periodicity: "manual", start_date: "2026-01-01" }, []],
    ["manual with an end date generates none", { periodicity: "manual", start_date: "2026-01-01", end_date: "2026-12-31" }, []],
  ])("%s", (_label, rule, expected) => {
    expect(planSchedule(rule).visit_dates).toEqual(expected)
  })

  it("computes every visit from the start date, so 24 monthly visits from Jan 31 still land on month ends", () => {
    const { visit_dates } = planSchedule({ periodicity: "monthly", start_date: "2026-01-31", visit_count: 24 })
    expect(visit_dates).toHaveLength(24)
    for (const day of visit_dates) {
      const d = new Date(`${day}T00:00:00Z`)
      const next = new Date(d.getTime() + 86_400_000)
      expect({ day, lastOfMonth: next.getUTCDate() === 1 }).toEqual({ day, lastOfMonth: true })
    }
  })
})

describe("planSchedule: end date and visit count", () => {
  it.each<[string, ScheduleRule, number, string[] | null]>([
    [
      "monthly through Jun 30, first visit one month after Jan 1: Feb..Jun",
      { periodicity: "monthly", start_date: "2027-01-01", end_date: "2027-06-30" },
      5,
      ["2027-02-01", "2027-03-01", "2027-04-01", "2027-05-01", "2027-06-01"],
    ],
    [
      "monthly through Jun 30, first visit on Jan 1: Jan..Jun",
      { periodicity: "monthly", start_date: "2027-01-01", end_date: "2027-06-30", first_visit_on_start: true },
      6,
      null,
    ],
    [
      "an end date on a visit day includes that visit",
      { periodicity: "quarterly", start_date: "2026-01-15", end_date: "2027-01-15" },
      4,
      ["2026-04-15", "2026-07-15", "2026-10-15", "2027-01-15"],
    ],
    [
      "an end date the day before a visit day excludes it",
      { periodicity: "quarterly", start_date: "2026-01-15", end_date: "2027-01-14" },
      3,
      null,
    ],
    [
      "a year of weekly visits from a Monday: 52",
      { periodicity: "weekly", start_date: "2026-01-05", end_date: "2027-01-04" },
      52,
      null,
    ],
    [
      "monthly from Jan 31 through Feb 28 in a common year",
      { periodicity: "monthly", start_date: "2026-01-31", end_date: "2026-02-28" },
      1,
      ["2026-02-28"],
    ],
    [
      "monthly from Jan 31 through Feb 28 in a leap year: Feb 29 is after it",
      { periodicity: "monthly", start_date: "2028-01-31", end_date: "2028-03-31" },
      2,
      ["2028-02-29", "2028-03-31"],
    ],
    [
      "yearly from Feb 29 through Feb 28 2029",
      { periodicity: "yearly", start_date: "2028-02-29", end_date: "2029-02-28" },
      1,
      ["2029-02-28"],
    ],
    [
      "start and end the same day with the first visit on the start date",
      { periodicity: "weekly", start_date: "2026-05-05", end_date: "2026-05-05", first_visit_on_start: true },
      1,
      ["2026-05-05"],
    ],
  ])("%s", (_label, rule, count, days) => {
    const plan = planSchedule(rule)
    expect(plan.visit_count).toBe(count)
    expect(plan.visit_dates).toHaveLength(count)
    expect(plan.end_date).toBe(rule.end_date)
    if (days) {
      expect(plan.visit_dates).toEqual(days)
    }
  })

  it.each<[string, ScheduleRule, string]>([
    // With only a count, the schedule spans that many intervals from the start.
    ["monthly, first visit one month later: ends on the last visit", { periodicity: "monthly", start_date: "2027-01-01", visit_count: 5 }, "2027-06-01"],
    [
      "monthly, first visit on the start: ends the day before the next interval",
      { periodicity: "monthly", start_date: "2027-01-01", visit_count: 12, first_visit_on_start: true },
      "2027-12-31",
    ],
    [
      "quarterly on start from Jan 31: ends the day before Jan 31 next year",
      { periodicity: "quarterly", start_date: "2026-01-31", visit_count: 4, first_visit_on_start: true },
      "2027-01-30",
    ],
    ["weekly, 2 visits", { periodicity: "weekly", start_date: "2026-01-01", visit_count: 2 }, "2026-01-15"],
    [
      "yearly on start from Feb 29",
      { periodicity: "yearly", start_date: "2028-02-29", visit_count: 1, first_visit_on_start: true },
      "2029-02-27",
    ],
  ])("derives the end date from the visit count: %s", (_label, rule, end) => {
    const plan = planSchedule(rule)
    expect(plan.end_date).toBe(end)
    // and the derived end date, given back with the count, agrees
    expect(planSchedule({ ...rule, end_date: end }).visit_dates).toEqual(plan.visit_dates)
  })

  it("accepts an end date and a visit count that agree, keeping the end date as given", () => {
    const plan = planSchedule({ periodicity: "monthly", start_date: "2027-01-01", end_date: "2027-06-30", visit_count: 5 })
    expect(plan).toEqual({
      visit_dates: ["2027-02-01", "2027-03-01", "2027-04-01", "2027-05-01", "2027-06-01"],
      end_date: "2027-06-30",
      visit_count: 5,
    })
  })

  it("refuses an end date and a visit count that disagree, explaining both", () => {
    const more = refusal({ periodicity: "monthly", start_date: "2027-01-01", end_date: "2027-06-30", visit_count: 6 })
    expect(more.field).toBe("visit_count")
    expect(more.message).toContain("end_date 2027-06-30 allows 5 monthly visits but visit_count is 6")
    expect(more.message).toContain("the 6th visit would be on 2027-07-01")

    const fewer = refusal({ periodicity: "weekly", start_date: "2026-01-01", end_date: "2026-01-31", visit_count: 2 })
    expect(fewer.message).toContain("end_date 2026-01-31 allows 4 weekly visits but visit_count is 2")

    const custom = refusal({
      periodicity: "custom",
      interval: { value: 10, unit: "day" },
      start_date: "2026-01-01",
      end_date: "2026-01-15",
      visit_count: 3,
    })
    expect(custom.message).toContain("end_date 2026-01-15 allows 1 visit every 10 days but visit_count is 3")
  })
})

describe("planSchedule: refusals", () => {
  it.each<[string, ScheduleRule, string, string]>([
    ["neither end date nor count", { periodicity: "monthly", start_date: "2026-01-01" }, "end_date", "give end_date or visit_count"],
    ["end before start", { periodicity: "monthly", start_date: "2026-02-01", end_date: "2026-01-31" }, "end_date", "end_date 2026-01-31 is before start_date 2026-02-01"],
    [
      "an end date before the first visit",
      { periodicity: "monthly", start_date: "2026-01-31", end_date: "2026-02-27" },
      "end_date",
      "allows no monthly visit: the first would be on 2026-02-28",
    ],
    ["a count of 0", { periodicity: "monthly", start_date: "2026-01-01", visit_count: 0 }, "visit_count", "got 0"],
    ["a count of 501", { periodicity: "weekly", start_date: "2026-01-01", visit_count: 501 }, "visit_count", "got 501"],
    [
      "an end date allowing over 500 visits",
      { periodicity: "custom", interval: { value: 1, unit: "day" }, start_date: "2026-01-01", end_date: "2027-12-31" },
      "end_date",
      "more than 500 visits every day",
    ],
    ["custom without an interval", { periodicity: "custom", start_date: "2026-01-01", visit_count: 2 }, "interval", "needs an interval"],
    [
      "an interval with another periodicity",
      { periodicity: "monthly", interval: { value: 2, unit: "week" }, start_date: "2026-01-01", visit_count: 2 },
      "interval",
      "only for periodicity 'custom'",
    ],
    [
      "an interval of 0",
      { periodicity: "custom", interval: { value: 0, unit: "day" }, start_date: "2026-01-01", visit_count: 2 },
      "interval.value",
      "got 0",
    ],
    [
      "a year interval",
      { periodicity: "custom", interval: { value: 1, unit: "year" as any }, start_date: "2026-01-01", visit_count: 2 },
      "interval.unit",
      "got 'year'",
    ],
    ["a visit count on a manual schedule", { periodicity: "manual", start_date: "2026-01-01", visit_count: 4 }, "visit_count", "generates no visits"],
    ["a day that does not exist", { periodicity: "monthly", start_date: "2026-02-30", visit_count: 1 }, "start_date", "got '2026-02-30'"],
    ["an unknown periodicity", { periodicity: "daily" as any, start_date: "2026-01-01", visit_count: 1 }, "periodicity", "got 'daily'"],
  ])("%s", (_label, rule, field, message) => {
    const e = refusal(rule)
    expect(e.field).toBe(field)
    expect(e.message).toContain(message)
  })
})

describe("toDay", () => {
  it.each([
    ["2026-01-31", "2026-01-31"],
    ["2026-01-31T23:30:00Z", "2026-01-31"],
    ["2026-01-31T23:30:00-02:00", "2026-02-01"],
    ["2028-02-29", "2028-02-29"],
    ["2027-02-29", null],
    ["soon", null],
    ["+275760-09-13T00:00:00Z", null],
    ["0000-01-01", null],
  ])("%s -> %s", (input, expected) => {
    expect(toDay(input)).toBe(expected)
  })
})
