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
import { TRANSITIONS } from "./status-machine"
import { run, textArrayLiteral, type SqlManager } from "./sql"

const json = (v: unknown) => JSON.stringify(v)

export type MedusaStockLevel = { variant_id: string; location_id: string; stocked_quantity: number }

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
   * The serial ids of one chunk of the walk: the next `size` serials after `afterId` in id
   * order (deleted ones too: their ledger is history all the same), read from the primary key.
   */
  async chunk(manager: SqlManager, afterId: string, size: number): Promise<string[]> {
    const rows: Array<{ id: string }> = await run(manager, `SELECT id FROM serial_number WHERE id > ? ORDER BY id LIMIT ?`, [afterId, size])
    return rows.map((r) => r.id)
  },

  /**
   * Ledger entries of these serials that do not follow from the entry before them; at
   * most `limit`, and how many in all. Reads the serials' ledgers by their index.
   */
  async ledger(manager: SqlManager, ids: string[], limit: number): Promise<{ entries: number; count: number; rows: LedgerProblemRow[] }> {
    const [row]: Array<{ entries: string; count: string; rows: LedgerProblemRow[] }> = await run(manager,
      `WITH allowed AS (
         SELECT * FROM jsonb_to_recordset(?::jsonb) AS a(type text, from_status text, to_status text)
       ), e AS (
         SELECT l.id, l.serial_number_id, l.serial_number, l.type, l.from_status, l.to_status,
                l.data->>'line_item_id' AS line_item_id,
                lag(l.to_status) OVER w AS previous_status,
                lag(l.data->>'line_item_id') OVER w AS previous_line_item_id,
                row_number() OVER w AS position
           FROM serial_ledger_entry l
          WHERE l.serial_number_id = ANY(?::text[]) AND l.deleted_at IS NULL AND ${STATEFUL}
         WINDOW w AS (PARTITION BY l.serial_number_id ORDER BY l.created_at, l.id)
       ), judged AS (
         SELECT e.*,
                CASE
                  WHEN e.type IN ('deliver', 'issue') AND e.previous_status = 'delivered' THEN 'delivered_twice'
                  WHEN e.type = 'delete' THEN NULL
                  WHEN e.from_status IS DISTINCT FROM e.previous_status THEN 'ledger_chain'
                  WHEN e.type IN (SELECT type FROM allowed)
                   AND NOT EXISTS (SELECT 1 FROM allowed a
                                    WHERE a.type = e.type AND a.from_status IS NOT DISTINCT FROM e.from_status
                                      AND a.to_status = e.to_status) THEN 'ledger_transition'
                  WHEN e.type NOT IN (SELECT type FROM allowed)
                   AND e.to_status IS DISTINCT FROM e.from_status THEN 'ledger_transition'
                END AS kind
           FROM e
       ), bad AS (SELECT * FROM judged WHERE kind IS NOT NULL)
       SELECT (SELECT count(*) FROM e) AS entries,
              (SELECT count(*) FROM bad) AS count,
              (SELECT coalesce(jsonb_agg(to_jsonb(p)), '[]'::jsonb) FROM (
                 SELECT b.kind, b.serial_number_id, b.serial_number, s.variant_id, b.id AS entry_id, b.type,
                        b.from_status, b.to_status, b.previous_status, b.previous_line_item_id, b.line_item_id
                   FROM bad b LEFT JOIN serial_number s ON s.id = b.serial_number_id
                  ORDER BY b.serial_number_id, b.position
                  LIMIT ?) p) AS rows`,
      [json(allowedMoves()), textArrayLiteral(ids), limit]
    )
    return { entries: Number(row.entries), count: Number(row.count), rows: row.rows }
  },

  /**
   * These serials (those not deleted) whose row disagrees with the end of their ledger; at
   * most `limit`, and how many serials in all.
   */
  async state(manager: SqlManager, ids: string[], limit: number): Promise<{ serials: number; count: number; rows: StateProblemRow[] }> {
    const [row]: Array<{ serials: string; count: string; rows: StateProblemRow[] }> = await run(manager,
      `WITH ids AS (SELECT unnest(?::text[]) AS id), last AS (
         SELECT DISTINCT ON (l.serial_number_id) l.serial_number_id, l.to_status, l.to_location_id
           FROM serial_ledger_entry l
          WHERE l.serial_number_id IN (SELECT id FROM ids) AND l.deleted_at IS NULL AND ${STATEFUL}
          ORDER BY l.serial_number_id, l.created_at DESC, l.id DESC
       ), assigned AS (
         SELECT DISTINCT ON (l.serial_number_id) l.serial_number_id,
                ${ENTRY_ORDER} AS order_id, l.data->>'line_item_id' AS line_item_id
           FROM serial_ledger_entry l
          WHERE l.serial_number_id IN (SELECT id FROM ids) AND l.deleted_at IS NULL AND l.type IN ('reserve', 'deliver', 'issue')
          ORDER BY l.serial_number_id, l.created_at DESC, l.id DESC
       ), joined AS (
         SELECT s.id AS serial_number_id, s.serial_number, s.variant_id, s.status, s.stock_location_id,
                s.order_id, s.line_item_id, s.created_at,
                last.serial_number_id IS NOT NULL AS has_ledger,
                last.to_status AS ledger_status, last.to_location_id AS ledger_location_id,
                a.order_id AS ledger_order_id, a.line_item_id AS ledger_line_item_id
           FROM serial_number s
           LEFT JOIN last ON last.serial_number_id = s.id
           LEFT JOIN assigned a ON a.serial_number_id = s.id
          WHERE s.id IN (SELECT id FROM ids) AND s.deleted_at IS NULL
       ), bad AS (
         SELECT * FROM joined j
          WHERE NOT j.has_ledger
             OR j.status IS DISTINCT FROM j.ledger_status
             OR j.stock_location_id IS DISTINCT FROM j.ledger_location_id
             OR (j.status IN ('reserved', 'delivered')
                 AND (j.order_id IS DISTINCT FROM j.ledger_order_id
                      OR j.line_item_id IS DISTINCT FROM j.ledger_line_item_id))
       )
       SELECT (SELECT count(*) FROM joined) AS serials,
              (SELECT count(*) FROM bad) AS count,
              (SELECT coalesce(jsonb_agg(to_jsonb(p) - 'created_at'), '[]'::jsonb) FROM (
                 SELECT * FROM bad ORDER BY created_at, serial_number_id LIMIT ?) p) AS rows`,
      [textArrayLiteral(ids), limit]
    )
    return { serials: Number(row.serials), count: Number(row.count), rows: row.rows }
  },
}
