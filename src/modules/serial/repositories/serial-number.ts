import { MedusaError, mikroOrmBaseRepositoryFactory } from "@medusajs/framework/utils"
import type { Context } from "@medusajs/framework/types"
import { SerialNumber } from "../models"
import { moveAssignments, type MoveSet, plannedRows, run, SqlManager, textArrayLiteral, updateColumns } from "../lib/sql"
import { SERIAL_STATUSES, type SerialStatus } from "../lib/status-machine"
import type { OrderSerialRow } from "../order-types"
import type { EndOfLifeCursor } from "../maintenance-types"
import { isTextSort, SERIAL_LIST_NULLABLE_SORTS } from "../../../shared/serial-list"
import type { SerialListFilters, SerialListSort } from "../types"

/** Where a page starts: after this sort value (as Postgres prints it) and id. */
export type SerialListBound = { value: string | null; id: string }

export type SerialListPageRow = { id: string; sort_value: string | null }

/**
 * The serial table's reads that the generated methods cannot do in one index range: the
 * admin list's keyset pages and its capped count. The sort column comes from a fixed list
 * (`SerialListSort`), never from input; every value is a bound parameter.
 */
export class SerialNumberRepository extends mikroOrmBaseRepositoryFactory(SerialNumber) {
  async listPage(
    filters: SerialListFilters,
    options: { sort: SerialListSort; limit: number; bound?: SerialListBound | null },
    context: Context = {}
  ): Promise<SerialListPageRow[]> {
    return await serialListSql.listPage(this.getActiveManager<SqlManager>(context), filters, options)
  }

  async countUpTo(filters: SerialListFilters, cap: number, context: Context = {}): Promise<{ count: number; estimated: boolean }> {
    return await serialListSql.countUpTo(this.getActiveManager<SqlManager>(context), filters, cap)
  }
}

/** The statements of the repository's reads, on any manager (the bench EXPLAINs them). */
export const serialListSql = {
  /**
   * One page of serial ids in `sort` order (ties by id), after `bound` when given. A
   * nullable column is read in two ranges, its values then its NULLs, so that each is one
   * range of its `(column, id)` index instead of an OR the planner cannot walk in order.
   * Empty values come last both ways (not Postgres' NULLS FIRST when descending): a page of
   * "received newest first" starts with received serials, and is read from the values'
   * end of the index, not after every serial never received (at 10M serials, 500,000 of
   * them were walked in 2.1 s before the first match of a variant and status filter).
   */
  async listPage(
    manager: SqlManager,
    filters: SerialListFilters,
    { sort, limit, bound }: { sort: SerialListSort; limit: number; bound?: SerialListBound | null }
  ): Promise<SerialListPageRow[]> {
    const { column, descending } = sort
    const dir = descending ? "DESC" : "ASC"
    const cmp = descending ? "<" : ">"
    const cast = isTextSort(column) ? "text" : "timestamptz"
    const where = filterSql(filters)
    const nullable = SERIAL_LIST_NULLABLE_SORTS.includes(column)

    const values = async (after: SerialListBound | null, take: number) => {
      const keyset = after ? ` AND (${column}, id) ${cmp} (?::${cast}, ?)` : ""
      return await run<SerialListPageRow>(
        manager,
        `SELECT id, ${column}::text AS sort_value FROM serial_number
          WHERE ${where.sql}${nullable ? ` AND ${column} IS NOT NULL` : ""}${keyset}
          ORDER BY ${column} ${dir}, id ${dir} LIMIT ?`,
        [...where.params, ...(after ? [after.value, after.id] : []), take]
      )
    }
    const nulls = async (afterId: string | null, take: number) =>
      await run<SerialListPageRow>(
        manager,
        // Ordered by the (constant) column too, so that the planner sees its (column, id)
        // index match; by id alone it walked the primary key through every other row.
        `SELECT id, NULL::text AS sort_value FROM serial_number
          WHERE ${where.sql} AND ${column} IS NULL${afterId ? ` AND id ${cmp} ?` : ""}
          ORDER BY ${column} ${dir}, id ${dir} LIMIT ?`,
        [...where.params, ...(afterId ? [afterId] : []), take]
      )

    if (!nullable) {
      return await values(bound ?? null, limit)
    }
    // Values, then NULLs, in either direction.
    if (bound != null && bound.value === null) {
      return await nulls(bound.id, limit)
    }
    const first = await values(bound ?? null, limit)
    return first.length < limit ? [...first, ...(await nulls(null, limit - first.length))] : first
  },

  /**
   * How many serials match: exact up to `cap`; beyond it the planner's estimate (never
   * below cap + 1), marked as such. Counting a big set exactly reads all of it.
   */
  async countUpTo(manager: SqlManager, filters: SerialListFilters, cap: number): Promise<{ count: number; estimated: boolean }> {
    const where = filterSql(filters)
    const [{ n }] = await run<{ n: number }>(
      manager,
      `SELECT count(*)::int AS n FROM (SELECT 1 FROM serial_number WHERE ${where.sql} LIMIT ?) capped`,
      [...where.params, cap + 1]
    )
    if (n <= cap) {
      return { count: n, estimated: false }
    }
    const count = await plannedRows(manager, `SELECT 1 FROM serial_number WHERE ${where.sql}`, where.params, cap + 1)
    return { count, estimated: true }
  },
}

