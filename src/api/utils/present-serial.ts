import { maintenanceStatus } from "../../shared/maintenance-status"
import type { AdminSerialNumber } from "../../shared/http/admin"
import { asSent } from "./as-sent"

/** Adds what is computed at read time to a serial read from the database. */
export function presentSerial(serial: Record<string, any>, now = new Date()): AdminSerialNumber {
  const { normalized, scope_key, ...rest } = serial
  return asSent<AdminSerialNumber>({ ...rest, maintenance_status: maintenanceStatus(serial, now) })
}

/** Fields the computed ones need, added to whatever the client asked for. */
export const PRESENT_SERIAL_NEEDS = ["warranty_expires_at", "contract_expires_at"]
