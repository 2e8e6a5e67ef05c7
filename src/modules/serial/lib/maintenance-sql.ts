/**
 * Set-based SQL for maintenance schedules, visits, warranty claims, the daily job and
 * the contract expiry that `amc` schedules maintain. Rows travel as one JSON parameter
 * (`jsonb_to_recordset`), as in sql.ts; column names come from constants, never input.
 */
import { generateId, run, SqlManager, updateColumns } from "./sql"

const json = (v: unknown) => JSON.stringify(v)

export type ScheduleSerialRow = {
  id: string
  serial_number: string
  status: string
  stock_location_id: string | null
  customer_id: string | null
  warranty_expires_at: Date | null
  contract_expires_at: Date | null
}

export type ContractRow = {
  id: string
  serial_number: string
  status: string
  stock_location_id: string | null
  current: Date | null
  wanted: Date | null
}

export type ScheduleRow = {
  id: string
  type: string
  periodicity: string
  status: string
  assignee: string | null
  end_date: Date | null
  cancelled_at: Date | null
  completed_at: Date | null
  notes: string | null
  metadata: Record<string, unknown> | null
  deleted_at: Date | null
}

export type VisitRow = {
  id: string
  schedule_id: string | null
  serial_number_id: string
  scheduled_date: Date
  status: string
  kind: string
  completed_at: Date | null
  technician: string | null
  notes: string | null
  warranty_claim_id: string | null
}

export type ClaimRow = {
  id: string
  display_id: number
  serial_number_id: string
  status: string
  resolution: string | null
  replacement_serial_number_id: string | null
  closed_at: Date | null
  metadata: Record<string, unknown> | null
}

/** Where the end-of-life pass goes on: the last serial of its previous batch. */
export type EndOfLifeCursor = { end_of_life_at: string; id: string }

export const VISIT_COLUMNS =
  "id, schedule_id, serial_number_id, scheduled_date, status, kind, completed_at, technician, notes, warranty_claim_id"

