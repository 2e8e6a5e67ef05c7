import { maintenanceStatus } from "../../src/shared/maintenance-status"

const NOW = new Date("2026-06-15T12:00:00.000Z")
const FUTURE = new Date("2026-09-01T00:00:00.000Z")
const PAST = new Date("2026-01-01T00:00:00.000Z")

describe("maintenanceStatus", () => {
  it.each([
    // warranty, contract, expected
    [FUTURE, FUTURE, "under_warranty"],
    [FUTURE, PAST, "under_warranty"],
    [FUTURE, null, "under_warranty"],
    [PAST, FUTURE, "under_amc"],
    [null, FUTURE, "under_amc"],
    [PAST, PAST, "out_of_amc"],
    [null, PAST, "out_of_amc"],
    [PAST, null, "out_of_warranty"],
    [null, null, null],
    [undefined, undefined, null],
  ])("warranty %j, contract %j: %s", (warranty, contract, expected) => {
    expect(maintenanceStatus({ warranty_expires_at: warranty, contract_expires_at: contract }, NOW)).toBe(expected)
  })

  it("covers the warranty's expiry instant itself, not one millisecond later", () => {
    const serial = { warranty_expires_at: NOW }
    expect(maintenanceStatus(serial, new Date(NOW.getTime()))).toBe("under_warranty")
    expect(maintenanceStatus(serial, new Date(NOW.getTime() + 1))).toBe("out_of_warranty")
  })

  it("covers the contract's expiry instant itself, not one millisecond later", () => {
    const serial = { warranty_expires_at: PAST, contract_expires_at: NOW }
    expect(maintenanceStatus(serial, new Date(NOW.getTime()))).toBe("under_amc")
    expect(maintenanceStatus(serial, new Date(NOW.getTime() + 1))).toBe("out_of_amc")
  })

  it("reads dates given as ISO text, as they come from JSON", () => {
    expect(
      maintenanceStatus({ warranty_expires_at: "2026-06-15T12:00:00.000Z", contract_expires_at: null }, NOW)
    ).toBe("under_warranty")
    expect(
      maintenanceStatus({ warranty_expires_at: "2026-06-15T11:59:59.999Z", contract_expires_at: "2027-01-01T00:00:00Z" }, NOW)
    ).toBe("under_amc")
  })

  it("uses the current time when none is given", () => {
    const year = 365 * 24 * 3600 * 1000
    expect(maintenanceStatus({ warranty_expires_at: new Date(Date.now() + year) })).toBe("under_warranty")
    expect(maintenanceStatus({ warranty_expires_at: new Date(Date.now() - year) })).toBe("out_of_warranty")
  })
})
