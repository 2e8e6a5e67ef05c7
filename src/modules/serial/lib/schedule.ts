/**
 * Maintenance schedule maths: which days a schedule visits, from its rules. Pure and
 * calendar-aware, the opposite of the ERP habits this replaces:
 *
 * - months are calendar months (a monthly schedule from Jan 31 visits Feb 28/29, Mar 31,
 *   Apr 30, ...), weeks are 7 days, quarters 3 months, half years 6, years 12;
 * - visit k is computed from the START date plus k intervals, never from the previous
 *   visit, so a month-end start never drifts to the 28th;
 * - the first visit is on the start date (`first_visit_on_start`) or one interval later;
 * - an end date and a visit count that disagree are refused with a message that explains
 *   both, never silently rewritten; given one, the other is derived;
 * - `manual` generates no visits (they are logged by hand).
 *
 * Dates are calendar days written `YYYY-MM-DD` (UTC).
 */
import { formatDay, parseDay, toDay } from "./dates"
import { addPeriod } from "./warranty"

export const PERIODICITIES = ["weekly", "monthly", "quarterly", "half_yearly", "yearly", "custom", "manual"] as const
export type Periodicity = (typeof PERIODICITIES)[number]

export const INTERVAL_UNITS = ["day", "week", "month"] as const
export type IntervalUnit = (typeof INTERVAL_UNITS)[number]
export type Interval = { value: number; unit: IntervalUnit }

/** Visits one schedule may generate for each of its serials. */
export const MAX_VISITS = 500

export type ScheduleRule = {
  periodicity: Periodicity
  /** Only with `custom`: every `value` days, weeks or months. */
  interval?: Interval | null
  start_date: string
  end_date?: string | null
  visit_count?: number | null
  /** true: first visit on the start date; false (default): one interval after it. */
  first_visit_on_start?: boolean | null
}

export type SchedulePlan = {
  /** The visit days, in order. Empty for `manual`. */
  visit_dates: string[]
  /** As given, or derived from the visit count. */
  end_date: string | null
  /** Visits per serial; null for `manual`. */
  visit_count: number | null
}

/** A rule that cannot be planned; `field` names the input at fault. */
export class ScheduleError extends Error {
  constructor(
    public readonly field: string,
    message: string
  ) {
    super(message)
  }
}

type Step = { value: number; unit: "day" | "month" }

const FIXED_STEPS: Record<Exclude<Periodicity, "custom" | "manual">, Step> = {
  weekly: { value: 7, unit: "day" },
  monthly: { value: 1, unit: "month" },
  quarterly: { value: 3, unit: "month" },
  half_yearly: { value: 6, unit: "month" },
  yearly: { value: 12, unit: "month" },
}

// The calendar-day rules are the plugin's one date rule (dates.ts), shared with every input.
export { formatDay, parseDay, toDay }

export function addDays(day: string, days: number): string {
  return formatDay(addPeriod(parseDay(day) as Date, days, "day"))
}

function stepOf(rule: ScheduleRule): Step | null {
  if (rule.periodicity === "manual") {
    return null
  }
  if (rule.periodicity === "custom") {
    const interval = rule.interval as Interval
    return interval.unit === "week"
      ? { value: interval.value * 7, unit: "day" }
      : { value: interval.value, unit: interval.unit }
  }
  return FIXED_STEPS[rule.periodicity]
}

/** How a periodicity reads in a sentence: "monthly", "half-yearly", "every 10 days". */
export function describePeriodicity(rule: Pick<ScheduleRule, "periodicity" | "interval">): string {
  if (rule.periodicity === "custom" && rule.interval) {
    const { value, unit } = rule.interval
    return value === 1 ? `every ${unit}` : `every ${value} ${unit}s`
  }
  return rule.periodicity.replace("_", "-")
}

/** "5 monthly visits", "1 visit every 10 days", "no monthly visit". */
function visitsPhrase(n: number | string, rule: ScheduleRule): string {
  const many = n !== 1 && n !== "no"
  const noun = many ? "visits" : "visit"
  const what = describePeriodicity(rule)
  return rule.periodicity === "custom" ? `${n} ${noun} ${what}` : `${n} ${what} ${noun}`
}

