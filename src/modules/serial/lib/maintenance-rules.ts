/**
 * The small rule tables of maintenance visits and warranty claims: which status may
 * follow which. The service checks every change against them and names both statuses
 * when it refuses one.
 */
import { MedusaError } from "@medusajs/framework/utils"
import { maintenanceStatus } from "../../../shared/maintenance-status"
import { addDays, formatDay } from "./schedule"

// The tables live in src/shared (the admin offers only the moves they allow).
export { CLAIM_TRANSITIONS, VISIT_TRANSITIONS } from "../../../shared/statuses"

/** Visits one schedule may generate in all (visits per serial times serials). */
export const MAX_GENERATED_VISITS = 50_000

/** How far in the future a completion time may be (clocks of phones and servers differ). */
export const FUTURE_TOLERANCE_MS = 10 * 60_000

/** A calendar day as the timestamp it is stored as: that day's UTC midnight. */
export const dayToTimestamp = (day: string) => `${day}T00:00:00.000Z`

/**
 * What a warranty claim records about coverage when it is filed: the serial's maintenance
 * status at that moment (the SPEC's precedence), whether that covers the claim (under
 * warranty or under a service contract), and the dates it came from.
 */
export function claimCoverage(
  serial: { warranty_expires_at?: Date | string | null; contract_expires_at?: Date | string | null },
  now: Date
) {
  const status = maintenanceStatus(serial, now)
  const iso = (d: Date | string | null | undefined) => (d === null || d === undefined ? null : new Date(d).toISOString())
  return {
    maintenance_status: status,
    covered: status === "under_warranty" || status === "under_amc",
    warranty_expires_at: iso(serial.warranty_expires_at),
    contract_expires_at: iso(serial.contract_expires_at),
  }
}

/**
 * The visits `due_within_days` and `overdue` select, as filters: pending ones, from today
 * to today + N days (due), before today (overdue), or up to today + N days (both). Refuses
 * a status filter that excludes pending visits, naming it. Null when neither is asked.
 */
export function dueVisitFilter(
  query: { due_within_days?: number | null; overdue?: boolean; status?: string | string[] },
  now: Date
): { status: "pending"; scheduled_date: Record<string, string> } | null {
  const due = query.due_within_days !== undefined && query.due_within_days !== null
  if (!due && !query.overdue) {
    return null
  }
  const statuses = query.status === undefined ? ["pending"] : [query.status].flat()
  if (!statuses.includes("pending")) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `due_within_days and overdue select pending visits, but status is '${statuses.join(", ")}'`
    )
  }
  const today = formatDay(now)
  const range: Record<string, string> = {}
  if (due) {
    range.$lte = dayToTimestamp(addDays(today, Number(query.due_within_days)))
    if (!query.overdue) {
      range.$gte = dayToTimestamp(today)
    }
  } else {
    range.$lt = dayToTimestamp(today)
  }
  return { status: "pending", scheduled_date: range }
}
