/**
 * The consistency check's SQL: set-based statements (no query per row), the ledger and
 * state parts over one chunk of serials at a time, so that a check of 10M serials is a
 * walk of short statements (lib/consistency-run.ts), not one sort of the whole ledger.
 *
 * - stock: serials in stock (active or reserved) per serialized variant and location,
 *   side by side with Medusa's stocked quantity, which the caller read from the inventory
 *   module and passes in as one JSON parameter;
 * - ledger: every ledger entry checked against the entry before it (a replay of the
 *   status machine): the status it starts from is the one the previous entry left, the
 *   movement is allowed from there and ends where the table says; a `deliver` of a serial
 *   that is still delivered means one serial on two lines;
 * - state: each serial against the last entry of its ledger (status, location) and, while
 *   reserved or delivered, against the last reserve / deliver entry (order and line).
 */
import { TRANSITIONS } from "../lib/status-machine"
import { run, textArrayLiteral, type SqlManager } from "../lib/sql"
import type { MedusaStockLevel } from "../types"

const json = (v: unknown) => JSON.stringify(v)

/** Serial ids in `(after, last]`: one chunk of a consistency run. */
export type SerialRange = { after: string; last: string }

export type StockRow = {
  variant_id: string
  location_id: string
  stocked_quantity: number
  serials_in_stock: number
}

export type LedgerProblemRow = {
  kind: "ledger_chain" | "ledger_transition" | "delivered_twice"
  serial_number_id: string
  serial_number: string
  variant_id: string | null
  entry_id: string
  type: string
  from_status: string | null
  to_status: string | null
  previous_status: string | null
  previous_line_item_id: string | null
  line_item_id: string | null
}

export type StateProblemRow = {
  serial_number_id: string
  serial_number: string
  variant_id: string
  status: string
  stock_location_id: string | null
  order_id: string | null
  line_item_id: string | null
  has_ledger: boolean
  ledger_status: string | null
  ledger_location_id: string | null
  ledger_order_id: string | null
  ledger_line_item_id: string | null
}

/** The movement types of the status machine. */
const MOVEMENT_TYPES = Object.keys(TRANSITIONS)

/** (type, from, to) of every movement the status machine allows, as SQL reads them. */
function allowedMoves() {
  return Object.entries(TRANSITIONS).flatMap(([type, rule]) =>
    rule.from.map((from) => ({ type, from_status: from, to_status: rule.to }))
  )
}

/** Order a movement entry gives a serial: fulfilments name it in data, order flows as the reference. */
const ENTRY_ORDER = `coalesce(l.data->>'order_id', CASE WHEN l.reference_type = 'order' THEN l.reference_id END)`

/**
 * Entries that record a state. A `replace` entry (a replacement linked to the serial it
 * replaces) records none: both statuses empty. Such entries say nothing about where the
 * serial is, so the replay passes over them.
 */
const STATEFUL = `NOT (l.from_status IS NULL AND l.to_status IS NULL)`

