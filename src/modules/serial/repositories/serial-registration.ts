/**
 * SQL of a customer's registration of a serial and an admin's decision on it: the serial
 * locked while it is given, the registration row, and the undo of either.
 */
import { run, textArrayLiteral, type SqlManager } from "../lib/sql"
import type { RegistrationRow, RegistrationUndo } from "../types"
import type { StoredFile } from "../../../shared/attachments"
import type { SerialRow } from "./serial-number"

/** A serial a customer may be given by a registration, with what an undo restores. */
export type RegistrableRow = Pick<
  SerialRow,
  | "id"
  | "serial_number"
  | "variant_id"
  | "status"
  | "customer_id"
  | "stock_location_id"
  | "warranty_overridden"
  | "warranty_starts_at"
  | "warranty_expires_at"
>

const REGISTRATION_COLUMNS = `id, serial_number_id, serial_number, customer_id, purchased_at, status, decided_at, decided_by, note, proof_of_purchase, created_at`

export const registrationSql = {
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

  /**
   * Rejects the other pending registrations of a serial whose registration was approved
   * (the serial is someone's now): the ids rejected.
   */
  async rejectOtherPending(
    manager: SqlManager,
    approved: { id: string; serial_number_id: string },
    decision: { decided_by: string | null; note: string }
  ): Promise<string[]> {
    const rows = await run<{ id: string }>(manager,
      `UPDATE serial_registration
          SET status = 'rejected', decided_at = now(), decided_by = ?, note = ?, updated_at = now()
        WHERE serial_number_id = ? AND id <> ? AND status = 'pending' AND deleted_at IS NULL
        RETURNING id`,
      [decision.decided_by, decision.note, approved.serial_number_id, approved.id]
    )
    return rows.map((r) => r.id)
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
    if (undo.rejected_registration_ids?.length) {
      await run(manager,
        `UPDATE serial_registration SET status = 'pending', decided_at = NULL, decided_by = NULL, note = NULL, updated_at = now()
          WHERE id = ANY(?::text[]) AND status = 'rejected'`,
        [textArrayLiteral(undo.rejected_registration_ids)]
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

  /** Sets (or clears) a registration's proof of purchase. */
  async setProofOfPurchase(manager: SqlManager, id: string, proof: StoredFile | null): Promise<void> {
    await run(manager,
      `UPDATE serial_registration SET proof_of_purchase = ?::jsonb, updated_at = now() WHERE id = ?`,
      [proof === null ? null : JSON.stringify(proof), id]
    )
  },
}