const ordinal = (n: number) => {
  const tens = n % 100
  const suffix = tens >= 11 && tens <= 13 ? "th" : ({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10] ?? "th"
  return `${n}${suffix}`
}

/**
 * Checks a schedule's rules and generates its visit days. Throws `ScheduleError` naming the
 * field when the rules are incomplete, contradict each other or generate too many visits.
 */
export function planSchedule(rule: ScheduleRule): SchedulePlan {
  const start = parseDay(rule.start_date)
  if (!start) {
    throw new ScheduleError("start_date", `start_date must be a calendar day (YYYY-MM-DD), got '${rule.start_date}'`)
  }
  if (!PERIODICITIES.includes(rule.periodicity)) {
    throw new ScheduleError(
      "periodicity",
      `periodicity must be one of ${PERIODICITIES.join(", ")}, got '${String(rule.periodicity)}'`
    )
  }
  const end = rule.end_date == null ? null : parseDay(rule.end_date)
  if (rule.end_date != null && !end) {
    throw new ScheduleError("end_date", `end_date must be a calendar day (YYYY-MM-DD), got '${rule.end_date}'`)
  }
  if (end && end < start) {
    throw new ScheduleError("end_date", `end_date ${rule.end_date} is before start_date ${rule.start_date}`)
  }
  const count = rule.visit_count ?? null
  if (count !== null && (!Number.isInteger(count) || count < 1 || count > MAX_VISITS)) {
    throw new ScheduleError("visit_count", `visit_count must be a whole number from 1 to ${MAX_VISITS}, got ${count}`)
  }

  if (rule.periodicity === "custom") {
    const interval = rule.interval
    if (!interval) {
      throw new ScheduleError("interval", "periodicity 'custom' needs an interval: { value, unit } with unit day, week or month")
    }
    if (!INTERVAL_UNITS.includes(interval.unit)) {
      throw new ScheduleError("interval.unit", `interval.unit must be day, week or month, got '${String(interval.unit)}'`)
    }
    if (!Number.isInteger(interval.value) || interval.value < 1 || interval.value > 1000) {
      throw new ScheduleError("interval.value", `interval.value must be a whole number from 1 to 1000, got ${interval.value}`)
    }
  } else if (rule.interval) {
    throw new ScheduleError(
      "interval",
      `interval is only for periodicity 'custom', got periodicity '${rule.periodicity}' (which has its own interval)`
    )
  }

  if (rule.periodicity === "manual") {
    if (count !== null) {
      throw new ScheduleError(
        "visit_count",
        `periodicity 'manual' generates no visits (they are logged as they happen), so visit_count must not be given, got ${count}`
      )
    }
    return { visit_dates: [], end_date: rule.end_date ?? null, visit_count: null }
  }

  const step = stepOf(rule) as Step
  const onStart = !!rule.first_visit_on_start
  const first = onStart ? 0 : 1
  const dayOf = (k: number) => addPeriod(start, k * step.value, step.unit)

  if (!end && count === null) {
    throw new ScheduleError(
      "end_date",
      `give end_date or visit_count: ${
        rule.periodicity === "custom" ? `a schedule ${describePeriodicity(rule)}` : `a ${describePeriodicity(rule)} schedule`
      } needs one of them to know how many visits to generate`
    )
  }

  let fitting: Date[] | null = null
  if (end) {
    fitting = []
    for (let k = first; ; k++) {
      const day = dayOf(k)
      if (day > end) {
        break
      }
      fitting.push(day)
      if (fitting.length > MAX_VISITS) {
        throw new ScheduleError(
          "end_date",
          `end_date ${rule.end_date} allows more than ${visitsPhrase(MAX_VISITS, rule)}, the most a schedule generates for one serial; choose an earlier end_date or a longer interval`
        )
      }
    }
    if (!fitting.length) {
      throw new ScheduleError(
        "end_date",
        `end_date ${rule.end_date} allows ${visitsPhrase("no", rule)}: the first would be on ${formatDay(dayOf(first))}` +
          (onStart ? "" : " (one interval after start_date; set first_visit_on_start to visit on the start date)")
      )
    }
  }

  if (end && count !== null) {
    const n = (fitting as Date[]).length
    if (n !== count) {
      const detail =
        count > n
          ? `the ${ordinal(count)} visit would be on ${formatDay(dayOf(first + count - 1))}, after it`
          : `the ${ordinal(n)} visit, on ${formatDay(dayOf(first + n - 1))}, is before it`
      throw new ScheduleError(
        "visit_count",
        `end_date ${rule.end_date} allows ${visitsPhrase(n, rule)} but visit_count is ${count}: ${detail}. ` +
          `Change one of them, or give only one and the other is derived`
      )
    }
    return { visit_dates: (fitting as Date[]).map(formatDay), end_date: rule.end_date as string, visit_count: count }
  }

  if (end) {
    const days = fitting as Date[]
    return { visit_dates: days.map(formatDay), end_date: rule.end_date as string, visit_count: days.length }
  }

  // Only a visit count: the schedule spans that many intervals from the start. With the
  // first visit on the start date it ends the day before the next interval would begin;
  // with the first visit one interval later, on its last visit.
  const n = count as number
  const days = Array.from({ length: n }, (_, i) => dayOf(first + i))
  const derivedEnd = onStart ? formatDay(addPeriod(dayOf(n), -1, "day")) : formatDay(days[n - 1])
  return { visit_dates: days.map(formatDay), end_date: derivedEnd, visit_count: n }
}