export const consistencySql = {
  /** For this transaction: a statement timeout, and room to sort a chunk's ledger in memory. */
  async chunkTransactionSettings(manager: SqlManager, statementTimeoutMs: number): Promise<void> {
    await run(manager, `SELECT set_config('statement_timeout', ?, true), set_config('work_mem', '64MB', true)`, [
      String(statementTimeoutMs),
    ])
  },

  async serializedVariantIds(manager: SqlManager): Promise<string[]> {
    const rows: Array<{ variant_id: string }> = await run(manager,
      `SELECT variant_id FROM serial_settings WHERE is_serialized AND deleted_at IS NULL ORDER BY variant_id`
    )
    return rows.map((r) => r.variant_id)
  },

  /** Serialized variants (with Medusa's stock tracked) and the serials of each in stock. */
  async stock(manager: SqlManager, variantIds: string[], levels: MedusaStockLevel[]): Promise<StockRow[]> {
    if (!variantIds.length) {
      return []
    }
    const rows: Array<Record<string, string>> = await run(manager,
      `WITH medusa AS (
         SELECT x.variant_id, x.location_id, sum(x.stocked_quantity) AS stocked_quantity
           FROM jsonb_to_recordset(?::jsonb) AS x(variant_id text, location_id text, stocked_quantity numeric)
          GROUP BY x.variant_id, x.location_id
       ), serials AS (
         SELECT s.variant_id, s.stock_location_id AS location_id, count(*) AS serials_in_stock
           FROM serial_number s
          WHERE s.variant_id IN (SELECT jsonb_array_elements_text(?::jsonb))
            AND s.status IN ('active', 'reserved') AND s.stock_location_id IS NOT NULL AND s.deleted_at IS NULL
          GROUP BY s.variant_id, s.stock_location_id
       )
       SELECT coalesce(m.variant_id, s.variant_id) AS variant_id,
              coalesce(m.location_id, s.location_id) AS location_id,
              coalesce(m.stocked_quantity, 0) AS stocked_quantity,
              coalesce(s.serials_in_stock, 0) AS serials_in_stock
         FROM medusa m
         FULL JOIN serials s ON s.variant_id = m.variant_id AND s.location_id = m.location_id
        ORDER BY 1, 2`,
      [json(levels), json(variantIds)]
    )
    return rows.map((r) => ({
      variant_id: r.variant_id,
      location_id: r.location_id,
      stocked_quantity: Number(r.stocked_quantity),
      serials_in_stock: Number(r.serials_in_stock),
    }))
  },

  /**
   * One chunk of the walk: the range of serial ids after `afterId` that holds the next
   * `size` serials (deleted ones too: their ledger is history all the same), read from the
   * primary key; null when no serial is left. A range, not a list of ids: the ledger and
   * state statements then read one range of their indexes each, in the window's order.
   */
  async chunk(manager: SqlManager, afterId: string, size: number): Promise<{ after: string; last: string; serials: number } | null> {
    const [row] = await run<{ last: string | null; serials: string }>(
      manager,
      `SELECT max(id) AS last, count(*) AS serials FROM (SELECT id FROM serial_number WHERE id > ? ORDER BY id LIMIT ?) c`,
      [afterId, size]
    )
    return row.last ? { after: afterId, last: row.last, serials: Number(row.serials) } : null
  },

  /**
   * The ledger and state parts of the check for the serials of a range, in ONE statement
   * that reads the range of the ledger once (the window replays each serial's ledger; its
   * rows, held in memory, give each serial's last entry and its last reserve / deliver),
   * then joins the range of the serials: a chunk costs one index range of each table.
   *
   * - ledger: entries that do not follow from the entry before them (at most `limit`
   *   listed, all counted); movements are checked against two text arrays (the movement
   *   types, and `type|from|to` of each allowed move), not a table per row;
   * - state: serials (those not deleted) whose row disagrees with the end of their ledger.
   */
  async checkRange(
    manager: SqlManager,
    range: SerialRange,
    limit: number
  ): Promise<{
    ledger: { entries: number; count: number; rows: LedgerProblemRow[] }
    state: { serials: number; count: number; rows: StateProblemRow[] }
  }> {
    const [row] = await run<{
      entries: string
      ledger_count: string
      ledger_rows: LedgerProblemRow[] | null
      serials: string
      state_count: string
      state_rows: StateProblemRow[] | null
    }>(
      manager,
      `WITH judged AS (
         SELECT x.*,
                CASE
                  WHEN x.type IN ('deliver', 'issue') AND x.previous_status = 'delivered' THEN 'delivered_twice'
                  WHEN x.type = 'delete' THEN NULL
                  WHEN x.from_status IS DISTINCT FROM x.previous_status THEN 'ledger_chain'
                  WHEN x.type = ANY(?::text[])
                   AND NOT (x.type || '|' || coalesce(x.from_status, '') || '|' || coalesce(x.to_status, '')) = ANY(?::text[])
                    THEN 'ledger_transition'
                  WHEN NOT x.type = ANY(?::text[]) AND x.to_status IS DISTINCT FROM x.from_status THEN 'ledger_transition'
                END AS kind
           FROM (SELECT l.id, l.serial_number_id, l.serial_number, l.type, l.from_status, l.to_status, l.to_location_id,
                        l.data->>'line_item_id' AS line_item_id, ${ENTRY_ORDER} AS order_id,
                        l.type IN ('reserve', 'deliver', 'issue') AS assigns,
                        lag(l.to_status) OVER w AS previous_status,
                        lag(l.data->>'line_item_id') OVER w AS previous_line_item_id,
                        lead(l.id) OVER w IS NULL AS is_last
                   FROM serial_ledger_entry l
                  WHERE l.serial_number_id > ? AND l.serial_number_id <= ? AND l.deleted_at IS NULL AND ${STATEFUL}
                 -- The order of the ledger's (serial_number_id, created_at) index: read in it, the
                 -- replay needs no sort, and its rows come out grouped by serial.
                 WINDOW w AS (PARTITION BY l.serial_number_id ORDER BY l.created_at, l.id)) x
       ), per_serial AS MATERIALIZED (
         SELECT serial_number_id, count(*) AS entries, count(kind) AS problems,
                -- In the replay's order (the input's; an ORDER BY here would sort every group).
                array_agg(jsonb_build_object(
                  'kind', kind, 'serial_number_id', serial_number_id, 'serial_number', serial_number,
                  'entry_id', id, 'type', type, 'from_status', from_status, 'to_status', to_status,
                  'previous_status', previous_status, 'previous_line_item_id', previous_line_item_id,
                  'line_item_id', line_item_id)) FILTER (WHERE kind IS NOT NULL) AS problem_rows,
                max(to_status) FILTER (WHERE is_last) AS ledger_status,
                max(to_location_id) FILTER (WHERE is_last) AS ledger_location_id,
                array_agg(order_id) FILTER (WHERE assigns) AS assigned_orders,
                array_agg(line_item_id) FILTER (WHERE assigns) AS assigned_lines
           FROM judged
          GROUP BY serial_number_id
       ), ledger_part AS (
         SELECT coalesce(sum(entries), 0) AS entries, coalesce(sum(problems), 0) AS ledger_count,
                (SELECT to_jsonb((array_agg(r.row || jsonb_build_object('variant_id', s.variant_id) ORDER BY r.serial_number_id, r.n))[1:?])
                   FROM (SELECT p.serial_number_id, u.row, u.n
                           FROM per_serial p, unnest(p.problem_rows) WITH ORDINALITY AS u(row, n)
                          WHERE p.problem_rows IS NOT NULL) r
                   LEFT JOIN serial_number s ON s.id = r.serial_number_id) AS ledger_rows
           FROM per_serial
       ), joined AS (
         SELECT s.id AS serial_number_id, s.serial_number, s.variant_id, s.status, s.stock_location_id,
                s.order_id, s.line_item_id, s.created_at,
                p.serial_number_id IS NOT NULL AS has_ledger,
                p.ledger_status, p.ledger_location_id,
                p.assigned_orders[cardinality(p.assigned_orders)] AS ledger_order_id,
                p.assigned_lines[cardinality(p.assigned_lines)] AS ledger_line_item_id
           FROM serial_number s
           LEFT JOIN per_serial p ON p.serial_number_id = s.id
          WHERE s.id > ? AND s.id <= ? AND s.deleted_at IS NULL
       ), state_part AS (
         SELECT count(*) AS serials, count(*) FILTER (WHERE bad) AS state_count,
                to_jsonb((array_agg(to_jsonb(j) - 'created_at' - 'bad' ORDER BY created_at, serial_number_id) FILTER (WHERE bad))[1:?]) AS state_rows
           FROM (SELECT joined.*,
                        (NOT has_ledger
                         OR status IS DISTINCT FROM ledger_status
                         OR stock_location_id IS DISTINCT FROM ledger_location_id
                         OR (status IN ('reserved', 'delivered')
                             AND (order_id IS DISTINCT FROM ledger_order_id OR line_item_id IS DISTINCT FROM ledger_line_item_id))) AS bad
                   FROM joined) j
       )
       SELECT * FROM ledger_part, state_part`,
      [
        textArrayLiteral(MOVEMENT_TYPES),
        textArrayLiteral(allowedMoves().map((m) => `${m.type}|${m.from_status ?? ""}|${m.to_status ?? ""}`)),
        textArrayLiteral(MOVEMENT_TYPES),
        range.after,
        range.last,
        limit,
        range.after,
        range.last,
        limit,
      ]
    )
    return {
      ledger: { entries: Number(row.entries), count: Number(row.ledger_count), rows: row.ledger_rows ?? [] },
      state: { serials: Number(row.serials), count: Number(row.state_count), rows: row.state_rows ?? [] },
    }
  },
}
