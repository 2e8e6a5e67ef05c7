/**
 * The admin reports, built to stay fast at 10M serials and a billion ledger rows: each
 * page is read after the previous page's last row in the report's order (a cursor, not an
 * offset that reads every skipped row), and the count stops counting at a cap. A page is
 * ONE statement (its rows as JSON, and the count up to the cap); only a count beyond the
 * cap asks the planner for its estimate, with a second one.
 */
import { MedusaError } from "@medusajs/framework/utils"
import { decodeCursor, encodeCursor, isPgTimestamp, type CursorValue } from "../lib/cursor"
import { plannedRows, run, textArrayLiteral, type SqlManager } from "../lib/sql"
import { REPORT_COUNT_CAP, type SerialReportName, type SerialReportPage, type SerialReportParams } from "../types"

const STATUSES = ["inactive", "active", "reserved", "delivered", "expired", "scrapped"]
const DAY_RE = /^\d{4}-\d{2}-\d{2}$/
const DAY_MS = 86_400_000

/** Conditions and their parameters, in order. */
class Where {
  readonly parts: string[] = ["deleted_at IS NULL"]
  readonly params: unknown[] = []

  anyOf(column: string, values: string[] | undefined): this {
    if (values?.length) {
      // A literal array: the planner knows the values, and so estimates a count beyond the cap.
      this.parts.push(`${column} = ANY(?::text[])`)
      this.params.push(textArrayLiteral(values))
    }
    return this
  }

  add(condition: string, ...params: unknown[]): this {
    this.parts.push(condition)
    this.params.push(...params)
    return this
  }

  toString() {
    return this.parts.join(" AND ")
  }
}

/** One column of a report's order. */
type OrderKey = {
  column: string
  /** A timestamp: a cursor holds it as Postgres prints it, to the microsecond a JS Date would lose. */
  timestamp?: boolean
  descending?: boolean
  /** May be NULL; its NULLs come last. */
  nullable?: boolean
}

/** One report's page, as a statement's parts. Column names are constants here, never input. */
type ReportQuery = {
  /** What its cursors are made for: the report and its order (a cursor's first value). */
  cursorFor: string
  table: string
  columns: string
  where: Where
  groupBy?: string
  /** A total order: no two rows share all of these. */
  order: OrderKey[]
}

const orderSql = (order: OrderKey[], prefix = "") =>
  order.map((k) => `${prefix}${k.column} ${k.descending ? "DESC" : "ASC"}${k.nullable ? " NULLS LAST" : ""}`).join(", ")

/**
 * The rows after `key` in `order`. Keys that cannot be NULL compare as one row value,
 * which an index on those columns serves as one range; a nullable key cannot (a
 * comparison with NULL is NULL), so its NULLs, which sort last, are named explicitly:
 * after a value come the greater values and the NULLs; after NULL, nothing of that key.
 */
function keysetSql(order: OrderKey[], key: CursorValue[]): { sql: string; params: unknown[] } {
  const params: unknown[] = []
  const value = (k: OrderKey, v: string) => {
    params.push(v)
    return k.timestamp ? "?::timestamptz" : "?"
  }
  const after = (i: number): string => {
    const rest = order.slice(i)
    if (rest.every((k, j) => !k.nullable && key[i + j] !== null && !!k.descending === !!order[i].descending)) {
      const values = rest.map((k, j) => value(k, key[i + j] as string))
      return `(${rest.map((k) => k.column).join(", ")}) ${order[i].descending ? "<" : ">"} (${values.join(", ")})`
    }
    const k = order[i]
    const v = key[i]
    const beyond = v === null ? null : `(${k.column} ${k.descending ? "<" : ">"} ${value(k, v)}${k.nullable ? ` OR ${k.column} IS NULL` : ""})`
    // NULLs come last: a key whose remaining values are all NULL ends its prefix's rows.
    if (key.slice(i + 1).every((w) => w === null)) {
      return beyond ?? "FALSE"
    }
    const same = v === null ? `${k.column} IS NULL` : `${k.column} = ${value(k, v)}`
    const sameThenAfter = `(${same} AND ${after(i + 1)})`
    return beyond ? `(${beyond} OR ${sameThenAfter})` : sameThenAfter
  }
  return { sql: after(0), params }
}

