import { formatDay } from "../../modules/serial/lib/schedule"

const day = (v: unknown) => (v === null || v === undefined ? v : formatDay(new Date(v as string)))

/** A visit as the API answers it: its date as a calendar day (`YYYY-MM-DD`). */
export function presentVisit<T extends Record<string, any>>(visit: T): Record<string, unknown> {
  const { deleted_at, schedule, ...rest } = visit
  return {
    ...rest,
    ...("scheduled_date" in visit ? { scheduled_date: day(visit.scheduled_date) } : {}),
    ...(schedule ? { schedule: presentSchedule(schedule) } : {}),
  }
}

/**
 * A schedule as the API answers it: calendar days, `interval` as `{ value, unit }`, the
 * covered serials as `serial_number_ids`, and its visits (when read) in date order.
 */
export function presentSchedule<T extends Record<string, any>>(schedule: T) {
  const { deleted_at, interval_value, interval_unit, serials, visits, ...rest } = schedule
  const out: Record<string, unknown> = { ...rest }
  if ("start_date" in schedule) {
    out.start_date = day(schedule.start_date)
  }
  if ("end_date" in schedule) {
    out.end_date = day(schedule.end_date)
  }
  if ("interval_value" in schedule || "interval_unit" in schedule) {
    out.interval = interval_value ? { value: interval_value, unit: interval_unit } : null
  }
  if (Array.isArray(serials)) {
    out.serial_number_ids = serials.map((s: any) => s.serial_number_id).sort()
  }
  if (Array.isArray(visits)) {
    out.visits = [...visits]
      .sort(
        (a: any, b: any) =>
          new Date(a.scheduled_date).getTime() - new Date(b.scheduled_date).getTime() ||
          String(a.serial_number_id).localeCompare(String(b.serial_number_id))
      )
      .map(presentVisit)
  }
  return out
}
