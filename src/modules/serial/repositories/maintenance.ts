/**
 * Set-based SQL for maintenance schedules, their visits and the contract expiry that
 * `amc` schedules maintain. Rows travel as one JSON parameter
 * (`jsonb_to_recordset`), as in sql.ts; column names come from constants, never input.
 */
import { generateId, run, SqlManager, updateColumns } from "../lib/sql"
import type { ScheduleRow, VisitRow } from "../maintenance-types"

const json = (v: unknown) => JSON.stringify(v)

export type ContractRow = {
  id: string
  serial_number: string
  status: string
  stock_location_id: string | null
  current: Date | string | null
  wanted: Date | null
}

/** A visit on the agenda, with its serial's text and where the unit is. */
export type AgendaVisitRow = VisitRow & { serial_number: string; stock_location_id: string | null; customer_id: string | null }

export const VISIT_COLUMNS =
  "id, schedule_id, serial_number_id, scheduled_date, status, kind, completed_at, technician, notes, warranty_claim_id"

export const maintenanceSql = {
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

  // ------------------------------------------------------------ the agenda

  /**
   * A week's agenda: the visits of days `from` (inclusive) to `to` (exclusive) that are not
   * cancelled, and the pending visits before `today`, each with its serial's text and stock
   * location; optionally of one technician and of serials at one location. The technicians
   * of the same window (before the technician filter) for the page's picker. Reads the
   * (status, scheduled_date) index, one range per status.
   */
  async agenda(
    manager: SqlManager,
    q: { from: string; to: string; today: string; technician: string | null; stock_location_id: string | null; limit: number }
  ): Promise<{ visits: AgendaVisitRow[]; overdue: AgendaVisitRow[]; technicians: string[] }> {
    const columns = `v.id, v.schedule_id, v.serial_number_id, s.serial_number, s.stock_location_id, s.customer_id,
                     v.scheduled_date, v.status, v.kind, v.completed_at, v.technician, v.notes, v.warranty_claim_id`
    const where = `v.deleted_at IS NULL AND s.deleted_at IS NULL
                   AND (?::text IS NULL OR s.stock_location_id = ?)`
    const visits: AgendaVisitRow[] = await run(manager,
      `SELECT ${columns} FROM maintenance_visit v JOIN serial_number s ON s.id = v.serial_number_id
        WHERE v.status IN ('pending', 'completed', 'partially_completed')
          AND v.scheduled_date >= ?::timestamptz AND v.scheduled_date < ?::timestamptz
          AND ${where} AND (?::text IS NULL OR v.technician = ?)
        ORDER BY v.scheduled_date, v.id LIMIT ?`,
      [q.from, q.to, q.stock_location_id, q.stock_location_id, q.technician, q.technician, q.limit]
    )
    const overdue: AgendaVisitRow[] = await run(manager,
      `SELECT ${columns} FROM maintenance_visit v JOIN serial_number s ON s.id = v.serial_number_id
        WHERE v.status = 'pending' AND v.scheduled_date < ?::timestamptz
          AND ${where} AND (?::text IS NULL OR v.technician = ?)
        ORDER BY v.scheduled_date, v.id LIMIT ?`,
      [q.today, q.stock_location_id, q.stock_location_id, q.technician, q.technician, q.limit]
    )
    const technicians: Array<{ technician: string }> = await run(manager,
      `SELECT DISTINCT v.technician FROM maintenance_visit v JOIN serial_number s ON s.id = v.serial_number_id
        WHERE v.technician IS NOT NULL AND ${where}
          AND ((v.status IN ('pending', 'completed', 'partially_completed')
                AND v.scheduled_date >= ?::timestamptz AND v.scheduled_date < ?::timestamptz)
               OR (v.status = 'pending' AND v.scheduled_date < ?::timestamptz))
        ORDER BY v.technician LIMIT 200`,
      [q.stock_location_id, q.stock_location_id, q.from, q.to, q.today]
    )
    return { visits, overdue, technicians: technicians.map((t) => t.technician) }
  },

  // ------------------------------------------------------------ the daily job
}
