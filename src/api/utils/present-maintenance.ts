import { formatDay } from "../../modules/serial/lib/schedule"
import type { AdminMaintenanceSchedule, AdminMaintenanceVisit } from "../../shared/http/admin"
import { asSent } from "./as-sent"

const day = (v: unknown) => (v === null || v === undefined ? v : formatDay(new Date(v as string)))

/** A visit as the API answers it: its date as a calendar day (`YYYY-MM-DD`). */
export function presentVisit(visit: Record<string, any>): AdminMaintenanceVisit {
  const { deleted_at, schedule, ...rest } = visit
  return asSent<AdminMaintenanceVisit>({
    ...rest,
    ...("scheduled_date" in visit ? { scheduled_date: day(visit.scheduled_date) } : {}),
    ...(schedule ? { schedule: presentSchedule(schedule) } : {}),
  })
}

/**
 * A schedule as the API answers it: calendar days, `interval` as `{ value, unit }`, the
 * covered serials as `serial_number_ids`, and its visits (when read) in date order.
 */
export function presentSchedule(schedule: Record<string, any>): AdminMaintenanceSchedule {
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
  return asSent<AdminMaintenanceSchedule>(out)
}