/** Columns filtered by a list of ids or values (bound as one text[] literal). */
const LIST_FILTER_COLUMNS = [
  "id",
  "status",
  "variant_id",
  "product_id",
  "stock_location_id",
  "customer_id",
  "order_id",
  "series_id",
  "receipt_id",
] as const

/** The WHERE clause (live rows only) of the list's filters, with its parameters in order. */
function filterSql(filters: SerialListFilters): { sql: string; params: unknown[] } {
  const parts = ["deleted_at IS NULL"]
  const params: unknown[] = []
  for (const column of LIST_FILTER_COLUMNS) {
    const values = filters[column]
    if (values?.length) {
      // A literal array, not a subquery: the planner then knows the values and estimates
      // how many rows match (from a subquery it guessed, and scanned the table to count).
      parts.push(`${column} = ANY(?::text[])`)
      params.push(textArrayLiteral(values))
    }
  }
  if (filters.q) {
    // `q` arrives with LIKE's wildcards escaped (searchText); the trigram index serves it.
    parts.push(`serial_number ILIKE ?`)
    params.push(`%${filters.q}%`)
  }
  if (filters.warranty) {
    const { state, now } = filters.warranty
    if (state === "none") {
      parts.push("warranty_expires_at IS NULL")
    } else {
      parts.push(`warranty_expires_at ${state === "under_warranty" ? ">=" : "<"} ?::timestamptz`)
      params.push(now.toISOString())
    }
  }
  return { sql: parts.join(" AND "), params }
}

const json = (v: unknown) => JSON.stringify(v)

/** What a move needs of a serial it has locked: its status and place. */
export type LockedSerial = {
  id: string
  serial_number: string
  status: SerialStatus
  stock_location_id: string | null
}

/** A serial's state, as `lockSerials` reads it by default (columns "state"). */
export type SerialState = LockedSerial & {
  normalized: string
  variant_id: string
  customer_id: string | null
}

/** A serial in full, as the order, stock and receipt flows and their undo read it (columns "full"). */
export type SerialRow = OrderSerialRow & {
  product_id: string | null
  inventory_item_id: string | null
  receipt_id: string | null
  supplier_name: string | null
  supplier_reference: string | null
  /** Numeric, as Postgres prints it. */
  unit_cost: string | null
  contract_expires_at: Date | string | null
}

/** The columns of an `OrderSerialRow`. */
const ROW_COLUMNS = `id, serial_number, normalized, scope_key, variant_id, status, stock_location_id, order_id,
  line_item_id, fulfillment_id, customer_id, delivered_at, shipped_at, received_at, warranty_starts_at,
  warranty_expires_at, warranty_overridden`

