/**
 * SQL of the storefront routes (public warranty look-up, a customer's own serials, claims
 * and visits). Every statement reads only what its answer shows; the customer's id is
 * always part of the WHERE clause, so one customer can never reach another's rows.
 */
import { MedusaError } from "@medusajs/framework/utils"
import { run, type SqlManager } from "./sql"

/** The one "not found" of the storefront: unknown, unsold and someone else's serials alike. */
export function storefrontSerialNotFound(text: string) {
  return new MedusaError(MedusaError.Types.NOT_FOUND, `Serial number "${String(text).trim().slice(0, 100)}" was not found`)
}

export type StorefrontSerialRow = {
  id: string
  serial_number: string
  variant_id: string
  product_id: string | null
  status: string
  customer_id: string | null
  /** The order that sold it (the customer list shows it only to that order's customer). */
  order_id: string | null
  delivered_at: Date | null
  warranty_starts_at: Date | null
  warranty_expires_at: Date | null
  contract_expires_at: Date | null
  next_visit_date: Date | null
}

/** The next pending visit of a serial, from today (UTC) on. */
const NEXT_VISIT = `(SELECT min(v.scheduled_date) FROM maintenance_visit v
                      WHERE v.serial_number_id = s.id AND v.deleted_at IS NULL AND v.status = 'pending'
                        AND v.scheduled_date >= date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC')`

const SERIAL_COLUMNS = `s.id, s.serial_number, s.variant_id, s.product_id, s.status, s.customer_id, s.order_id, s.delivered_at,
  s.warranty_starts_at, s.warranty_expires_at, s.contract_expires_at, ${NEXT_VISIT} AS next_visit_date`

export type RegistrationRow = {
  id: string
  serial_number_id: string
  serial_number: string
  customer_id: string
  purchased_at: Date
  status: "pending" | "approved" | "rejected"
  decided_at: Date | null
  decided_by: string | null
  note: string | null
  created_at: Date
}

/** A serial a customer may be given by a registration, with what an undo restores. */
export type RegistrableRow = {
  id: string
  serial_number: string
  variant_id: string
  status: string
  customer_id: string | null
  stock_location_id: string | null
  warranty_overridden: boolean
  warranty_starts_at: Date | null
  warranty_expires_at: Date | null
}

/**
 * What a registration step changed, for its compensation: the serial given to a customer
 * (its warranty before, and the ledger row's reference), a pending registration inserted,
 * a registration decided.
 */
export type RegistrationUndo = {
  given?: {
    serial_number_id: string
    customer_id: string
    warranty_starts_at: string | null
    warranty_expires_at: string | null
    /** The ledger `register` row's operation. */
    operation_id: string
  }
  inserted_registration_id?: string
  decided_registration_id?: string
}

