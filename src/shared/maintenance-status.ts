/**
 * Maintenance status is computed when a serial is read, never stored, so it cannot go
 * stale. Precedence (the first that applies): under warranty, under service contract
 * (AMC), contract lapsed, warranty lapsed. A serial with neither date has none.
 */
export type MaintenanceStatus = "under_warranty" | "under_amc" | "out_of_amc" | "out_of_warranty"

type Coverage = {
  warranty_expires_at?: Date | string | null
  contract_expires_at?: Date | string | null
}

const toTime = (d: Date | string | null | undefined): number | null =>
  d === null || d === undefined ? null : new Date(d).getTime()

export function maintenanceStatus(serial: Coverage, now: Date = new Date()): MaintenanceStatus | null {
  const t = now.getTime()
  const warranty = toTime(serial.warranty_expires_at)
  const contract = toTime(serial.contract_expires_at)
  // Coverage runs to the end of its expiry instant: the expiry moment itself is covered.
  if (warranty !== null && warranty >= t) {
    return "under_warranty"
  }
  if (contract !== null && contract >= t) {
    return "under_amc"
  }
  if (contract !== null) {
    return "out_of_amc"
  }
  if (warranty !== null) {
    return "out_of_warranty"
  }
  return null
}
