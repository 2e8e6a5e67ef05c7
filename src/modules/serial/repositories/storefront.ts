/**
 * SQL of the storefront routes (public warranty look-up, a customer's own serials, claims
 * and visits). Every statement reads only what its answer shows; the customer's id is
 * always part of the WHERE clause, so one customer can never reach another's rows.
 */
import { run, type SqlManager } from "../lib/sql"
import type { StorefrontSerialRow } from "../types"

/** The next pending visit of a serial, from today (UTC) on. */
const NEXT_VISIT = `(SELECT min(v.scheduled_date) FROM maintenance_visit v
                      WHERE v.serial_number_id = s.id AND v.deleted_at IS NULL AND v.status = 'pending'
                        AND v.scheduled_date >= date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC')`

const SERIAL_COLUMNS = `s.id, s.serial_number, s.variant_id, s.product_id, s.status, s.customer_id, s.order_id, s.delivered_at,
  s.warranty_starts_at, s.warranty_expires_at, s.contract_expires_at, ${NEXT_VISIT} AS next_visit_date`

export const storefrontSql = {
  /**
   * A sold serial by its normalized text: one that belongs to a customer (delivered with an
   * order or registered). Under per-variant uniqueness the same text can exist several
   * times; the most recently delivered one answers.
   */
  async findSoldSerial(manager: SqlManager, normalized: string): Promise<StorefrontSerialRow | null> {
    const rows: StorefrontSerialRow[] = await run(manager,
      `SELECT ${SERIAL_COLUMNS}
         FROM serial_number s
        WHERE s.normalized = ? AND s.deleted_at IS NULL AND s.customer_id IS NOT NULL
        ORDER BY s.delivered_at DESC NULLS LAST, s.id
        LIMIT 1`,
      [normalized]
    )
    return rows[0] ?? null
  },

  /**
   * A page of a customer's own serials, most recently delivered first (then by text and
   * id), after the sort key `after` ([delivered_at ISO or null, serial_number, id]) when
   * given, or only those with the given ids. Reads `limit` rows.
   */
  async listCustomerSerials(
    manager: SqlManager,
    customerId: string,
    page: { limit: number; after?: [string | null, string, string] | null; ids?: string[] }
  ): Promise<StorefrontSerialRow[]> {
    const where: string[] = ["s.customer_id = ?", "s.deleted_at IS NULL"]
    const params: unknown[] = [customerId]
    if (page.ids) {
      where.push("s.id IN (SELECT jsonb_array_elements_text(?::jsonb))")
      params.push(JSON.stringify(page.ids))
    }
    if (page.after) {
      const [deliveredAt, serialNumber, id] = page.after
      if (deliveredAt === null) {
        // Past the delivered ones: the undelivered (NULLS LAST), by text and id.
        where.push("s.delivered_at IS NULL AND (s.serial_number, s.id) > (?, ?)")
        params.push(serialNumber, id)
      } else {
        where.push(
          "(s.delivered_at < ?::timestamptz OR (s.delivered_at = ?::timestamptz AND (s.serial_number, s.id) > (?, ?)) OR s.delivered_at IS NULL)"
        )
        params.push(deliveredAt, deliveredAt, serialNumber, id)
      }
    }
    params.push(page.limit)
    return await run(manager,
      `SELECT ${SERIAL_COLUMNS}
         FROM serial_number s
        WHERE ${where.join(" AND ")}
        ORDER BY s.delivered_at DESC NULLS LAST, s.serial_number, s.id
        LIMIT ?`,
      params
    )
  },

  async countCustomerSerials(manager: SqlManager, customerId: string): Promise<number> {
    const [row]: { count: string }[] = await run(manager,
      `SELECT count(*) AS count FROM serial_number WHERE customer_id = ? AND deleted_at IS NULL`,
      [customerId]
    )
    return Number(row.count)
  },

  /** A customer's own serial by its normalized text (null when it is not theirs). */
  async findCustomerSerial(manager: SqlManager, customerId: string, normalized: string): Promise<StorefrontSerialRow | null> {
    const rows: StorefrontSerialRow[] = await run(manager,
      `SELECT ${SERIAL_COLUMNS}
         FROM serial_number s
        WHERE s.customer_id = ? AND s.normalized = ? AND s.deleted_at IS NULL
        ORDER BY s.id LIMIT 1`,
      [customerId, normalized]
    )
    return rows[0] ?? null
  },

  /** A page of a customer's own claims, newest first, after the sort key [filed_at ISO, id] (or the one with `id`). */
  async listCustomerClaims(
    manager: SqlManager,
    customerId: string,
    page: { limit: number; after?: [string, string] | null; id?: string }
  ) {
    const params: unknown[] = [customerId]
    let after = ""
    if (page.after) {
      after = "AND (filed_at, id) < (?::timestamptz, ?)"
      params.push(page.after[0], page.after[1])
    }
    if (page.id) {
      after += " AND id = ?"
      params.push(page.id)
    }
    params.push(page.limit)
    return await run(manager,
      `SELECT id, display_id, serial_number_id, serial_number, description, status, covered, maintenance_status,
              warranty_expires_at, contract_expires_at, filed_at, resolution, closed_at
         FROM warranty_claim
        WHERE customer_id = ? AND deleted_at IS NULL ${after}
        ORDER BY filed_at DESC, id DESC
        LIMIT ?`,
      params
    )
  },

  async countCustomerClaims(manager: SqlManager, customerId: string): Promise<number> {
    const [row]: { count: string }[] = await run(manager,
      `SELECT count(*) AS count FROM warranty_claim WHERE customer_id = ? AND deleted_at IS NULL`,
      [customerId]
    )
    return Number(row.count)
  },

  async listCustomerVisits(manager: SqlManager, customerId: string, serialIds?: string[]) {
    return await run(manager,
      `SELECT v.id, v.serial_number_id, s.serial_number, v.scheduled_date, v.kind, v.status, v.technician
         FROM maintenance_visit v
         JOIN serial_number s ON s.id = v.serial_number_id AND s.deleted_at IS NULL
        WHERE s.customer_id = ? AND v.deleted_at IS NULL AND v.status = 'pending'
          AND v.scheduled_date >= date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'
          ${serialIds ? "AND v.serial_number_id IN (SELECT jsonb_array_elements_text(?::jsonb))" : ""}
        ORDER BY v.scheduled_date, v.id
        LIMIT 1000`,
      serialIds ? [customerId, JSON.stringify(serialIds)] : [customerId]
    )
  },
}
