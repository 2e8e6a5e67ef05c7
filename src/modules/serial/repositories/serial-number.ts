import { mikroOrmBaseRepositoryFactory } from "@medusajs/framework/utils"
import type { Context } from "@medusajs/framework/types"
import { SerialNumber } from "../models"
import { plannedRows, run, SqlManager, textArrayLiteral } from "../lib/sql"
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
