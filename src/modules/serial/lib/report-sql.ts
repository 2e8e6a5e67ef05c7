/**
 * The admin reports. Each page is ONE statement: the filtered set is a CTE, and the
 * statement answers both its total count and the requested page (as JSON), so a report
 * never runs a query per row, nor a second one for the count.
 */
import type { SqlManager } from "./sql"

export const REPORT_NAMES = ["summary", "warranty-expiry", "contract-expiry", "ledger"] as const
export type SerialReportName = (typeof REPORT_NAMES)[number]

export type SerialReportParams = {
  limit: number
  offset: number
  /** summary, expiry reports */
  product_id?: string[]
  stock_location_id?: string[]
  variant_id?: string[]
  /** summary: one row per product (default) or per variant, and stock location */
  group_by?: "product" | "variant"
  /** expiry reports */
  customer_id?: string[]
  status?: string[]
  within_days?: number
  now?: Date
  /** ledger */
  serial_number_id?: string[]
  type?: string[]
  reference_type?: string[]
  reference_id?: string[]
  from?: string
  to?: string
}

const STATUSES = ["inactive", "active", "reserved", "delivered", "expired", "scrapped"]
const DAY_RE = /^\d{4}-\d{2}-\d{2}$/
const DAY_MS = 86_400_000

/** Conditions and their parameters, in order. */
class Where {
  readonly parts: string[] = ["deleted_at IS NULL"]
  readonly params: unknown[] = []

  anyOf(column: string, values: string[] | undefined): this {
    if (values?.length) {
      this.parts.push(`${column} IN (SELECT jsonb_array_elements_text(?::jsonb))`)
      this.params.push(JSON.stringify(values))
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

/** `WITH f AS (...)` -> one row: the count of f and one page of it, ordered. */
function paged(filtered: string, order: string) {
  return `WITH f AS (${filtered})
    SELECT (SELECT count(*) FROM f) AS count,
           (SELECT coalesce(jsonb_agg(to_jsonb(p) ORDER BY ${order}), '[]'::jsonb)
              FROM (SELECT * FROM f p ORDER BY ${order} LIMIT ? OFFSET ?) p) AS rows`
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

function expiry(column: "warranty_expires_at" | "contract_expires_at", p: SerialReportParams) {
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
    sql: paged(
      `SELECT id, serial_number, variant_id, product_id, status, stock_location_id, customer_id, order_id,
              delivered_at, warranty_starts_at, warranty_expires_at, contract_expires_at
         FROM serial_number WHERE ${where}`,
      `p.${column}, p.id`
    ),
    params: [...where.params, p.limit, p.offset],
  }
}

export const reportSql = {
  build(name: SerialReportName, p: SerialReportParams): { sql: string; params: unknown[] } {
    switch (name) {
      case "summary": {
        const where = new Where()
          .anyOf("product_id", p.product_id)
          .anyOf("variant_id", p.variant_id)
          .anyOf("stock_location_id", p.stock_location_id)
        const counts = STATUSES.map((s) => `count(*) FILTER (WHERE status = '${s}') AS ${s}`).join(", ")
        const keys = p.group_by === "variant" ? "product_id, variant_id, stock_location_id" : "product_id, stock_location_id"
        const order = p.group_by === "variant" ? "p.product_id NULLS LAST, p.variant_id, p.stock_location_id NULLS LAST" : "p.product_id NULLS LAST, p.stock_location_id NULLS LAST"
        return {
          sql: paged(
            `SELECT ${keys}, count(*) AS total, ${counts}
               FROM serial_number WHERE ${where}
              GROUP BY ${keys}`,
            order
          ),
          params: [...where.params, p.limit, p.offset],
        }
      }
      case "warranty-expiry":
        return expiry("warranty_expires_at", p)
      case "contract-expiry":
        return expiry("contract_expires_at", p)
      case "ledger": {
        const where = new Where()
          .anyOf("serial_number_id", p.serial_number_id)
          .anyOf("type", p.type)
          .anyOf("reference_type", p.reference_type)
          .anyOf("reference_id", p.reference_id)
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
          sql: paged(
            `SELECT id, serial_number_id, serial_number, type, from_status, to_status, from_location_id, to_location_id,
                    reference_type, reference_id, actor_type, actor_id, data, created_at
               FROM serial_ledger_entry WHERE ${where}`,
            "p.created_at DESC, p.id DESC"
          ),
          params: [...where.params, p.limit, p.offset],
        }
      }
    }
  },

  async run(
    manager: SqlManager,
    name: SerialReportName,
    p: SerialReportParams
  ): Promise<{ rows: Record<string, unknown>[]; count: number }> {
    const { sql, params } = reportSql.build(name, p)
    const [row]: Array<{ count: string; rows: Record<string, unknown>[] }> = await manager.execute(sql, params)
    return { count: Number(row.count), rows: (row.rows ?? []).map(normalizeDates) }
  },
}
