/**
 * How the serial module runs SQL: `run` (parameters bound through knex) and the few
 * helpers its statements share. The statements live in ../repositories, one file per table
 * or concern; each takes its rows as one JSON parameter (`jsonb_to_recordset`), so a batch
 * of 100,000 serials is one statement, not 100,000. Column names come from constants,
 * never from input.
 */
import { MOVE_SETTABLE_COLUMNS } from "../types"

export type SqlManager = {
  execute<T = any>(query: string, params?: unknown[], method?: "all" | "get" | "run"): Promise<T>
}

export { generateId } from "./ids"

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

