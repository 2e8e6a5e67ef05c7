/**
 * Calendar arithmetic for warranty and service-contract periods. Months and years move the
 * calendar date and keep the time of day; a day that does not exist in the target month
 * becomes that month's last day (Jan 31 + 1 month = Feb 28, or Feb 29 in a leap year;
 * Feb 29 + 1 year = Feb 28). Everything is computed in UTC.
 */
import type { Period, PeriodUnit } from "../types"

const DAY_MS = 86_400_000

function daysInMonth(year: number, monthIndex: number): number {
  return new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate()
}

function addMonths(date: Date, months: number): Date {
  const year = date.getUTCFullYear()
  const month = date.getUTCMonth() + months
  const targetYear = year + Math.floor(month / 12)
  const targetMonth = ((month % 12) + 12) % 12
  const day = Math.min(date.getUTCDate(), daysInMonth(targetYear, targetMonth))
  return new Date(
    Date.UTC(
      targetYear,
      targetMonth,
      day,
      date.getUTCHours(),
      date.getUTCMinutes(),
      date.getUTCSeconds(),
      date.getUTCMilliseconds()
    )
  )
}

/** `date` moved forward by `value` days, months or years (calendar-aware). */
export function addPeriod(date: Date, value: number, unit: PeriodUnit): Date {
  if (!Number.isInteger(value)) {
    throw new Error(`A period must be a whole number, got ${value}`)
  }
  switch (unit) {
    case "day":
      return new Date(date.getTime() + value * DAY_MS)
    case "month":
      return addMonths(date, value)
    case "year":
      return addMonths(date, value * 12)
    default:
      throw new Error(`Unknown period unit "${unit as string}"`)
  }
}

/**
 * The warranty of a unit delivered at `deliveredAt` under a variant's settings: it starts
 * on delivery and runs for the variant's period. No period configured: no warranty (null).
 */
export function warrantyFor(
  settings: { warranty_value?: number | null; warranty_unit?: string | null } | null | undefined,
  deliveredAt: Date
): { starts_at: Date; expires_at: Date } | null {
  const period = periodOf(settings?.warranty_value, settings?.warranty_unit)
  if (!period) {
    return null
  }
  return { starts_at: deliveredAt, expires_at: addPeriod(deliveredAt, period.value, period.unit) }
}

function periodOf(value: number | null | undefined, unit: string | null | undefined): Period | null {
  if (!value || !unit || !["day", "month", "year"].includes(unit)) {
    return null
  }
  return { value, unit: unit as PeriodUnit }
}
