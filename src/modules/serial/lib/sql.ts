/**
 * Set-based SQL for the serial module's hot paths. Every statement takes its rows as one
 * JSON parameter (`jsonb_to_recordset`), so a batch of 100,000 serials is one statement,
 * not 100,000. Column names come from constants here, never from input.
 */
import { MedusaError } from "@medusajs/framework/utils"
import { MOVE_SETTABLE_COLUMNS } from "../types"
import type { SerialStatus } from "./status-machine"

export type SqlManager = {
  execute<T = any>(query: string, params?: unknown[], method?: "all" | "get" | "run"): Promise<T>
}

export { generateId } from "./ids"
import { generateId } from "./ids"

/**
 * Runs one statement with its parameters bound (`?`), through the manager's knex (the
 * transaction's when there is one). MikroORM's own `execute` inlines every parameter into
 * the SQL text, escaping it character by character: seconds for the multi-megabyte JSON of a
 * 100,000-serial batch. A manager without knex (a plain `execute`) is used as it is.
 */
export async function run<T = any>(manager: SqlManager, query: string, params: unknown[] = []): Promise<T[]> {
  const m = manager as SqlManager & { getTransactionContext?: () => any; getKnex?: () => any }
  const knex = m.getTransactionContext?.() ?? m.getKnex?.()
  if (!knex) {
    return await manager.execute(query, params)
  }
  const result = await knex.raw(query, params.map((p) => (p === undefined ? null : p)))
  return result.rows
}

/**
 * `{"a","b"}`: Postgres' text[] input form, each value quoted and escaped, bound as one
 * `?::text[]` (knex would expand a JS array into a `?, ?` list).
 */
export function textArrayLiteral(values: string[]): string {
  return `{${values.map((v) => `"${v.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`).join(",")}}`
}

/**
 * How many rows Postgres' planner expects `SELECT ... ` to return (its EXPLAIN estimate),
 * never below `atLeast`: the count of a set too big to count exactly.
 */
export async function plannedRows(manager: SqlManager, select: string, params: unknown[], atLeast: number): Promise<number> {
  const [row] = await run<{ "QUERY PLAN": any }>(manager, `EXPLAIN (FORMAT JSON) ${select}`, params)
  const planned = Number(row?.["QUERY PLAN"]?.[0]?.Plan?.["Plan Rows"] ?? 0)
  return Math.max(atLeast, Math.round(planned))
}

export function toPgTimestamp(d: Date | string | null | undefined): string | null | undefined {
  if (d === undefined) {
    return undefined
  }
  if (d === null) {
    return null
  }
  return new Date(d).toISOString()
}

const json = (v: unknown) => JSON.stringify(v)

export type MoveSet = Partial<Record<(typeof MOVE_SETTABLE_COLUMNS)[number], string | Date | null>>

/** `, column = ?` for each column a move sets, with its parameters in the same order. */
export function moveAssignments(set: MoveSet): { assignments: string; params: unknown[] } {
  const columns = MOVE_SETTABLE_COLUMNS.filter((c) => set[c] !== undefined)
  return {
    assignments: columns.map((c) => `, ${c} = ?`).join(""),
    params: columns.map((c) => {
      const v = set[c]
      return v instanceof Date ? v.toISOString() : v
    }),
  }
}

export type LockedSerial = {
  id: string
  serial_number: string
  status: SerialStatus
  stock_location_id: string | null
}