const REGISTRATION_COLUMNS = `id, serial_number_id, serial_number, customer_id, purchased_at, status, decided_at, decided_by, note, created_at`

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

  /**
   * Serials with this text that a customer may register: entered without stock
   * (`inactive`) and belonging to nobody. Locked for the registration.
   */
  async lockRegistrable(manager: SqlManager, normalized: string) {
    const rows: RegistrableRow[] =
      await run(manager,
        `SELECT id, serial_number, variant_id, status, customer_id, stock_location_id, warranty_overridden,
                warranty_starts_at, warranty_expires_at
           FROM serial_number
          WHERE normalized = ? AND deleted_at IS NULL AND customer_id IS NULL AND status = 'inactive'
          ORDER BY id
          FOR UPDATE`,
        [normalized]
      )
    return rows
  },

  async warrantySettings(manager: SqlManager, variantId: string) {
    const rows: Array<{ warranty_value: number | null; warranty_unit: string | null }> = await run(manager,
      `SELECT warranty_value, warranty_unit FROM serial_settings WHERE variant_id = ? AND deleted_at IS NULL LIMIT 1`,
      [variantId]
    )
    return rows[0] ?? null
  },

  /** Gives a serial to a customer; the warranty columns only when given (not overridden). */
  async setRegistration(
    manager: SqlManager,
    id: string,
    row: { customer_id: string; warranty?: { starts_at: string | null; expires_at: string | null } }
  ) {
    if (row.warranty) {
      await run(manager,
        `UPDATE serial_number SET customer_id = ?, warranty_starts_at = ?, warranty_expires_at = ?, updated_at = now() WHERE id = ?`,
        [row.customer_id, row.warranty.starts_at, row.warranty.expires_at, id]
      )
    } else {
      await run(manager, `UPDATE serial_number SET customer_id = ?, updated_at = now() WHERE id = ?`, [row.customer_id, id])
    }
  },

  /** A serial for an admin's approval of a registration: locked, with what decides it. */
  async lockSerialForRegistration(manager: SqlManager, id: string) {
    const rows: RegistrableRow[] =
      await run(manager,
        `SELECT id, serial_number, variant_id, status, customer_id, stock_location_id, warranty_overridden,
                warranty_starts_at, warranty_expires_at
           FROM serial_number WHERE id = ? AND deleted_at IS NULL FOR UPDATE`,
        [id]
      )
    return rows[0] ?? null
  },

  async findPendingRegistration(manager: SqlManager, serialId: string, customerId: string): Promise<RegistrationRow | null> {
    const rows: RegistrationRow[] = await run(manager,
      `SELECT ${REGISTRATION_COLUMNS} FROM serial_registration
        WHERE serial_number_id = ? AND customer_id = ? AND status = 'pending' AND deleted_at IS NULL LIMIT 1`,
      [serialId, customerId]
    )
    return rows[0] ?? null
  },

  async insertRegistration(
    manager: SqlManager,
    row: { id: string; serial_number_id: string; serial_number: string; customer_id: string; purchased_at: string }
  ): Promise<RegistrationRow> {
    const rows: RegistrationRow[] = await run(manager,
      `INSERT INTO serial_registration (id, serial_number_id, serial_number, customer_id, purchased_at, status, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 'pending', now(), now())
       RETURNING ${REGISTRATION_COLUMNS}`,
      [row.id, row.serial_number_id, row.serial_number, row.customer_id, row.purchased_at]
    )
    return rows[0]
  },

  async lockRegistration(manager: SqlManager, id: string): Promise<RegistrationRow | null> {
    const rows: RegistrationRow[] = await run(manager,
      `SELECT ${REGISTRATION_COLUMNS} FROM serial_registration WHERE id = ? AND deleted_at IS NULL FOR UPDATE`,
      [id]
    )
    return rows[0] ?? null
  },

  async decideRegistration(
    manager: SqlManager,
    id: string,
    row: { status: "approved" | "rejected"; decided_by: string | null; note: string | null }
  ): Promise<RegistrationRow> {
    const rows: RegistrationRow[] = await run(manager,
      `UPDATE serial_registration SET status = ?, decided_at = now(), decided_by = ?, note = ?, updated_at = now()
        WHERE id = ? RETURNING ${REGISTRATION_COLUMNS}`,
      [row.status, row.decided_by, row.note, id]
    )
    return rows[0]
  },

  /** Undoes a registration or a decision on one (a compensated workflow step), but for its ledger row. */
  async undoRegistration(manager: SqlManager, undo: RegistrationUndo): Promise<void> {
    if (undo.given) {
      const g = undo.given
      // Only while the serial still is the customer's from this registration.
      await run(manager,
        `UPDATE serial_number SET customer_id = NULL, warranty_starts_at = ?, warranty_expires_at = ?, updated_at = now()
          WHERE id = ? AND customer_id = ?`,
        [g.warranty_starts_at, g.warranty_expires_at, g.serial_number_id, g.customer_id]
      )
    }
    if (undo.inserted_registration_id) {
      await run(manager, `DELETE FROM serial_registration WHERE id = ? AND status = 'pending'`, [undo.inserted_registration_id])
    }
    if (undo.decided_registration_id) {
      await run(manager,
        `UPDATE serial_registration SET status = 'pending', decided_at = NULL, decided_by = NULL, note = NULL, updated_at = now()
          WHERE id = ?`,
        [undo.decided_registration_id]
      )
    }
  },

  async listCustomerRegistrations(manager: SqlManager, customerId: string): Promise<RegistrationRow[]> {
    return await run(manager,
      `SELECT ${REGISTRATION_COLUMNS} FROM serial_registration
        WHERE customer_id = ? AND deleted_at IS NULL AND status <> 'approved'
        ORDER BY created_at DESC, id DESC LIMIT 1000`,
      [customerId]
    )
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
