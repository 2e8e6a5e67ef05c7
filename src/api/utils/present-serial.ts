import { maintenanceStatus } from "../../modules/serial/lib/maintenance-status"

/** Adds what is computed at read time to a serial read from the database. */
export function presentSerial<T extends Record<string, any>>(serial: T, now = new Date()) {
  const { normalized, scope_key, ...rest } = serial
  return { ...rest, maintenance_status: maintenanceStatus(serial, now) }
}

/** Fields the computed ones need, added to whatever the client asked for. */
export const PRESENT_SERIAL_NEEDS = ["warranty_expires_at", "contract_expires_at"]