/** The columns of a `SerialRow`. */
export const SERIAL_ROW_COLUMNS = `${ROW_COLUMNS}, product_id, inventory_item_id, receipt_id, supplier_name,
  supplier_reference, unit_cost::text AS unit_cost, contract_expires_at`

/** What `lockSerials` reads: the state a move needs, or the whole row. */
const LOCK_COLUMNS = {
  state: "id, serial_number, normalized, variant_id, status, stock_location_id, customer_id",
  full: SERIAL_ROW_COLUMNS,
} as const
type LockedColumns = { state: SerialState; full: SerialRow }

/** Orders `lockSerials` may answer in (the locks are always taken in id order). */
const LOCK_ORDERS = {
  id: "id",
  /** Oldest delivery first, then the serial text. */
  delivered: "delivered_at, serial_number, id",
} as const

/**
 * Which serials `lockSerials` takes: the live ones that meet every condition given. A list
 * that is empty matches nothing.
 */
export type SerialLockWhere = {
  id?: string[]
  /** Serial texts, normalized, in any scope. */
  normalized?: string[]
  /** Serial texts, normalized, each in its uniqueness scope. */
  keys?: Array<{ normalized: string; scope_key: string }>
  status?: SerialStatus[]
  variant_id?: string[]
  stock_location_id?: string
  receipt_id?: string
  order_id?: string
  line_item_id?: string[]
  fulfillment_id?: string
  /** null: a serial nobody owns. */
  customer_id?: string | null
  /** Not shipped yet. */
  unshipped?: true
  /** Replacing no serial. */
  replaces_nothing?: true
}

/** One serial to insert; the columns not given are NULL. */
export type NewSerialRow = {
  id: string
  serial_number: string
  normalized: string
  scope_key: string
  variant_id: string
  product_id: string | null
  inventory_item_id: string | null
  status: SerialStatus
  series_id?: string | null
  stock_location_id?: string | null
  receipt_id?: string | null
  supplier_name?: string | null
  supplier_reference?: string | null
  unit_cost?: number | null
  received_at?: string | null
  delivered_at?: string | null
  warranty_starts_at?: string | null
  warranty_expires_at?: string | null
  contract_expires_at?: string | null
  end_of_life_at?: string | null
  notes?: string | null
  metadata?: Record<string, unknown> | null
}

/** The optional columns of a `NewSerialRow`, sent only when set (a missing key reads as NULL). */
const NEW_SERIAL_OPTIONAL = [
  "series_id",
  "stock_location_id",
  "receipt_id",
  "supplier_name",
  "supplier_reference",
  "unit_cost",
  "received_at",
  "delivered_at",
  "warranty_starts_at",
  "warranty_expires_at",
  "contract_expires_at",
  "end_of_life_at",
  "notes",
  "metadata",
] as const

/** The columns `updateSerialDetails` reads and sets. */
export const SERIAL_DETAIL_COLUMNS = [
  "notes",
  "metadata",
  "end_of_life_at",
  "warranty_starts_at",
  "warranty_expires_at",
  "warranty_overridden",
] as const

