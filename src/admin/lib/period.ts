import type { Period } from "../../shared/http/admin"

const UNITS: Record<Period["unit"], [string, string]> = {
  day: ["day", "days"],
  month: ["month", "months"],
  year: ["year", "years"],
}

/** "12 months", or "—" without a period. */
export function formatPeriod(period: Period | null | undefined): string {
  if (!period) {
    return "—"
  }
  const [one, many] = UNITS[period.unit] ?? [period.unit, period.unit]
  return `${period.value} ${period.value === 1 ? one : many}`
}
