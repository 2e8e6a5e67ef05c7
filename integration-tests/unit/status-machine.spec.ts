import {
  canTransition,
  planTransition,
  SERIAL_MOVEMENTS,
  SERIAL_STATUSES,
  SerialMovement,
  SerialStatus,
  TransitionError,
} from "../../src/modules/serial/lib/status-machine"

/**
 * The SPEC's "Status machine" table, written out here by hand (not read back from the
 * code), so that a change to the code's table that the SPEC does not allow fails a test.
 * `null` is a serial that does not exist yet ("(new)" in the SPEC).
 *
 *   (new) -> inactive                   created directly, no location
 *   (new), inactive -> active           receipt / inventory increase at a location
 *   active -> reserved                  allocated to an order line
 *   reserved -> active                  order canceled / allocation released
 *   active, reserved -> delivered       fulfilment (leaves stock)
 *   delivered -> active / inactive      return restocked (at the return location) / not restocked
 *   delivered -> active                 fulfilment canceled (back at the location)
 *   active -> inactive                  receipt canceled, inventory decrease, write-off
 *   any -> expired                      end of life
 *   any but delivered -> scrapped       admin write-off
 *   active -> active                    transfer to another stock location
 *   active -> inactive                  returned to the supplier (vendor return)
 *
 * Added for warranty-only variants (no stock; issue 14, point 6), beside the SPEC's table:
 *   (new), inactive -> delivered        issued with a sale, from the pool or the series
 *   delivered -> inactive               that fulfilment canceled: back in the pool
 */
type Expected = { from: Array<SerialStatus | null>; to: SerialStatus; location: "set" | "clear" | "keep" }

const SPEC_TABLE: Record<SerialMovement, Expected> = {
  create: { from: [null], to: "inactive", location: "clear" },
  receive: { from: [null, "inactive"], to: "active", location: "set" },
  reserve: { from: ["active"], to: "reserved", location: "keep" },
  release: { from: ["reserved"], to: "active", location: "keep" },
  deliver: { from: ["active", "reserved"], to: "delivered", location: "clear" },
  return_restock: { from: ["delivered"], to: "active", location: "set" },
  return_no_restock: { from: ["delivered"], to: "inactive", location: "clear" },
  cancel_fulfillment: { from: ["delivered"], to: "active", location: "set" },
  deactivate: { from: ["active"], to: "inactive", location: "clear" },
  // "any": every existing serial; an expired one is already expired.
  expire: { from: ["inactive", "active", "reserved", "delivered", "scrapped"], to: "expired", location: "keep" },
  // "any but delivered": a scrapped one is already scrapped.
  scrap: { from: ["inactive", "active", "reserved", "expired"], to: "scrapped", location: "clear" },
  transfer: { from: ["active"], to: "active", location: "set" },
  return_to_supplier: { from: ["active"], to: "inactive", location: "clear" },
  issue: { from: [null, "inactive"], to: "delivered", location: "clear" },
  cancel_issue: { from: ["delivered"], to: "inactive", location: "clear" },
}

const FROM: Array<SerialStatus | null> = [null, "inactive", "active", "reserved", "delivered", "expired", "scrapped"]

const cases = FROM.flatMap((from) =>
  (Object.keys(SPEC_TABLE) as SerialMovement[]).map((movement) => ({
    from,
    movement,
    allowed: SPEC_TABLE[movement].from.includes(from),
  }))
)

describe("status machine", () => {
  it("knows exactly the statuses and movements the SPEC table covers", () => {
    expect([...SERIAL_STATUSES].sort()).toEqual(FROM.filter((s) => s !== null).sort())
    expect([...SERIAL_MOVEMENTS].sort()).toEqual(Object.keys(SPEC_TABLE).sort())
  })

  it("covers every (from, movement) pair", () => {
    expect(cases).toHaveLength(FROM.length * SERIAL_MOVEMENTS.length)
  })

  describe.each(cases.filter((c) => c.allowed))("$movement from $from (allowed)", ({ from, movement }) => {
    const expected = SPEC_TABLE[movement]
    // A serial that exists may sit at a location; a new one has none.
    const oldLocation = from === null ? null : "sloc_old"
    const serial = { serial_number: `SN-${from}-${movement}`, status: from, stock_location_id: oldLocation }

    it(`ends ${expected.to} and ${expected.location}s the location`, () => {
      const plan = planTransition(serial, movement, "sloc_new")
      expect(plan).toEqual({
        movement,
        from_status: from,
        to_status: expected.to,
        from_location_id: oldLocation,
        to_location_id:
          expected.location === "set" ? "sloc_new" : expected.location === "clear" ? null : oldLocation,
      })
      expect(canTransition(from, movement)).toBe(true)
    })

    if (expected.location === "set") {
      it("needs a location", () => {
        for (const missing of [undefined, null, ""]) {
          expect(() => planTransition(serial, movement, missing)).toThrow(
            new RegExp(`SN-${from}-${movement}.*needs a stock location`)
          )
        }
      })
    } else {
      it("works without a location", () => {
        expect(planTransition(serial, movement).to_status).toBe(expected.to)
      })
    }
  })

  describe.each(cases.filter((c) => !c.allowed))("$movement from $from (refused)", ({ from, movement }) => {
    it("throws a TransitionError naming the serial", () => {
      const serial = { serial_number: `SN-${from}-${movement}`, status: from, stock_location_id: null }
      let error: unknown
      try {
        planTransition(serial, movement, "sloc_new")
      } catch (e) {
        error = e
      }
      expect(error).toBeInstanceOf(TransitionError)
      expect((error as TransitionError).message).toContain(`Serial SN-${from}-${movement} is ${from ?? "new"}`)
      expect((error as TransitionError).serial_number).toBe(`SN-${from}-${movement}`)
      expect(canTransition(from, movement)).toBe(false)
    })
  })

  it("keeps a reserved serial where it is", () => {
    const plan = planTransition({ serial_number: "SN-1", status: "active", stock_location_id: "sloc_a" }, "reserve", "sloc_b")
    expect(plan.to_location_id).toBe("sloc_a")
  })

  it("refuses an unknown movement", () => {
    expect(() =>
      planTransition({ serial_number: "SN-1", status: "active", stock_location_id: null }, "teleport" as any)
    ).toThrow(/Unknown serial movement "teleport"/)
  })
})
