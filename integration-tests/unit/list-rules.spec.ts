import { dueVisitFilter } from "../../src/modules/serial/lib/maintenance-rules"
import { lineSerialGaps } from "../../src/modules/serial/lib/order-rules"

describe("dueVisitFilter (GET /admin/maintenance-visits)", () => {
  const now = new Date("2026-03-30T22:15:00Z")

  it("selects nothing special without due_within_days or overdue", () => {
    expect(dueVisitFilter({}, now)).toBeNull()
    expect(dueVisitFilter({ overdue: false, status: "completed" }, now)).toBeNull()
  })

  it("due: pending visits from today (UTC) to today + N days, the last day included", () => {
    expect(dueVisitFilter({ due_within_days: 3 }, now)).toEqual({
      status: "pending",
      scheduled_date: { $gte: "2026-03-30T00:00:00.000Z", $lte: "2026-04-02T00:00:00.000Z" },
    })
    expect(dueVisitFilter({ due_within_days: 0 }, now)?.scheduled_date).toEqual({
      $gte: "2026-03-30T00:00:00.000Z",
      $lte: "2026-03-30T00:00:00.000Z",
    })
  })

  it("overdue: pending visits before today; with due_within_days, everything up to today + N", () => {
    expect(dueVisitFilter({ overdue: true }, now)).toEqual({ status: "pending", scheduled_date: { $lt: "2026-03-30T00:00:00.000Z" } })
    expect(dueVisitFilter({ overdue: true, due_within_days: 7 }, now)).toEqual({
      status: "pending",
      scheduled_date: { $lte: "2026-04-06T00:00:00.000Z" },
    })
  })

  it("refuses a status filter without pending, naming it; accepts one that includes it", () => {
    expect(() => dueVisitFilter({ overdue: true, status: ["completed", "cancelled"] }, now)).toThrow(
      "due_within_days and overdue select pending visits, but status is 'completed, cancelled'"
    )
    expect(dueVisitFilter({ due_within_days: 1, status: ["pending", "completed"] }, now)?.status).toBe("pending")
  })
})

describe("lineSerialGaps (GET /admin/orders/:id/serial-numbers)", () => {
  const line = { is_serialized: true, quantity: 5, fulfilled_quantity: 0, returned_quantity: 0, delivered: 0, reserved: 0 }

  it("counts units without a serial delivered or reserved as missing", () => {
    expect(lineSerialGaps({ ...line, delivered: 1, reserved: 2 })).toEqual({ missing: 2, fulfilled_without_serial: 0 })
  })

  it("counts fulfilled units without a delivered serial, and leaves returned units out of both", () => {
    expect(lineSerialGaps({ ...line, fulfilled_quantity: 3, delivered: 1 })).toEqual({ missing: 4, fulfilled_without_serial: 2 })
    expect(lineSerialGaps({ ...line, fulfilled_quantity: 3, returned_quantity: 2, delivered: 1 })).toEqual({
      missing: 2,
      fulfilled_without_serial: 0,
    })
  })

  it("never goes below zero, and an unserialized line misses nothing", () => {
    expect(lineSerialGaps({ ...line, quantity: 1, delivered: 1, reserved: 1 })).toEqual({ missing: 0, fulfilled_without_serial: 0 })
    expect(lineSerialGaps({ ...line, is_serialized: false, fulfilled_quantity: 5 })).toEqual({ missing: 0, fulfilled_without_serial: 0 })
  })
})
