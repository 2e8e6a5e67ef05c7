/**
 * The small rule tables of maintenance visits and warranty claims: which status may
 * follow which. The service checks every change against them and names both statuses
 * when it refuses one.
 */
import { maintenanceStatus } from "../../../shared/maintenance-status"

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