const DETAIL_COLUMNS = [
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

/**
 * Sets the given columns of one row: only keys present in `patch` and named in `columns`
 * (constants of the caller, never input), `metadata` as JSON, dates as ISO text.
 */
export async function updateColumns(
  manager: SqlManager,
  table: string,
  id: string,
  columns: readonly string[],
  patch: Record<string, unknown>
): Promise<void> {
  const set = columns.filter((c) => patch[c] !== undefined)
  if (!set.length) {
    return
  }
  const value = (c: string) => {
    const v = patch[c]
    if (c === "metadata") {
      return v === null ? null : json(v)
    }
    return v instanceof Date ? v.toISOString() : v
  }
  await run(manager,
    `UPDATE ${table}
        SET ${set.map((c) => (c === "metadata" ? `${c} = ?::jsonb` : `${c} = ?`)).join(", ")}, updated_at = now()
      WHERE id = ?`,
    [...set.map(value), id]
  )
}

export const sql = {
  /**
   * Inserts serials; answers the normalized text of those not written because a serial
   * with the same key exists (see the statement).
   */
  async insertSerials(
    manager: SqlManager,
    rows: Array<{
      id: string
      serial_number: string
      normalized: string
      scope_key: string
      variant_id: string
      product_id: string | null
      inventory_item_id: string | null
      status: SerialStatus
      series_id: string | null
      end_of_life_at?: string | null
      notes: string | null
      metadata: Record<string, unknown> | null
      stock_location_id?: string | null
      receipt_id?: string | null
      supplier_name?: string | null
      supplier_reference?: string | null
      unit_cost?: number | null
      received_at?: string | null
    }>
  ): Promise<string[]> {
    if (!rows.length) {
      return []
    }
    const payload = rows.map((r) => ({
      id: r.id,
      serial_number: r.serial_number,
      normalized: r.normalized,
      scope_key: r.scope_key,
      variant_id: r.variant_id,
      product_id: r.product_id,
      inventory_item_id: r.inventory_item_id,
      status: r.status,
      series_id: r.series_id,
      end_of_life_at: r.end_of_life_at ?? null,
      notes: r.notes,
      metadata: r.metadata,
      stock_location_id: r.stock_location_id ?? null,
      receipt_id: r.receipt_id ?? null,
      supplier_name: r.supplier_name ?? null,
      supplier_reference: r.supplier_reference ?? null,
      unit_cost: r.unit_cost ?? null,
      received_at: r.received_at ?? null,
    }))
    // unit_cost is a Medusa big number: the numeric column plus its raw JSON twin. A serial
    // another transaction took meanwhile (the unique key) is skipped, after waiting for that
    // transaction to end, and returned, so the caller refuses it as if it had been there
    // before: every loser of a race gets the same answer as a late request.
    const inserted: Array<{ id: string }> = await run(manager,
        `INSERT INTO serial_number
           (id, serial_number, normalized, scope_key, variant_id, product_id, inventory_item_id, status,
            series_id, end_of_life_at, notes, metadata, stock_location_id, receipt_id, supplier_name,
            supplier_reference, unit_cost, raw_unit_cost, received_at, created_at, updated_at)
         SELECT x.id, x.serial_number, x.normalized, x.scope_key, x.variant_id, x.product_id, x.inventory_item_id,
                x.status, x.series_id, x.end_of_life_at, x.notes, x.metadata, x.stock_location_id, x.receipt_id,
                x.supplier_name, x.supplier_reference, x.unit_cost,
                CASE WHEN x.unit_cost IS NULL THEN NULL
                     ELSE jsonb_build_object('value', x.unit_cost::text, 'precision', 20) END,
                x.received_at, now(), now()
           FROM jsonb_to_recordset(?::jsonb) AS x(
             id text, serial_number text, normalized text, scope_key text, variant_id text, product_id text,
             inventory_item_id text, status text, series_id text, end_of_life_at timestamptz, notes text,
             metadata jsonb, stock_location_id text, receipt_id text, supplier_name text,
             supplier_reference text, unit_cost numeric, received_at timestamptz)
         ON CONFLICT DO NOTHING
         RETURNING id`,
        [json(payload)]
      )
    const written = new Set(inserted.map((r) => r.id))
    return rows.filter((r) => !written.has(r.id)).map((r) => r.normalized)
  },

  /** Locks the serials (in id order, so concurrent batches cannot deadlock) and reads their state. */
  async lockSerials(manager: SqlManager, ids: string[]): Promise<Map<string, LockedSerial>> {
    if (!ids.length) {
      return new Map()
    }
    const rows: LockedSerial[] = await run(manager,
      `SELECT id, serial_number, status, stock_location_id
         FROM serial_number
        WHERE id IN (SELECT jsonb_array_elements_text(?::jsonb)) AND deleted_at IS NULL
        ORDER BY id
        FOR UPDATE`,
      [json(ids)]
    )
    return new Map(rows.map((r) => [r.id, r]))
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

  /** The serials that hold these texts in these scopes, with what a receipt needs to judge them. */
  async findSerialsByKey(
    manager: SqlManager,
    keys: Array<{ normalized: string; scope_key: string }>
  ): Promise<
    Array<{ id: string; serial_number: string; normalized: string; variant_id: string; status: SerialStatus; customer_id: string | null }>
  > {
    if (!keys.length) {
      return []
    }
    return await run(manager,
      `SELECT s.id, s.serial_number, s.normalized, s.variant_id, s.status, s.customer_id
         FROM serial_number s
         JOIN jsonb_to_recordset(?::jsonb) AS x(normalized text, scope_key text)
           ON s.normalized = x.normalized AND s.scope_key = x.scope_key
        WHERE s.deleted_at IS NULL
        ORDER BY s.id
        FOR UPDATE OF s`,
      [json(keys)]
    )
  },

  /** Sets a receipt's unit cost on serials it received (a per-line value). */
  async setUnitCost(manager: SqlManager, ids: string[], unitCost: number | null): Promise<void> {
    if (!ids.length) {
      return
    }
    await run(manager,
      `UPDATE serial_number
          SET unit_cost = ?::numeric,
              raw_unit_cost = CASE WHEN ?::numeric IS NULL THEN NULL
                                   ELSE jsonb_build_object('value', (?::numeric)::text, 'precision', 20) END
        WHERE id IN (SELECT jsonb_array_elements_text(?::jsonb))`,
      [unitCost, unitCost, unitCost, json(ids)]
    )
  },

  /** A transaction-scoped lock on a name, held until commit, seen by every process. */
  async lockKey(manager: SqlManager, key: string): Promise<void> {
    await run(manager, `SELECT pg_advisory_xact_lock(hashtextextended(?, 0))`, [key])
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

  async countByStatus(manager: SqlManager, where: { receipt_id: string }): Promise<Record<string, number>> {
    const rows: { status: string; count: string }[] = await run(manager,
      `SELECT status, count(*) AS count FROM serial_number
        WHERE receipt_id = ? AND deleted_at IS NULL GROUP BY status`,
      [where.receipt_id]
    )
    return Object.fromEntries(rows.map((r) => [r.status, Number(r.count)]))
  },

  /** Serials a receipt brought in, with where they are now. */
  async serialsOfReceipt(
    manager: SqlManager,
    receiptId: string
  ): Promise<Array<{ id: string; serial_number: string; status: SerialStatus; stock_location_id: string | null }>> {
    return await run(manager,
      `SELECT id, serial_number, status, stock_location_id FROM serial_number
        WHERE receipt_id = ? AND deleted_at IS NULL ORDER BY id FOR UPDATE`,
      [receiptId]
    )
  },

  /**
   * Compensation of a receipt that did not complete: serials it had received that existed
   * before go back to how they were (inactive, no location, no receipt). Its ledger rows
   * go by its operation.
   */
  async unreceiveExisting(manager: SqlManager, ids: string[]): Promise<void> {
    if (!ids.length) {
      return
    }
    await run(manager,
      `UPDATE serial_number
          SET status = 'inactive', stock_location_id = NULL, receipt_id = NULL, supplier_name = NULL,
              supplier_reference = NULL, unit_cost = NULL, raw_unit_cost = NULL, received_at = NULL,
              updated_at = now()
        WHERE id IN (SELECT jsonb_array_elements_text(?::jsonb))`,
      [json(ids)]
    )
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

  /**
   * Adds `count` to the counter of (series, key), creating it at `count`, and returns the
   * new value: the block issued is (value - count, value]. One statement, so concurrent
   * callers on any process get disjoint blocks (the row lock is held to commit).
   */
  async advanceCounter(manager: SqlManager, seriesId: string, key: string, count: number): Promise<bigint> {
    const [row]: { value: string | number }[] = await run(manager,
      `INSERT INTO serial_series_counter (id, series_id, key, value, created_at, updated_at)
       VALUES (?, ?, ?, ?, now(), now())
       ON CONFLICT (series_id, key) WHERE deleted_at IS NULL
       DO UPDATE SET value = serial_series_counter.value + EXCLUDED.value, updated_at = now()
       RETURNING value`,
      [generateId("sncnt"), seriesId, key, count]
    )
    // A bigint column arrives as a string: BigInt keeps every one of its 18 digits.
    return BigInt(row.value)
  },

  async readCounter(manager: SqlManager, seriesId: string, key: string): Promise<bigint> {
    const [row]: { value: string | number }[] = await run(manager,
      `SELECT value FROM serial_series_counter WHERE series_id = ? AND key = ? AND deleted_at IS NULL`,
      [seriesId, key]
    )
    return row ? BigInt(row.value) : 0n
  },

  async seriesUsage(manager: SqlManager, seriesId: string): Promise<{ variants: number; serials: number }> {
    const [row]: { variants: string; serials: string }[] = await run(manager,
      `SELECT
         (SELECT count(*) FROM serial_settings WHERE series_id = ? AND deleted_at IS NULL) AS variants,
         (SELECT count(*) FROM serial_number WHERE series_id = ? AND deleted_at IS NULL) AS serials`,
      [seriesId, seriesId]
    )
    return { variants: Number(row.variants), serials: Number(row.serials) }
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

  async readDetails(manager: SqlManager, id: string): Promise<Record<string, unknown>> {
    const [row] = await run(manager,
      `SELECT ${DETAIL_COLUMNS.join(", ")} FROM serial_number WHERE id = ?`,
      [id]
    )
    return row ?? {}
  },

  async updateDetails(manager: SqlManager, id: string, patch: Record<string, unknown>): Promise<void> {
    await updateColumns(manager, "serial_number", id, DETAIL_COLUMNS, patch)
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
}