export const maintenanceSql = {
  /** Locks serials (id order) and reads what a schedule or claim needs to know about them. */
  async lockSerials(manager: SqlManager, ids: string[]): Promise<Map<string, ScheduleSerialRow>> {
    if (!ids.length) {
      return new Map()
    }
    const rows: ScheduleSerialRow[] = await run(manager,
      `SELECT id, serial_number, status, stock_location_id, customer_id, warranty_expires_at, contract_expires_at
         FROM serial_number
        WHERE id IN (SELECT jsonb_array_elements_text(?::jsonb)) AND deleted_at IS NULL
        ORDER BY id
        FOR UPDATE`,
      [json(ids)]
    )
    return new Map(rows.map((r) => [r.id, r]))
  },

  async insertSchedule(
    manager: SqlManager,
    row: {
      id: string
      type: string
      periodicity: string
      interval_value: number | null
      interval_unit: string | null
      start_date: string
      end_date: string | null
      visit_count: number | null
      first_visit_on_start: boolean
      assignee: string | null
      customer_id: string | null
      notes: string | null
      created_by: string | null
      metadata: Record<string, unknown> | null
    }
  ): Promise<void> {
    await run(manager,
      `INSERT INTO maintenance_schedule
         (id, type, periodicity, interval_value, interval_unit, start_date, end_date, visit_count,
          first_visit_on_start, assignee, status, customer_id, notes, created_by, metadata, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?::timestamptz, ?::timestamptz, ?, ?, ?, 'active', ?, ?, ?, ?::jsonb, now(), now())`,
      [
        row.id,
        row.type,
        row.periodicity,
        row.interval_value,
        row.interval_unit,
        row.start_date,
        row.end_date,
        row.visit_count,
        row.first_visit_on_start,
        row.assignee,
        row.customer_id,
        row.notes,
        row.created_by,
        row.metadata === null ? null : json(row.metadata),
      ]
    )
  },

  async insertScheduleSerials(
    manager: SqlManager,
    scheduleId: string,
    rows: Array<{ serial_number_id: string; previous_contract_expires_at: string | null }>
  ): Promise<void> {
    if (!rows.length) {
      return
    }
    await run(manager,
      `INSERT INTO maintenance_schedule_serial
         (id, schedule_id, serial_number_id, previous_contract_expires_at, created_at, updated_at)
       SELECT x.id, ?, x.serial_number_id, x.previous_contract_expires_at, now(), now()
         FROM jsonb_to_recordset(?::jsonb) AS x(id text, serial_number_id text, previous_contract_expires_at timestamptz)`,
      [scheduleId, json(rows.map((r) => ({ id: generateId("snmss"), ...r })))]
    )
  },

  async insertVisits(
    manager: SqlManager,
    rows: Array<{
      id: string
      schedule_id: string | null
      serial_number_id: string
      scheduled_date: string
      status: string
      kind: string
      completed_at: string | null
      technician: string | null
      notes: string | null
      warranty_claim_id: string | null
      created_by: string | null
    }>
  ): Promise<void> {
    if (!rows.length) {
      return
    }
    await run(manager,
      `INSERT INTO maintenance_visit
         (id, schedule_id, serial_number_id, scheduled_date, status, kind, completed_at, technician, notes,
          warranty_claim_id, created_by, created_at, updated_at)
       SELECT x.id, x.schedule_id, x.serial_number_id, x.scheduled_date, x.status, x.kind, x.completed_at,
              x.technician, x.notes, x.warranty_claim_id, x.created_by, now(), now()
         FROM jsonb_to_recordset(?::jsonb) AS x(
           id text, schedule_id text, serial_number_id text, scheduled_date timestamptz, status text, kind text,
           completed_at timestamptz, technician text, notes text, warranty_claim_id text, created_by text)`,
      [json(rows)]
    )
  },

  async lockSchedule(manager: SqlManager, id: string, withDeleted = false): Promise<ScheduleRow | null> {
    const [row] = await run(manager,
      `SELECT id, type, periodicity, status, assignee, end_date, cancelled_at, completed_at, notes, metadata, deleted_at
         FROM maintenance_schedule
        WHERE id = ? ${withDeleted ? "" : "AND deleted_at IS NULL"}
        FOR UPDATE`,
      [id]
    )
    return row ?? null
  },

  async scheduleSerialIds(manager: SqlManager, scheduleId: string): Promise<string[]> {
    const rows: { serial_number_id: string }[] = await run(manager,
      `SELECT serial_number_id FROM maintenance_schedule_serial WHERE schedule_id = ? ORDER BY serial_number_id`,
      [scheduleId]
    )
    return rows.map((r) => r.serial_number_id)
  },

  async updateSchedule(manager: SqlManager, id: string, patch: Partial<ScheduleRow>): Promise<void> {
    const columns = ["status", "assignee", "cancelled_at", "completed_at", "notes", "metadata", "deleted_at"]
    await updateColumns(manager, "maintenance_schedule", id, columns, patch as Record<string, unknown>)
  },

  /** Locks visits (id order) and reads them. */
  async lockVisits(manager: SqlManager, ids: string[]): Promise<Map<string, VisitRow>> {
    if (!ids.length) {
      return new Map()
    }
    const rows: VisitRow[] = await run(manager,
      `SELECT ${VISIT_COLUMNS} FROM maintenance_visit
        WHERE id IN (SELECT jsonb_array_elements_text(?::jsonb)) AND deleted_at IS NULL
        ORDER BY id
        FOR UPDATE`,
      [json(ids)]
    )
    return new Map(rows.map((r) => [r.id, r]))
  },

  /** Visits of a schedule in these statuses, locked. */
  async lockScheduleVisits(manager: SqlManager, scheduleId: string, statuses: string[]): Promise<VisitRow[]> {
    return await run(manager,
      `SELECT ${VISIT_COLUMNS} FROM maintenance_visit
        WHERE schedule_id = ? AND status IN (SELECT jsonb_array_elements_text(?::jsonb)) AND deleted_at IS NULL
        ORDER BY id
        FOR UPDATE`,
      [scheduleId, json(statuses)]
    )
  },

  /** Visits of a schedule per status: generated ones only, or every kind. */
  async countScheduleVisits(
    manager: SqlManager,
    scheduleId: string,
    { generatedOnly }: { generatedOnly: boolean }
  ): Promise<Record<string, number>> {
    const rows: { status: string; count: string }[] = await run(manager,
      `SELECT status, count(*) AS count FROM maintenance_visit
        WHERE schedule_id = ? ${generatedOnly ? "AND kind = 'scheduled'" : ""} AND deleted_at IS NULL GROUP BY status`,
      [scheduleId]
    )
    return Object.fromEntries(rows.map((r) => [r.status, Number(r.count)]))
  },

  /** Writes visits as given (every column listed in the rows). */
  async writeVisits(
    manager: SqlManager,
    rows: Array<Pick<VisitRow, "id" | "scheduled_date" | "status" | "completed_at" | "technician" | "notes" | "warranty_claim_id">>
  ): Promise<void> {
    if (!rows.length) {
      return
    }
    await run(manager,
      `UPDATE maintenance_visit AS v
          SET scheduled_date = x.scheduled_date, status = x.status, completed_at = x.completed_at,
              technician = x.technician, notes = x.notes, warranty_claim_id = x.warranty_claim_id, updated_at = now()
         FROM jsonb_to_recordset(?::jsonb) AS x(
           id text, scheduled_date timestamptz, status text, completed_at timestamptz, technician text, notes text,
           warranty_claim_id text)
        WHERE v.id = x.id`,
      [json(rows)]
    )
  },

  async setVisitsStatus(manager: SqlManager, ids: string[], status: string): Promise<void> {
    if (!ids.length) {
      return
    }
    await run(manager,
      `UPDATE maintenance_visit SET status = ?, updated_at = now()
        WHERE id IN (SELECT jsonb_array_elements_text(?::jsonb))`,
      [status, json(ids)]
    )
  },

  async setVisitsTechnician(manager: SqlManager, ids: string[], technician: string | null): Promise<void> {
    if (!ids.length) {
      return
    }
    await run(manager,
      `UPDATE maintenance_visit SET technician = ?, updated_at = now()
        WHERE id IN (SELECT jsonb_array_elements_text(?::jsonb))`,
      [technician, json(ids)]
    )
  },

  /** Soft-deletes (or, with `at` null, restores) a schedule with its serial rows and visits. */
  async setScheduleDeleted(manager: SqlManager, scheduleId: string, at: string | null): Promise<void> {
    await run(manager, `UPDATE maintenance_visit SET deleted_at = ? WHERE schedule_id = ?`, [at, scheduleId])
    await run(manager, `UPDATE maintenance_schedule_serial SET deleted_at = ? WHERE schedule_id = ?`, [at, scheduleId])
    await run(manager, `UPDATE maintenance_schedule SET deleted_at = ? WHERE id = ?`, [at, scheduleId])
  },

  /** Removes a schedule that is being undone, with everything it generated. */
  async purgeSchedule(manager: SqlManager, scheduleId: string): Promise<void> {
    await run(manager, `DELETE FROM maintenance_visit WHERE schedule_id = ?`, [scheduleId])
    await run(manager, `DELETE FROM maintenance_schedule_serial WHERE schedule_id = ?`, [scheduleId])
    await run(manager, `DELETE FROM maintenance_schedule WHERE id = ?`, [scheduleId])
  },

  async purgeVisit(manager: SqlManager, id: string): Promise<void> {
    await run(manager, `DELETE FROM maintenance_visit WHERE id = ?`, [id])
  },

  /**
   * What each serial's contract expiry should be: the latest end date of the `amc`
   * schedules that cover it and are not cancelled or deleted, or else the value it had
   * before the first `amc` schedule ever touched it. Locks the serials.
   */
  async contractTargets(manager: SqlManager, serialIds: string[]): Promise<ContractRow[]> {
    if (!serialIds.length) {
      return []
    }
    return await run(manager,
      `WITH target AS (SELECT DISTINCT jsonb_array_elements_text(?::jsonb) AS id),
       active_end AS (
         SELECT l.serial_number_id AS id, max(s.end_date) AS end_date
           FROM maintenance_schedule_serial l
           JOIN maintenance_schedule s ON s.id = l.schedule_id
          WHERE l.serial_number_id IN (SELECT id FROM target)
            AND s.type = 'amc' AND s.status <> 'cancelled' AND s.end_date IS NOT NULL
            AND s.deleted_at IS NULL AND l.deleted_at IS NULL
          GROUP BY l.serial_number_id),
       base AS (
         SELECT DISTINCT ON (l.serial_number_id) l.serial_number_id AS id, l.previous_contract_expires_at AS before
           FROM maintenance_schedule_serial l
           JOIN maintenance_schedule s ON s.id = l.schedule_id
          WHERE l.serial_number_id IN (SELECT id FROM target) AND s.type = 'amc'
          ORDER BY l.serial_number_id, l.created_at, l.id)
       SELECT sn.id, sn.serial_number, sn.status, sn.stock_location_id, sn.contract_expires_at AS current,
              CASE WHEN a.id IS NOT NULL THEN a.end_date ELSE b.before END AS wanted
         FROM serial_number sn
         JOIN target t ON t.id = sn.id
         LEFT JOIN active_end a ON a.id = sn.id
         LEFT JOIN base b ON b.id = sn.id
        WHERE sn.deleted_at IS NULL
        ORDER BY sn.id
        FOR UPDATE OF sn`,
      [json(serialIds)]
    )
  },

  async setContractExpiry(manager: SqlManager, rows: Array<{ id: string; contract_expires_at: string | null }>): Promise<void> {
    if (!rows.length) {
      return
    }
    await run(manager,
      `UPDATE serial_number AS s SET contract_expires_at = x.contract_expires_at, updated_at = now()
         FROM jsonb_to_recordset(?::jsonb) AS x(id text, contract_expires_at timestamptz)
        WHERE s.id = x.id`,
      [json(rows)]
    )
  },

  async lockClaim(manager: SqlManager, id: string): Promise<ClaimRow | null> {
    const [row] = await run(manager,
      `SELECT id, display_id, serial_number_id, status, resolution, replacement_serial_number_id, closed_at, metadata
         FROM warranty_claim WHERE id = ? AND deleted_at IS NULL FOR UPDATE`,
      [id]
    )
    return row ?? null
  },

  async insertClaim(
    manager: SqlManager,
    row: {
      id: string
      serial_number_id: string
      serial_number: string
      customer_id: string | null
      description: string
      maintenance_status: string | null
      covered: boolean
      warranty_expires_at: string | null
      contract_expires_at: string | null
      filed_at: string
      created_by: string | null
      idempotency_key: string | null
      metadata: Record<string, unknown> | null
    }
  ): Promise<void> {
    await run(manager,
      `INSERT INTO warranty_claim
         (id, serial_number_id, serial_number, customer_id, description, status, maintenance_status, covered,
          warranty_expires_at, contract_expires_at, filed_at, created_by, idempotency_key, metadata, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 'open', ?, ?, ?::timestamptz, ?::timestamptz, ?::timestamptz, ?, ?, ?::jsonb, now(), now())`,
      [
        row.id,
        row.serial_number_id,
        row.serial_number,
        row.customer_id,
        row.description,
        row.maintenance_status,
        row.covered,
        row.warranty_expires_at,
        row.contract_expires_at,
        row.filed_at,
        row.created_by,
        row.idempotency_key,
        row.metadata === null ? null : json(row.metadata),
      ]
    )
  },

  /**
   * A customer's claim filed with an idempotency key, and the customer's claims on a serial
   * that are still open or in progress (read under the serial's lock).
   */
  async findCustomerClaims(
    manager: SqlManager,
    customerId: string,
    serialNumberId: string,
    idempotencyKey: string | null
  ): Promise<{ byKey: { id: string; serial_number_id: string } | null; open: Array<{ id: string; display_id: number }> }> {
    const rows: Array<{ id: string; display_id: number; serial_number_id: string; status: string; idempotency_key: string | null }> =
      await run(manager,
        `SELECT id, display_id, serial_number_id, status, idempotency_key
           FROM warranty_claim
          WHERE customer_id = ? AND deleted_at IS NULL
            AND (idempotency_key = ? OR (serial_number_id = ? AND status IN ('open', 'in_progress')))
          ORDER BY display_id`,
        [customerId, idempotencyKey, serialNumberId]
      )
    return {
      byKey: idempotencyKey === null ? null : rows.find((r) => r.idempotency_key === idempotencyKey) ?? null,
      open: rows.filter((r) => r.serial_number_id === serialNumberId && (r.status === "open" || r.status === "in_progress")),
    }
  },

  async updateClaim(
    manager: SqlManager,
    id: string,
    patch: Partial<Pick<ClaimRow, "status" | "resolution" | "replacement_serial_number_id" | "closed_at" | "metadata">>
  ): Promise<void> {
    const columns = ["status", "resolution", "replacement_serial_number_id", "closed_at", "metadata"]
    await updateColumns(manager, "warranty_claim", id, columns, patch as Record<string, unknown>)
  },

  async purgeClaim(manager: SqlManager, id: string): Promise<void> {
    await run(manager, `UPDATE maintenance_visit SET warranty_claim_id = NULL WHERE warranty_claim_id = ?`, [id])
    await run(manager, `DELETE FROM warranty_claim WHERE id = ?`, [id])
  },

  async visitsOfClaim(manager: SqlManager, claimId: string): Promise<VisitRow[]> {
    return await run(manager,
      `SELECT ${VISIT_COLUMNS} FROM maintenance_visit WHERE warranty_claim_id = ? AND deleted_at IS NULL ORDER BY id FOR UPDATE`,
      [claimId]
    )
  },

  async setVisitsClaim(manager: SqlManager, ids: string[], claimId: string | null): Promise<void> {
    if (!ids.length) {
      return
    }
    await run(manager,
      `UPDATE maintenance_visit SET warranty_claim_id = ?, updated_at = now()
        WHERE id IN (SELECT jsonb_array_elements_text(?::jsonb))`,
      [claimId, json(ids)]
    )
  },

  // ------------------------------------------------------------ the daily job

  /** Serials whose end of life has passed and that are not expired (or scrapped) yet. */
  /**
   * The next `limit` serials past their end of life that have not expired, after the
   * cursor `after` (end of life as Postgres prints it, id): one range of the partial index
   * `IDX_serial_number_end_of_life_due`, which holds only serials still to expire, so the
   * pass never reads the millions that expired before.
   */
  async endOfLifeCandidates(
    manager: SqlManager,
    now: string,
    limit: number,
    after: EndOfLifeCursor | null = null
  ): Promise<Array<{ id: string; end_of_life_at: string }>> {
    return await run(
      manager,
      `SELECT id, end_of_life_at::text AS end_of_life_at FROM serial_number
        WHERE end_of_life_at <= ?::timestamptz AND status NOT IN ('expired', 'scrapped') AND deleted_at IS NULL
          ${after ? "AND (end_of_life_at, id) > (?::timestamptz, ?)" : ""}
        ORDER BY end_of_life_at, id
        LIMIT ?
        FOR UPDATE SKIP LOCKED`,
      [now, ...(after ? [after.end_of_life_at, after.id] : []), limit]
    )
  },

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

  async deleteNotificationLog(manager: SqlManager, ids: string[]): Promise<void> {
    if (!ids.length) {
      return
    }
    await run(manager, `DELETE FROM serial_notification WHERE id IN (SELECT jsonb_array_elements_text(?::jsonb))`, [
      json(ids),
    ])
  },
}
