/**
 * Turns the consistency check's rows (lib/consistency-sql.ts) into the answer merchants
 * read: `ok`, what was checked, and one problem per finding, each naming the serial or
 * the variant and location, what was expected and what was found.
 */
import type { LedgerProblemRow, StateProblemRow, StockRow } from "../repositories/serial-consistency-run"
import type { ConsistencyProblem, ConsistencyReport, UnserializedStock } from "../../../shared/http/admin"

export type { ConsistencyProblem, ConsistencyProblemKind, ConsistencyReport, UnserializedStock } from "../../../shared/http/admin"

export function buildConsistencyReport(input: {
  serialized_variants: number
  stock: StockRow[]
  ledger: { entries: number; count: number; rows: LedgerProblemRow[] }
  state: { serials: number; count: number; rows: StateProblemRow[] }
}): ConsistencyReport {
  const problems: ConsistencyProblem[] = []
  const unserialized: UnserializedStock[] = []
  let stockProblems = 0
  for (const r of input.stock) {
    const difference = r.stocked_quantity - r.serials_in_stock
    if (difference > 0) {
      unserialized.push({ ...r, unserialized: difference })
    } else if (difference < 0) {
      stockProblems++
      problems.push({
        kind: "serials_exceed_stock",
        variant_id: r.variant_id,
        location_id: r.location_id,
        expected: r.stocked_quantity,
        actual: r.serials_in_stock,
        message:
          `Variant ${r.variant_id} at stock location ${r.location_id}: ${r.serials_in_stock} serials in stock ` +
          `but Medusa's stocked quantity is ${r.stocked_quantity}`,
      })
    }
  }

  for (const e of input.ledger.rows) {
    const base = { serial_number: e.serial_number, serial_number_id: e.serial_number_id, ...(e.variant_id ? { variant_id: e.variant_id } : {}) }
    if (e.kind === "delivered_twice") {
      problems.push({
        ...base,
        kind: "delivered_twice",
        expected: { line_item_id: e.previous_line_item_id },
        actual: { line_item_id: e.line_item_id },
        message:
          `Serial ${e.serial_number} delivered on line ${e.line_item_id ?? "(unknown)"} while still delivered ` +
          `on line ${e.previous_line_item_id ?? "(unknown)"} (ledger entry ${e.entry_id})`,
      })
    } else if (e.kind === "ledger_chain") {
      problems.push({
        ...base,
        kind: "ledger_chain",
        expected: { from_status: e.previous_status },
        actual: { from_status: e.from_status },
        message:
          `Serial ${e.serial_number}: ledger entry ${e.entry_id} (${e.type}) starts from ${e.from_status ?? "(new)"} ` +
          `but the entry before it left the serial ${e.previous_status ?? "(new)"}`,
      })
    } else {
      problems.push({
        ...base,
        kind: "ledger_transition",
        expected: "a movement the status machine allows",
        actual: { type: e.type, from_status: e.from_status, to_status: e.to_status },
        message:
          `Serial ${e.serial_number}: ledger entry ${e.entry_id} (${e.type}) moves it from ` +
          `${e.from_status ?? "(new)"} to ${e.to_status ?? "(none)"}, which the status machine does not allow`,
      })
    }
  }

  for (const s of input.state.rows) {
    const base = { serial_number: s.serial_number, serial_number_id: s.serial_number_id, variant_id: s.variant_id }
    if (!s.has_ledger) {
      problems.push({
        ...base,
        kind: "ledger_missing",
        expected: "at least one ledger entry",
        actual: null,
        message: `Serial ${s.serial_number} has no ledger entry`,
      })
      continue
    }
    const assigned = s.status === "reserved" || s.status === "delivered"
    const expected: Record<string, unknown> = { status: s.ledger_status, stock_location_id: s.ledger_location_id }
    const actual: Record<string, unknown> = { status: s.status, stock_location_id: s.stock_location_id }
    if (assigned) {
      Object.assign(expected, { order_id: s.ledger_order_id, line_item_id: s.ledger_line_item_id })
      Object.assign(actual, { order_id: s.order_id, line_item_id: s.line_item_id })
    }
    const differing = Object.keys(expected).filter((k) => expected[k] !== actual[k])
    problems.push({
      ...base,
      ...(s.stock_location_id ? { location_id: s.stock_location_id } : {}),
      kind: "state_differs_from_ledger",
      expected,
      actual,
      message:
        `Serial ${s.serial_number}: ` +
        differing.map((k) => `${k} is ${actual[k] ?? "(none)"}, its ledger says ${expected[k] ?? "(none)"}`).join("; "),
    })
  }

  const problemCount = stockProblems + input.ledger.count + input.state.count
  return {
    ok: problemCount === 0,
    checked: {
      serialized_variants: input.serialized_variants,
      variant_locations: input.stock.length,
      serials: input.state.serials,
      ledger_entries: input.ledger.entries,
    },
    problems,
    problem_count: problemCount,
    unserialized_stock: unserialized,
  }
}