/** Turns Postgres' unique violation on the serial index into the plugin's duplicate error. */
function rethrowDuplicate(e: any): never {
  const detail: string = e?.detail ?? e?.message ?? ""
  if (e?.code === "23505" || /duplicate key/.test(detail)) {
    const m = /\(normalized, scope_key\)=\(([^,]*),/.exec(detail)
    throw new MedusaError(
      MedusaError.Types.DUPLICATE_ERROR,
      m ? `Serial already exists: ${m[1]}` : "A serial in the input already exists"
    )
  }
  throw e
}

/** The serial table's statements, on any manager (a transaction's, or the bench's). */
export const serialSql = {
  /**
   * Inserts serials, in one statement however many; answers the normalized text of those
   * not written because a serial with the same key exists. A serial another transaction
   * took meanwhile (the unique key) is skipped, after waiting for that transaction to end,
   * and returned, so the caller refuses it as if it had been there before: every loser of a
   * race gets the same answer as a late request.
   */
  async insertSerials(manager: SqlManager, rows: NewSerialRow[]): Promise<string[]> {
    if (!rows.length) {
      return []
    }
    const payload = rows.map((r) => {
      const row: Record<string, unknown> = {
        id: r.id,
        serial_number: r.serial_number,
        normalized: r.normalized,
        scope_key: r.scope_key,
        variant_id: r.variant_id,
        product_id: r.product_id,
        inventory_item_id: r.inventory_item_id,
        status: r.status,
      }
      for (const c of NEW_SERIAL_OPTIONAL) {
        if (r[c] !== undefined && r[c] !== null) {
          row[c] = r[c]
        }
      }
      return row
    })
    // unit_cost is a Medusa big number: the numeric column plus its raw JSON twin.
    const inserted: Array<{ id: string }> = await run(manager,
      `INSERT INTO serial_number
         (id, serial_number, normalized, scope_key, variant_id, product_id, inventory_item_id, status,
          series_id, stock_location_id, receipt_id, supplier_name, supplier_reference, unit_cost, raw_unit_cost,
          received_at, delivered_at, warranty_starts_at, warranty_expires_at, contract_expires_at, end_of_life_at,
          notes, metadata, created_at, updated_at)
       SELECT x.id, x.serial_number, x.normalized, x.scope_key, x.variant_id, x.product_id, x.inventory_item_id,
              x.status, x.series_id, x.stock_location_id, x.receipt_id, x.supplier_name, x.supplier_reference,
              x.unit_cost,
              CASE WHEN x.unit_cost IS NULL THEN NULL
                   ELSE jsonb_build_object('value', x.unit_cost::text, 'precision', 20) END,
              x.received_at, x.delivered_at, x.warranty_starts_at, x.warranty_expires_at, x.contract_expires_at,
              x.end_of_life_at, x.notes, x.metadata, now(), now()
         FROM jsonb_to_recordset(?::jsonb) AS x(
           id text, serial_number text, normalized text, scope_key text, variant_id text, product_id text,
           inventory_item_id text, status text, series_id text, stock_location_id text, receipt_id text,
           supplier_name text, supplier_reference text, unit_cost numeric, received_at timestamptz,
           delivered_at timestamptz, warranty_starts_at timestamptz, warranty_expires_at timestamptz,
           contract_expires_at timestamptz, end_of_life_at timestamptz, notes text, metadata jsonb)
       ON CONFLICT DO NOTHING
       RETURNING id`,
      [json(payload)]
    )
    const written = new Set(inserted.map((r) => r.id))
    return rows.filter((r) => !written.has(r.id)).map((r) => r.normalized)
  },

  /**
   * Locks the serials that meet `where` and reads them: their state ("state", the default)
   * or their whole row ("full"). Locks are taken in id order, so that two transactions
   * locking overlapping sets cannot deadlock; the rows come in id order, or oldest delivery
   * first (`order: "delivered"`). `lock: false` reads without locking (a preview).
   */
  async lockSerials<C extends keyof LockedColumns = "state">(
    manager: SqlManager,
    where: SerialLockWhere,
    options: { columns?: C; order?: keyof typeof LOCK_ORDERS; lock?: boolean } = {}
  ): Promise<Array<LockedColumns[C]>> {
    const conditions: string[] = ["deleted_at IS NULL"]
    const params: unknown[] = []
    const inList = (column: string, values: string[]) => {
      conditions.push(`${column} IN (SELECT jsonb_array_elements_text(?::jsonb))`)
      params.push(json(values))
    }
    const equals = (column: string, value: string) => {
      conditions.push(`${column} = ?`)
      params.push(value)
    }
    const lists = [where.id, where.normalized, where.keys, where.status, where.variant_id, where.line_item_id]
    if (lists.some((l) => l !== undefined && !l.length)) {
      return []
    }
    if (where.id) {
      inList("id", where.id)
    }
    if (where.normalized) {
      inList("normalized", where.normalized)
    }
    if (where.keys) {
      conditions.push(
        `(normalized, scope_key) IN (SELECT x.normalized, x.scope_key FROM jsonb_to_recordset(?::jsonb) AS x(normalized text, scope_key text))`
      )
      params.push(json(where.keys.map((k) => ({ normalized: k.normalized, scope_key: k.scope_key }))))
    }
    if (where.status) {
      // Literals, checked against the statuses: the planner then matches partial indexes.
      const unknown = where.status.filter((s) => !SERIAL_STATUSES.includes(s))
      if (unknown.length) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `Unknown serial status: ${unknown.join(", ")}`)
      }
      conditions.push(`status IN (${where.status.map((s) => `'${s}'`).join(", ")})`)
    }
    if (where.variant_id) {
      inList("variant_id", where.variant_id)
    }
    if (where.stock_location_id !== undefined) {
      equals("stock_location_id", where.stock_location_id)
    }
    if (where.receipt_id !== undefined) {
      equals("receipt_id", where.receipt_id)
    }
    if (where.order_id !== undefined) {
      equals("order_id", where.order_id)
    }
    if (where.line_item_id) {
      inList("line_item_id", where.line_item_id)
    }
    if (where.fulfillment_id !== undefined) {
      equals("fulfillment_id", where.fulfillment_id)
    }
    if (where.customer_id === null) {
      conditions.push("customer_id IS NULL")
    } else if (where.customer_id !== undefined) {
      equals("customer_id", where.customer_id)
    }
    if (where.unshipped) {
      conditions.push("shipped_at IS NULL")
    }
    if (where.replaces_nothing) {
      conditions.push("replaces_serial_number_id IS NULL")
    }
    const order = options.order ?? "id"
    // Another order than id's reads the whole row, which holds the columns it sorts by.
    const columns = order === "id" ? LOCK_COLUMNS[options.columns ?? "state"] : LOCK_COLUMNS.full
    const locked = `SELECT ${columns} FROM serial_number
        WHERE ${conditions.join(" AND ")}
        ORDER BY id${options.lock === false ? "" : " FOR UPDATE"}`
    return await run(
      manager,
      order === "id" ? locked : `SELECT * FROM (${locked}) locked ORDER BY ${LOCK_ORDERS[order]}`,
      params
    )
  },
  async applyMoves(
    manager: SqlManager,
    moves: Array<{ id: string; status: SerialStatus; stock_location_id: string | null }>,
    set: MoveSet
  ): Promise<void> {
    const { assignments, params } = moveAssignments(set)
    await run(manager,
      `UPDATE serial_number AS s
          SET status = x.status, stock_location_id = x.stock_location_id, updated_at = now()
              ${assignments}
         FROM jsonb_to_recordset(?::jsonb) AS x(id text, status text, stock_location_id text)
        WHERE s.id = x.id`,
      [...params, json(moves)]
    )
  },

  async findTakenSerials(
    manager: SqlManager,
    keys: Array<{ normalized: string; scope_key: string }>
  ): Promise<Array<{ serial_number: string }>> {
    if (!keys.length) {
      return []
    }
    return await run(manager,
      `SELECT s.serial_number
         FROM serial_number s
         JOIN jsonb_to_recordset(?::jsonb) AS x(normalized text, scope_key text)
           ON s.normalized = x.normalized AND s.scope_key = x.scope_key
        WHERE s.deleted_at IS NULL
        ORDER BY s.serial_number`,
      [json(keys)]
    )
  },

  /** Serials of a variant physically in stock at a location: active, or reserved for an order. */
  async countInStock(manager: SqlManager, variantId: string, locationId: string): Promise<number> {
    const [row]: { count: string }[] = await run(manager,
      `SELECT count(*) AS count FROM serial_number
        WHERE variant_id = ? AND stock_location_id = ? AND status IN ('active', 'reserved') AND deleted_at IS NULL`,
      [variantId, locationId]
    )
    return Number(row.count)
  },

  async countInStockByLocation(manager: SqlManager, variantId: string): Promise<Record<string, number>> {
    const rows: { stock_location_id: string; count: string }[] = await run(manager,
      `SELECT stock_location_id, count(*) AS count FROM serial_number
        WHERE variant_id = ? AND stock_location_id IS NOT NULL AND status IN ('active', 'reserved')
          AND deleted_at IS NULL
        GROUP BY stock_location_id`,
      [variantId]
    )
    return Object.fromEntries(rows.map((r) => [r.stock_location_id, Number(r.count)]))
  },

  /** Which of these normalized texts exist as serials, in any scope. */
  async existingNormalized(manager: SqlManager, normalized: string[]): Promise<Set<string>> {
    if (!normalized.length) {
      return new Set()
    }
    const rows: { normalized: string }[] = await run(manager,
      `SELECT DISTINCT normalized FROM serial_number
        WHERE normalized IN (SELECT jsonb_array_elements_text(?::jsonb)) AND deleted_at IS NULL`,
      [json(normalized)]
    )
    return new Set(rows.map((r) => r.normalized))
  },

  async serialsWithHistory(manager: SqlManager, ids: string[], detailOnlyTypes: string[]): Promise<Set<string>> {
    const rows: { serial_number_id: string }[] = await run(manager,
      `SELECT DISTINCT serial_number_id FROM serial_ledger_entry
        WHERE serial_number_id IN (SELECT jsonb_array_elements_text(?::jsonb))
          AND type NOT IN (SELECT jsonb_array_elements_text(?::jsonb))
          AND deleted_at IS NULL`,
      [json(ids), json(detailOnlyTypes)]
    )
    return new Set(rows.map((r) => r.serial_number_id))
  },

  async updateDetails(manager: SqlManager, id: string, patch: Record<string, unknown>): Promise<void> {
    await updateColumns(manager, "serial_number", id, SERIAL_DETAIL_COLUMNS, patch)
  },

  async softDeleteSerials(manager: SqlManager, ids: string[]): Promise<void> {
    await run(manager,
      `UPDATE serial_number SET deleted_at = now() WHERE id IN (SELECT jsonb_array_elements_text(?::jsonb))`,
      [json(ids)]
    )
  },

  async restoreSerials(manager: SqlManager, ids: string[]): Promise<void> {
    try {
      await run(manager,
        `UPDATE serial_number SET deleted_at = NULL WHERE id IN (SELECT jsonb_array_elements_text(?::jsonb))`,
        [json(ids)]
      )
    } catch (e) {
      rethrowDuplicate(e)
    }
  },

  async purgeSerials(manager: SqlManager, ids: string[]): Promise<void> {
    if (!ids.length) {
      return
    }
    await run(manager,
      `DELETE FROM serial_ledger_entry WHERE serial_number_id IN (SELECT jsonb_array_elements_text(?::jsonb))`,
      [json(ids)]
    )
    await run(manager,
      `DELETE FROM serial_number WHERE id IN (SELECT jsonb_array_elements_text(?::jsonb))`,
      [json(ids)]
    )
  },

  /**
   * The next `limit` serials past their end of life that have not expired, after the
   * cursor `after` (end of life as Postgres prints it, id): one range of the partial index
   * `IDX_serial_number_end_of_life_due`, which holds only serials still to expire, so the
   * pass never reads the millions that expired before.
   */
  async endOfLifeCandidates(
    manager: SqlManager,
    now: string,
    limit: number,
    after: EndOfLifeCursor | null = null
  ): Promise<Array<{ id: string; end_of_life_at: string }>> {
    return await run(
      manager,
      `SELECT id, end_of_life_at::text AS end_of_life_at FROM serial_number
        WHERE end_of_life_at <= ?::timestamptz AND status NOT IN ('expired', 'scrapped') AND deleted_at IS NULL
          ${after ? "AND (end_of_life_at, id) > (?::timestamptz, ?)" : ""}
        ORDER BY end_of_life_at, id
        LIMIT ?
        FOR UPDATE SKIP LOCKED`,
      [now, ...(after ? [after.end_of_life_at, after.id] : []), limit]
    )
  },
}
