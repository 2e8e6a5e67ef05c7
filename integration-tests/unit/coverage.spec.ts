import { claimCoverage, CLAIM_TRANSITIONS, VISIT_TRANSITIONS } from "../../src/modules/serial/lib/maintenance-rules"
import { warrantyFor } from "../../src/modules/serial/lib/warranty"

const at = (iso: string) => new Date(iso)

describe("claimCoverage at the boundaries of a warranty", () => {
  // Delivered Jan 31 at 09:00 with a one-month warranty: it runs to Feb 28 09:00.
  const warranty = warrantyFor({ warranty_value: 1, warranty_unit: "month" }, at("2026-01-31T09:00:00.000Z"))!
  const serial = { warranty_expires_at: warranty.expires_at, contract_expires_at: null }

  it.each([
    ["the day before the last day", "2026-02-27T12:00:00.000Z", "under_warranty", true],
    ["the last day, in the morning", "2026-02-28T00:00:00.000Z", "under_warranty", true],
    ["the expiry instant itself", "2026-02-28T09:00:00.000Z", "under_warranty", true],
    ["the day after", "2026-03-01T00:00:00.000Z", "out_of_warranty", false],
    ["a year later", "2027-02-28T09:00:00.000Z", "out_of_warranty", false],
  ])("%s (%s): %s", (_label, now, status, covered) => {
    expect(claimCoverage(serial, at(now))).toEqual({
      maintenance_status: status,
      covered,
      warranty_expires_at: "2026-02-28T09:00:00.000Z",
      contract_expires_at: null,
    })
  })

  it("covers a leap-year warranty to Feb 29", () => {
    const leap = warrantyFor({ warranty_value: 1, warranty_unit: "month" }, at("2028-01-31T00:00:00.000Z"))!
    expect(leap.expires_at.toISOString()).toBe("2028-02-29T00:00:00.000Z")
    expect(claimCoverage({ warranty_expires_at: leap.expires_at }, at("2028-02-29T00:00:00.000Z")).covered).toBe(true)
    expect(claimCoverage({ warranty_expires_at: leap.expires_at }, at("2028-03-01T00:00:00.000Z")).covered).toBe(false)
  })

  it.each([
    // warranty, contract, now, status, covered
    ["2026-06-30T23:59:59.999Z", "2026-12-31T23:59:59.999Z", "2026-06-30T23:59:59.999Z", "under_warranty", true],
    ["2026-06-30T23:59:59.999Z", "2026-12-31T23:59:59.999Z", "2026-07-01T00:00:00.000Z", "under_amc", true],
    ["2026-06-30T23:59:59.999Z", "2026-12-31T23:59:59.999Z", "2026-12-31T23:59:59.999Z", "under_amc", true],
    ["2026-06-30T23:59:59.999Z", "2026-12-31T23:59:59.999Z", "2027-01-01T00:00:00.000Z", "out_of_amc", false],
    [null, null, "2026-01-01T00:00:00.000Z", null, false],
  ])("warranty %s, contract %s, filed %s: %s", (w, c, now, status, covered) => {
    expect(claimCoverage({ warranty_expires_at: w, contract_expires_at: c }, at(now))).toMatchObject({
      maintenance_status: status,
      covered,
    })
  })
})

describe("status rules", () => {
  it("lets a claim go open -> in_progress -> resolved | rejected, and open -> rejected, nothing else", () => {
    expect(CLAIM_TRANSITIONS).toEqual({
      open: ["in_progress", "rejected"],
      in_progress: ["resolved", "rejected"],
      resolved: [],
      rejected: [],
    })
  })

  it("lets a visit be completed, partially completed or cancelled while open, and keeps done visits final", () => {
    expect(VISIT_TRANSITIONS).toEqual({
      pending: ["completed", "partially_completed", "cancelled"],
      partially_completed: ["completed", "cancelled"],
      completed: [],
      cancelled: [],
    })
  })
})
