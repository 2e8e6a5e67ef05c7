/**
 * The small rule tables of maintenance visits and warranty claims: which status may
 * follow which. The service checks every change against them and names both statuses
 * when it refuses one.
 */
import type { ClaimStatus, VisitStatus } from "../maintenance-types"
import { maintenanceStatus } from "./maintenance-status"

export const VISIT_TRANSITIONS: Readonly<Record<VisitStatus, readonly VisitStatus[]>> = {
  pending: ["completed", "partially_completed", "cancelled"],
  partially_completed: ["completed", "cancelled"],
  completed: [],
  cancelled: [],
}

export const CLAIM_TRANSITIONS: Readonly<Record<ClaimStatus, readonly ClaimStatus[]>> = {
  open: ["in_progress", "rejected"],
  in_progress: ["resolved", "rejected"],
  resolved: [],
  rejected: [],
}

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
