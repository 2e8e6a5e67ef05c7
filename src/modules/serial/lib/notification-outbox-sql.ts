/**
 * The reminders' outbox (models/serial-notification.ts): pending rows claimed under a
 * lease, then finished one by one as each is sent. A crashed sender's lease runs out and
 * the next pass claims what it had not finished; a failed send waits longer after each
 * attempt, and gives up after MAX_NOTIFICATION_ATTEMPTS.
 */
import { run, textArrayLiteral, type SqlManager } from "./sql"
import { VISIT_COLUMNS, type VisitRow } from "./maintenance-sql"

export type ReminderKind = "visit_due" | "visit_overdue" | "warranty_expiring"

export type OutboxRow = { id: string; kind: ReminderKind; subject_id: string; key: string; attempts: number }

export type WarrantySubject = { id: string; serial_number: string; customer_id: string | null; warranty_expires_at: Date | null }

export const MAX_NOTIFICATION_ATTEMPTS = 5
/** How long a claim keeps other senders off; a send takes well under a second. */
export const NOTIFICATION_LEASE_MS = 5 * 60_000

export const notificationOutboxSql = {
  /** Up to `limit` pending rows no live lease holds, oldest first, now leased to the caller. */
  async claim(manager: SqlManager, limit: number): Promise<OutboxRow[]> {
    return await run<OutboxRow>(
      manager,
      `UPDATE serial_notification n
          SET claimed_until = now() + (? * interval '1 millisecond'), attempts = n.attempts + 1, updated_at = now()
        WHERE n.id IN (
          SELECT id FROM serial_notification
           WHERE status = 'pending' AND deleted_at IS NULL AND (claimed_until IS NULL OR claimed_until < now())
           ORDER BY created_at, id
           LIMIT ?
           FOR UPDATE SKIP LOCKED)
        RETURNING n.id, n.kind, n.subject_id, n.key, n.attempts`,
      [NOTIFICATION_LEASE_MS, limit]
    )
  },

  /** Pending rows done with: `sent`, or `skipped` (nobody to send them to). */
  async finish(manager: SqlManager, ids: string[], status: "sent" | "skipped"): Promise<void> {
    if (!ids.length) {
      return
    }
    await run(
      manager,
      `UPDATE serial_notification
          SET status = ?, sent_at = CASE WHEN ? = 'sent' THEN now() END, claimed_until = NULL, last_error = NULL, updated_at = now()
        WHERE id = ANY(?::text[]) AND status = 'pending'`,
      [status, status, textArrayLiteral(ids)]
    )
  },

  /** A send that failed: tried again after `attempts` × 10 minutes, or `failed` for good after the last attempt. */
  async fail(manager: SqlManager, row: Pick<OutboxRow, "id" | "attempts">, error: string): Promise<void> {
    await run(
      manager,
      `UPDATE serial_notification
          SET last_error = ?, updated_at = now(),
              status = CASE WHEN ? THEN 'failed' ELSE status END,
              claimed_until = now() + (? * interval '10 minutes')
        WHERE id = ? AND status = 'pending'`,
      [error.slice(0, 2000), row.attempts >= MAX_NOTIFICATION_ATTEMPTS, row.attempts, row.id]
    )
  },

  async visits(manager: SqlManager, ids: string[]): Promise<VisitRow[]> {
    if (!ids.length) {
      return []
    }
    return await run<VisitRow>(manager, `SELECT ${VISIT_COLUMNS} FROM maintenance_visit WHERE id = ANY(?::text[])`, [textArrayLiteral(ids)])
  },

  async serials(manager: SqlManager, ids: string[]): Promise<WarrantySubject[]> {
    if (!ids.length) {
      return []
    }
    return await run<WarrantySubject>(
      manager,
      `SELECT id, serial_number, customer_id, warranty_expires_at FROM serial_number WHERE id = ANY(?::text[])`,
      [textArrayLiteral(ids)]
    )
  },
}