/** The key of a cursor made for `q`: refused, naming the cursor, when it is not one of q's. */
function readCursor(cursor: string, q: ReportQuery): CursorValue[] {
  const [madeFor, ...key] = decodeCursor(cursor, q.order.length + 1)
  const refuse = (why: string) => new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid cursor '${cursor.slice(0, 100)}': ${why}`)
  if (madeFor !== q.cursorFor) {
    throw refuse(`it was not made for the ${q.cursorFor} report; pass the next_cursor of the previous page of the same report`)
  }
  const forged = q.order.some((k, i) => {
    const v = key[i]
    return v === null ? !k.nullable : !!k.timestamp && !isPgTimestamp(v)
  })
  if (forged) {
    throw refuse("pass the next_cursor of the previous page as it was given")
  }
  return key
}

/** jsonb writes timestamps as `2026-01-31T00:00:00+00:00`; the API writes them as JS does. */
function normalizeDates(row: Record<string, unknown>) {
  for (const [key, value] of Object.entries(row)) {
    if (typeof value === "string" && (key.endsWith("_at") || key.endsWith("_date"))) {
      row[key] = new Date(value).toISOString()
    }
  }
  return row
}

function summary(p: SerialReportParams): ReportQuery {
  const byVariant = p.group_by === "variant"
  const where = new Where()
    .anyOf("product_id", p.product_id)
    .anyOf("variant_id", p.variant_id)
    .anyOf("stock_location_id", p.stock_location_id)
  const order: OrderKey[] = [
    { column: "product_id", nullable: true },
    ...(byVariant ? [{ column: "variant_id" }] : []),
    { column: "stock_location_id", nullable: true },
  ]
  const keys = order.map((k) => k.column).join(", ")
  const counts = STATUSES.map((s) => `count(*) FILTER (WHERE status = '${s}') AS ${s}`).join(", ")
  return {
    cursorFor: byVariant ? "summary by variant" : "summary by product",
    table: "serial_number",
    columns: `${keys}, count(*) AS total, ${counts}`,
    where,
    groupBy: keys,
    order,
  }
}

function expiry(column: "warranty_expires_at" | "contract_expires_at", p: SerialReportParams): ReportQuery {
  const now = p.now ?? new Date()
  const until = new Date(now.getTime() + (p.within_days ?? 30) * DAY_MS)
  const where = new Where()
    .add(`${column} >= ?::timestamptz`, now.toISOString())
    .add(`${column} <= ?::timestamptz`, until.toISOString())
    .anyOf("product_id", p.product_id)
    .anyOf("variant_id", p.variant_id)
    .anyOf("stock_location_id", p.stock_location_id)
    .anyOf("customer_id", p.customer_id)
    .anyOf("status", p.status)
  return {
    cursorFor: column === "warranty_expires_at" ? "warranty-expiry" : "contract-expiry",
    table: "serial_number",
    columns: `id, serial_number, variant_id, product_id, status, stock_location_id, customer_id, order_id,
              delivered_at, warranty_starts_at, warranty_expires_at, contract_expires_at`,
    where,
    // The window's bounds keep the column from being NULL here.
    order: [{ column, timestamp: true }, { column: "id" }],
  }
}

function ledger(p: SerialReportParams): ReportQuery {
  const where = new Where()
    .anyOf("serial_number_id", p.serial_number_id)
    .anyOf("type", p.type)
    .anyOf("reference_type", p.reference_type)
    .anyOf("reference_id", p.reference_id)
  if (p.stock_location_id?.length) {
    // From or to the location: two index ranges (IDX_serial_ledger_entry_from_location,
    // _to_location) merged, then ordered; the dates narrow a large location's history.
    const locations = textArrayLiteral(p.stock_location_id)
    where.add(`(from_location_id = ANY(?::text[]) OR to_location_id = ANY(?::text[]))`, locations, locations)
  }
  if (p.from) {
    where.add(`created_at >= ?::timestamptz`, new Date(p.from).toISOString())
  }
  if (p.to) {
    // A day without a time means the whole of that day.
    if (DAY_RE.test(p.to)) {
      where.add(`created_at < ?::timestamptz`, new Date(new Date(`${p.to}T00:00:00.000Z`).getTime() + DAY_MS).toISOString())
    } else {
      where.add(`created_at <= ?::timestamptz`, new Date(p.to).toISOString())
    }
  }
  return {
    cursorFor: "ledger",
    table: "serial_ledger_entry",
    columns: `id, serial_number_id, serial_number, type, from_status, to_status, from_location_id, to_location_id,
              reference_type, reference_id, actor_type, actor_id, data, created_at`,
    where,
    order: [
      { column: "created_at", timestamp: true, descending: true },
      { column: "id", descending: true },
    ],
  }
}

export const reportSql = {
  query(name: SerialReportName, p: SerialReportParams): ReportQuery {
    switch (name) {
      case "summary":
        return summary(p)
      case "warranty-expiry":
        return expiry("warranty_expires_at", p)
      case "contract-expiry":
        return expiry("contract_expires_at", p)
      case "ledger":
        return ledger(p)
    }
  },

  /**
   * The statement of one page: `limit + 1` rows after the cursor's key (or `offset` rows
   * in), each with its key as Postgres prints it (`cursor_key`), and the report's count up
   * to `REPORT_COUNT_CAP + 1`.
   */
  pageStatement(q: ReportQuery, p: SerialReportParams): { sql: string; params: unknown[] } {
    if (p.after && p.offset) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Give 'after' or 'offset', not both (got offset ${p.offset}): a cursor page starts after the previous page's last row`
      )
    }
    const keyset = p.after ? keysetSql(q.order, readCursor(p.after, q)) : null
    const groupBy = q.groupBy ? ` GROUP BY ${q.groupBy}` : ""
    const cursorKey = `jsonb_build_array(${q.order.map((k) => `${k.column}::text`).join(", ")}) AS cursor_key`
    return {
      sql: `SELECT
          (SELECT count(*)::int FROM (SELECT 1 FROM ${q.table} WHERE ${q.where}${groupBy} LIMIT ?) capped) AS count,
          (SELECT coalesce(jsonb_agg(to_jsonb(p) ORDER BY ${orderSql(q.order, "p.")}), '[]'::jsonb)
             FROM (SELECT ${q.columns}, ${cursorKey}
                     FROM ${q.table}
                    WHERE ${q.where}${keyset ? ` AND ${keyset.sql}` : ""}${groupBy}
                    ORDER BY ${orderSql(q.order)}
                    LIMIT ? OFFSET ?) p) AS rows`,
      params: [...q.where.params, REPORT_COUNT_CAP + 1, ...q.where.params, ...(keyset?.params ?? []), p.limit + 1, keyset ? 0 : p.offset],
    }
  },

  /**
   * How many rows a report has when it has more than the cap: the planner's estimate,
   * never below cap + 1. Counting a big set exactly reads all of it.
   */
  async estimateCount(manager: SqlManager, q: ReportQuery): Promise<number> {
    return await plannedRows(
      manager,
      `SELECT 1 FROM ${q.table} WHERE ${q.where}${q.groupBy ? ` GROUP BY ${q.groupBy}` : ""}`,
      q.where.params,
      REPORT_COUNT_CAP + 1
    )
  },

  /**
   * How many warranties and service contracts end in each calendar month (UTC) from the
   * month of `from` on, `months` months in all, optionally of some products or stock
   * locations. Each date is one range of its expiry index, counted per month, both in one
   * statement; months without an expiry are counted 0.
   */
  async expiriesByMonth(
    manager: SqlManager,
    q: { from: Date; months: number; product_id?: string[]; stock_location_id?: string[] }
  ): Promise<Array<{ month: string; warranty: number; contract: number }>> {
    const first = new Date(Date.UTC(q.from.getUTCFullYear(), q.from.getUTCMonth(), 1))
    const end = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + q.months, 1))
    // One statement: each expiry column's range grouped by month, the two counts side by side.
    const parts = (["warranty_expires_at", "contract_expires_at"] as const).map((column) => {
      const where = new Where()
        .add(`${column} >= ?::timestamptz AND ${column} < ?::timestamptz`, first.toISOString(), end.toISOString())
        .anyOf("product_id", q.product_id)
        .anyOf("stock_location_id", q.stock_location_id)
      return {
        sql: `SELECT '${column}' AS kind, to_char(date_trunc('month', ${column} AT TIME ZONE 'UTC'), 'YYYY-MM') AS month, count(*)::int AS count
                FROM serial_number WHERE ${where} GROUP BY 2`,
        params: where.params,
      }
    })
    const rows = await run<{ kind: string; month: string; count: number }>(manager,
      parts.map((p) => p.sql).join(" UNION ALL "),
      parts.flatMap((p) => p.params)
    )
    const countOf = (kind: string, month: string) => rows.find((r) => r.kind === kind && r.month === month)?.count ?? 0
    return Array.from({ length: q.months }, (_, n) => {
      const month = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + n, 1)).toISOString().slice(0, 7)
      return { month, warranty: countOf("warranty_expires_at", month), contract: countOf("contract_expires_at", month) }
    })
  },

  async page(manager: SqlManager, name: SerialReportName, p: SerialReportParams): Promise<SerialReportPage> {
    const q = reportSql.query(name, p)
    const { sql, params } = reportSql.pageStatement(q, p)
    const [row] = await run<{ count: number; rows: Array<Record<string, unknown> & { cursor_key: CursorValue[] }> }>(manager, sql, params)
    const read = row.rows ?? []
    const page = read.slice(0, p.limit)
    const estimated = row.count > REPORT_COUNT_CAP
    return {
      rows: page.map(({ cursor_key, ...r }) => normalizeDates(r)),
      count: estimated ? await reportSql.estimateCount(manager, q) : row.count,
      count_is_estimate: estimated,
      next_cursor: read.length > p.limit ? encodeCursor([q.cursorFor, ...page[page.length - 1].cursor_key]) : null,
    }
  },
}
