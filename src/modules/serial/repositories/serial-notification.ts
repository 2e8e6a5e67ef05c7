/**
 * The reminders' outbox (models/serial-notification.ts): pending rows claimed under a
 * lease, then finished one by one as each is sent. A crashed sender's lease runs out and
 * the next pass claims what it had not finished; a failed send waits longer after each
 * attempt, and gives up after MAX_NOTIFICATION_ATTEMPTS.
 */
import { run, textArrayLiteral, type SqlManager } from "../lib/sql"
import { VISIT_COLUMNS } from "./maintenance"
import type { OutboxRow, VisitRow, WarrantySubject } from "../maintenance-types"

export const MAX_NOTIFICATION_ATTEMPTS = 5
/** How long a claim keeps other senders off; a send takes well under a second. */
export const NOTIFICATION_LEASE_MS = 5 * 60_000

export const notificationSql = {
  /**
   * Records and returns the visits to announce as due: pending, on a day from `fromDay`
   * to `toDay`, not announced yet for that day. The insert into the sent log is what
   * takes them (a sent-log row each), so two runs (or two servers) never announce one twice.
   */
  async takeVisitReminders(
    manager: SqlManager,
    kind: "visit_due" | "visit_overdue",
    range: { from: string | null; to: string; toInclusive: boolean },
    limit: number
  ): Promise<Array<VisitRow & { log_id: string }>> {
    const whereParams: unknown[] = []
    let where = `v.status = 'pending' AND v.deleted_at IS NULL`
    if (range.from) {
      where += ` AND v.scheduled_date >= ?::timestamptz`
      whereParams.push(range.from)
    }
    where += range.toInclusive ? ` AND v.scheduled_date <= ?::timestamptz` : ` AND v.scheduled_date < ?::timestamptz`
    whereParams.push(range.to)
    const dayKey = `to_char(v.scheduled_date AT TIME ZONE 'UTC', 'YYYY-MM-DD')`
    return await run(manager,
      `WITH candidates AS (
         SELECT ${VISIT_COLUMNS.split(", ").map((c) => `v.${c}`).join(", ")}, ${dayKey} AS key
           FROM maintenance_visit v
          WHERE ${where}
            AND NOT EXISTS (
              SELECT 1 FROM serial_notification n
               WHERE n.kind = ? AND n.subject_id = v.id AND n.key = ${dayKey} AND n.deleted_at IS NULL)
          ORDER BY v.scheduled_date, v.id
          LIMIT ?),
       taken AS (
         INSERT INTO serial_notification (id, kind, subject_id, key, status, created_at, updated_at)
         SELECT 'snntf_' || replace(gen_random_uuid()::text, '-', ''), ?, c.id, c.key, 'pending', now(), now()
           FROM candidates c
         ON CONFLICT (kind, subject_id, key) WHERE deleted_at IS NULL DO NOTHING
         RETURNING id AS log_id, subject_id)
       SELECT c.*, cl.log_id FROM candidates c JOIN taken cl ON cl.subject_id = c.id
        ORDER BY c.scheduled_date, c.id`,
      [...whereParams, kind, limit, kind]
    )
  },

  /** Delivered serials whose warranty ends within the window, not announced for that expiry yet. */
  async takeWarrantyReminders(
    manager: SqlManager,
    range: { from: string; to: string },
    limit: number
  ): Promise<Array<{ id: string; serial_number: string; customer_id: string | null; warranty_expires_at: Date; log_id: string }>> {
    return await run(manager,
      `WITH candidates AS (
         SELECT s.id, s.serial_number, s.customer_id, s.warranty_expires_at,
                to_char(s.warranty_expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS key
           FROM serial_number s
          WHERE s.status = 'delivered' AND s.deleted_at IS NULL
            AND s.warranty_expires_at > ?::timestamptz AND s.warranty_expires_at <= ?::timestamptz
            AND NOT EXISTS (
              SELECT 1 FROM serial_notification n
               WHERE n.kind = 'warranty_expiring' AND n.subject_id = s.id AND n.deleted_at IS NULL
                 AND n.key = to_char(s.warranty_expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
          ORDER BY s.warranty_expires_at, s.id
          LIMIT ?),
       taken AS (
         INSERT INTO serial_notification (id, kind, subject_id, key, status, created_at, updated_at)
         SELECT 'snntf_' || replace(gen_random_uuid()::text, '-', ''), 'warranty_expiring', c.id, c.key, 'pending', now(), now()
           FROM candidates c
         ON CONFLICT (kind, subject_id, key) WHERE deleted_at IS NULL DO NOTHING
         RETURNING id AS log_id, subject_id)
       SELECT c.id, c.serial_number, c.customer_id, c.warranty_expires_at, cl.log_id
         FROM candidates c JOIN taken cl ON cl.subject_id = c.id
        ORDER BY c.warranty_expires_at, c.id`,
      [range.from, range.to, limit]
    )
  },

  /**
   * The delivery notice of a fulfilment's serials, taken once per fulfilment: its outbox
   * row's id, or null when it was taken before (an event delivered twice).
   */
  async takeDeliveryNotice(manager: SqlManager, fulfillmentId: string, orderId: string): Promise<string | null> {
    const rows = await run<{ id: string }>(
      manager,
      `INSERT INTO serial_notification (id, kind, subject_id, key, status, created_at, updated_at)
       VALUES ('snntf_' || replace(gen_random_uuid()::text, '-', ''), 'serials_delivered', ?, ?, 'pending', now(), now())
       ON CONFLICT (kind, subject_id, key) WHERE deleted_at IS NULL DO NOTHING
       RETURNING id`,
      [fulfillmentId, orderId]
    )
    return rows[0]?.id ?? null
  },

  async deleteNotificationLog(manager: SqlManager, ids: string[]): Promise<void> {
    if (!ids.length) {
      return
    }
    await run(manager, `DELETE FROM serial_notification WHERE id IN (SELECT jsonb_array_elements_text(?::jsonb))`, [
      JSON.stringify(ids),
    ])
  },

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
