/**
 * The serial status machine: the one place that decides whether a serial may move, and
 * what the move does to its location. Every status or location change in the plugin goes
 * through `planTransition`, and the service writes the result together with a ledger row.
 */

import { SERIAL_STATUSES, type SerialMovement, type SerialStatus } from "../../../shared/statuses"

// The lists live in src/shared (the admin reads them too); the rules of moving are here.
export { SERIAL_MOVEMENTS, SERIAL_STATUSES } from "../../../shared/statuses"
export type { SerialMovement, SerialStatus } from "../../../shared/statuses"

type LocationRule =
  /** the movement names the location the serial is at afterwards */
  | "set"
  /** the serial leaves stock */
  | "clear"
  /** the serial stays where it is */
  | "keep"

type Rule = {
  from: ReadonlyArray<SerialStatus | null>
  to: SerialStatus
  location: LocationRule
  description: string
}

const ALL_BUT = (...excluded: SerialStatus[]) => SERIAL_STATUSES.filter((s) => !excluded.includes(s))

/** The SPEC's transition table. `null` is a serial that does not exist yet. */
export const TRANSITIONS: Readonly<Record<SerialMovement, Rule>> = {
  create: { from: [null], to: "inactive", location: "clear", description: "created directly" },
  receive: {
    from: [null, "inactive"],
    to: "active",
    location: "set",
    description: "received into stock",
  },
  reserve: { from: ["active"], to: "reserved", location: "keep", description: "reserved for an order line" },
  release: { from: ["reserved"], to: "active", location: "keep", description: "reservation released" },
  deliver: {
    from: ["active", "reserved"],
    to: "delivered",
    location: "clear",
    description: "delivered to a customer",
  },
  return_restock: {
    from: ["delivered"],
    to: "active",
    location: "set",
    description: "returned and restocked",
  },
  return_no_restock: {
    from: ["delivered"],
    to: "inactive",
    location: "clear",
    description: "returned, not restocked",
  },
  cancel_fulfillment: {
    from: ["delivered"],
    to: "active",
    location: "set",
    description: "fulfilment canceled",
  },
  deactivate: { from: ["active"], to: "inactive", location: "clear", description: "taken out of stock" },
  expire: { from: ALL_BUT("expired"), to: "expired", location: "keep", description: "end of life reached" },
  scrap: {
    from: ALL_BUT("delivered", "scrapped"),
    to: "scrapped",
    location: "clear",
    description: "written off",
  },
  transfer: { from: ["active"], to: "active", location: "set", description: "moved to another stock location" },
  return_to_supplier: { from: ["active"], to: "inactive", location: "clear", description: "returned to its supplier" },
  // Warranty-only variants (no stock): a serial of the pool, or a new one from the
  // variant's series, goes straight to its buyer; a canceled fulfilment puts it back.
  issue: { from: [null, "inactive"], to: "delivered", location: "clear", description: "issued with a warranty-only sale" },
  cancel_issue: { from: ["delivered"], to: "inactive", location: "clear", description: "put back in the pool (fulfilment canceled)" },
}

export type TransitionInput = {
  serial_number: string
  status: SerialStatus | null
  stock_location_id: string | null
}

export type PlannedTransition = {
  movement: SerialMovement
  from_status: SerialStatus | null
  to_status: SerialStatus
  from_location_id: string | null
  to_location_id: string | null
}

export class TransitionError extends Error {
  constructor(
    public readonly serial_number: string,
    public readonly from: SerialStatus | null,
    public readonly movement: SerialMovement
  ) {
    const rule = TRANSITIONS[movement]
    const allowed = rule.from.map((s) => s ?? "(new)").join(", ")
    super(
      `Serial ${serial_number} is ${from ?? "new"} and cannot be ${rule.description} ` +
        `(${movement} needs status ${allowed})`
    )
  }
}

export function canTransition(from: SerialStatus | null, movement: SerialMovement): boolean {
  return TRANSITIONS[movement].from.includes(from)
}

/**
 * Checks one serial's move and says where it ends up. Throws `TransitionError` when the
 * table forbids it, and a plain Error when a movement that places a serial names no location.
 */
export function planTransition(
  serial: TransitionInput,
  movement: SerialMovement,
  locationId?: string | null
): PlannedTransition {
  const rule = TRANSITIONS[movement]
  if (!rule) {
    throw new Error(`Unknown serial movement "${movement}"`)
  }
  if (!rule.from.includes(serial.status)) {
    throw new TransitionError(serial.serial_number, serial.status, movement)
  }
  let to_location_id: string | null
  switch (rule.location) {
    case "set":
      if (!locationId) {
        throw new Error(`Serial ${serial.serial_number}: ${movement} needs a stock location`)
      }
      to_location_id = locationId
      break
    case "clear":
      to_location_id = null
      break
    case "keep":
      to_location_id = serial.stock_location_id
      break
  }
  return {
    movement,
    from_status: serial.status,
    to_status: rule.to,
    from_location_id: serial.stock_location_id,
    to_location_id,
  }
}
