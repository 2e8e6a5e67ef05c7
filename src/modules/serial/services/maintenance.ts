import { InjectManager, InjectTransactionManager, MedusaContext, MedusaError } from "@medusajs/framework/utils"
import type { Context, DAL, ModulesSdkTypes } from "@medusajs/framework/types"
import type { LedgerReference } from "../types"
import { generateId, SqlManager, toPgTimestamp } from "../lib/sql"
import { ledgerReference } from "../lib/ledger-reference"
import { addDays, formatDay, planSchedule, ScheduleError, SchedulePlan } from "../lib/schedule"
import { dayToTimestamp, FUTURE_TOLERANCE_MS, MAX_GENERATED_VISITS, VISIT_TRANSITIONS } from "../lib/maintenance-rules"
import type {
  CreateMaintenanceScheduleInput,
  LogMaintenanceVisitInput,
  ScheduleRow,
  ScheduleUndo,
  UpdateMaintenanceScheduleInput,
  UpdateMaintenanceVisitInput,
  VisitRow,
  VisitStatus,
  VisitUndo,
} from "../maintenance-types"
import { newOperationId } from "../lib/ids"
import type { SerialLedgerEntryRepository } from "../repositories/serial-ledger-entry"
import { type ContractRow, maintenanceSql } from "../repositories/maintenance"
import { warrantyClaimSql } from "../repositories/warranty-claim"
import { byId } from "../lib/by-id"
import { serialSql } from "../repositories/serial-number"

type InjectedDependencies = {
  baseRepository: DAL.RepositoryService
  serialLedgerEntryRepository: SerialLedgerEntryRepository
  maintenanceVisitService: ModulesSdkTypes.IMedusaInternalService<any>
}

/**
 * Maintenance schedules and their visits, and the service-contract expiry of serials that
 * `amc` schedules (or an admin) set. Every change returns what its workflow compensation
 * needs to put things back.
 */
/** Visits the agenda shows per week, and overdue ones: a week of a large service team fits. */
export const AGENDA_LIMIT = 500

export default class MaintenanceService {
  protected readonly baseRepository_: DAL.RepositoryService
  protected readonly ledger_: SerialLedgerEntryRepository
  protected readonly maintenanceVisitService_: ModulesSdkTypes.IMedusaInternalService<any>

  constructor({ baseRepository, serialLedgerEntryRepository, maintenanceVisitService }: InjectedDependencies) {
    this.baseRepository_ = baseRepository
    this.ledger_ = serialLedgerEntryRepository
    this.maintenanceVisitService_ = maintenanceVisitService
  }

  /**
   * Creates a maintenance schedule for serials and generates its visits (one per serial
   * and visit day, calendar-aware, see lib/schedule.ts). An `amc` schedule sets its
   * serials' contract expiry to its end date, with a `contract_change` ledger row each.
   * Refuses, naming them, unknown, repeated, scrapped or expired serials, and rules that
   * contradict each other.
   */
  /**
   * The visit days a schedule's rules generate, by the rules `createSchedule` applies,
   * without saving anything (the admin's preview before saving). A rule that cannot be
   * planned is a 400 naming the field.
   */
  /**
   * The agenda of the week starting on `week_start` (a Monday, as the caller chose it):
   * its visits and, as of `today`, the overdue ones, at most AGENDA_LIMIT of each.
   */
  @InjectManager()
  async agenda(
    input: { week_start: string; today: string; technician?: string | null; stock_location_id?: string | null },
    @MedusaContext() sharedContext: Context = {}
  ) {
    const found = await maintenanceSql.agenda(sharedContext.manager as SqlManager, {
      from: dayToTimestamp(input.week_start),
      to: dayToTimestamp(addDays(input.week_start, 7)),
      today: dayToTimestamp(input.today),
      technician: input.technician ?? null,
      stock_location_id: input.stock_location_id ?? null,
      limit: AGENDA_LIMIT + 1,
    })
    return {
      visits: found.visits.slice(0, AGENDA_LIMIT),
      overdue: found.overdue.slice(0, AGENDA_LIMIT),
      technicians: found.technicians,
      // More than the page shows: it says so instead of counting them.
      truncated: found.visits.length > AGENDA_LIMIT || found.overdue.length > AGENDA_LIMIT,
    }
  }

  planSchedule(input: Pick<CreateMaintenanceScheduleInput, "type" | "periodicity" | "interval" | "start_date" | "end_date" | "visit_count" | "first_visit_on_start">): SchedulePlan {
    let plan: SchedulePlan
    try {
      plan = planSchedule({
        periodicity: input.periodicity,
        interval: input.interval ?? null,
        start_date: input.start_date,
        end_date: input.end_date ?? null,
        visit_count: input.visit_count ?? null,
        first_visit_on_start: input.first_visit_on_start ?? false,
      })
    } catch (e) {
      if (e instanceof ScheduleError) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, e.message)
      }
      throw e
    }
    if (input.type === "amc" && !plan.end_date) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "An amc schedule sets its serials' contract expiry to its end_date: give end_date (or visit_count, from which it is derived)"
      )
    }
    return plan
  }

  @InjectTransactionManager()
  async createSchedule(
    input: CreateMaintenanceScheduleInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ id: string; undo: ScheduleUndo }> {
    const manager = sharedContext.transactionManager as SqlManager
    const ids = input.serial_number_ids
    const repeated = [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))]
    if (repeated.length) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Field 'serial_number_ids' names serials more than once: ${repeated.join(", ")}`)
    }
    const plan = this.planSchedule(input)
    const total = plan.visit_dates.length * ids.length
    if (total > MAX_GENERATED_VISITS) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `The schedule would generate ${total} visits (${plan.visit_dates.length} for each of ${ids.length} serials), more than the ${MAX_GENERATED_VISITS} one schedule may have; split it`
      )
    }

    const serials = byId(await serialSql.lockSerials(manager, { id: ids }, { columns: "full" }))
    const missing = ids.filter((id) => !serials.has(id))
    if (missing.length) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Serial numbers not found: ${missing.join(", ")}`)
    }
    const retired = ids.map((id) => serials.get(id)!).filter((s) => s.status === "scrapped" || s.status === "expired")
    if (retired.length) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Serials out of service cannot be scheduled for maintenance: ${retired.map((s) => `${s.serial_number} (${s.status})`).join(", ")}`
      )
    }
    const owners = [...new Set(ids.map((id) => serials.get(id)!.customer_id).filter((c): c is string => !!c))]
    const customerId = input.customer_id !== undefined ? input.customer_id : owners.length === 1 ? owners[0] : null
    if (customerId) {
      // A schedule's customer sees its serials and visits in their account: only their own.
      const others = ids.map((id) => serials.get(id)!).filter((s) => s.customer_id !== customerId)
      if (others.length) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `A schedule for customer ${customerId} can hold only that customer's serials; not theirs: ${others
            .slice(0, 20)
            .map((s) => `${s.serial_number} (${s.customer_id ? `customer ${s.customer_id}` : "no customer"})`)
            .join(", ")}`
        )
      }
    }

    const id = generateId("snmsch")
    const operation_id = newOperationId()
    await maintenanceSql.insertSchedule(manager, {
      id,
      type: input.type,
      periodicity: input.periodicity,
      interval_value: input.periodicity === "custom" ? input.interval?.value ?? null : null,
      interval_unit: input.periodicity === "custom" ? input.interval?.unit ?? null : null,
      start_date: dayToTimestamp(input.start_date),
      end_date: plan.end_date ? dayToTimestamp(plan.end_date) : null,
      visit_count: plan.visit_count,
      first_visit_on_start: input.first_visit_on_start ?? false,
      assignee: input.assignee ?? null,
      customer_id: customerId,
      notes: input.notes ?? null,
      created_by: input.actor_id ?? null,
      metadata: input.metadata ?? null,
    })
    await maintenanceSql.insertScheduleSerials(
      manager,
      id,
      ids.map((sid) => ({
        serial_number_id: sid,
        previous_contract_expires_at: input.type === "amc" ? toPgTimestamp(serials.get(sid)!.contract_expires_at) ?? null : null,
      }))
    )
    await maintenanceSql.insertVisits(
      manager,
      ids.flatMap((sid) =>
        plan.visit_dates.map((day) => ({
          id: generateId("snvis"),
          schedule_id: id,
          serial_number_id: sid,
          scheduled_date: dayToTimestamp(day),
          status: "pending",
          kind: "scheduled",
          completed_at: null,
          technician: input.assignee ?? null,
          notes: null,
          warranty_claim_id: null,
          created_by: input.actor_id ?? null,
        }))
      )
    )
    const contracts =
      input.type === "amc"
        ? await this.syncContracts_(manager, ids, {
            reference_type: "maintenance_schedule",
            reference_id: id,
            actor_type: input.actor_id ? "user" : null,
            actor_id: input.actor_id ?? null,
            operation_id,
          })
        : []
    const schedule = (await maintenanceSql.lockSchedule(manager, id)) as ScheduleRow
    return { id, undo: { operation_id, schedule, visits: [], contracts } }
  }

  /** Undoes `createMaintenanceSchedule` (workflow compensation): contracts back, everything removed. */
  @InjectTransactionManager()
  async undoCreateSchedule(
    id: string,
    undo: ScheduleUndo,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    const manager = sharedContext.transactionManager as SqlManager
    await maintenanceSql.setContractExpiry(manager, undo.contracts)
    await this.ledger_.deleteOperation(undo.operation_id, sharedContext)
    await maintenanceSql.purgeSchedule(manager, id)
  }

  /**
   * Changes a schedule: its assignee (pending visits that had the old assignee follow),
   * notes, metadata, or its status. Cancelling or completing an active schedule cancels
   * its pending visits; cancelling an `amc` schedule puts its serials' contract expiry
   * back (to the latest other `amc` schedule covering them, or what they had before).
   */
  @InjectTransactionManager()
  async updateSchedule(
    id: string,
    input: UpdateMaintenanceScheduleInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ id: string; undo: ScheduleUndo }> {
    const manager = sharedContext.transactionManager as SqlManager
    const schedule = await maintenanceSql.lockSchedule(manager, id)
    if (!schedule) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Maintenance schedule with id "${id}" was not found`)
    }
    const operation_id = newOperationId()
    const undo: ScheduleUndo = { operation_id, schedule: { ...schedule }, visits: [], contracts: [] }
    const patch: Partial<ScheduleRow> = {}
    const now = new Date()

    let closing = false
    if (input.status !== undefined) {
      if (schedule.status !== "active") {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `Maintenance schedule ${id} is ${schedule.status} and cannot become ${input.status}: only an active schedule can be cancelled or completed`
        )
      }
      closing = true
      patch.status = input.status
      if (input.status === "cancelled") {
        patch.cancelled_at = now
      } else {
        patch.completed_at = now
      }
    }
    const open = await maintenanceSql.lockScheduleVisits(manager, id, ["pending"])
    if (closing && open.length) {
      undo.visits.push(...open)
      await maintenanceSql.setVisitsStatus(manager, open.map((v) => v.id), "cancelled")
    }
    if (input.assignee !== undefined && input.assignee !== schedule.assignee) {
      patch.assignee = input.assignee
      if (!closing) {
        const following = open.filter((v) => v.technician === schedule.assignee || v.technician === null)
        undo.visits.push(...following)
        await maintenanceSql.setVisitsTechnician(manager, following.map((v) => v.id), input.assignee)
      }
    }
    if (input.notes !== undefined) {
      patch.notes = input.notes
    }
    if (input.metadata !== undefined) {
      patch.metadata = input.metadata
    }
    await maintenanceSql.updateSchedule(manager, id, patch)
    if (schedule.type === "amc" && patch.status === "cancelled") {
      const serialIds = await maintenanceSql.scheduleSerialIds(manager, id)
      undo.contracts = await this.syncContracts_(manager, serialIds, {
        reference_type: "maintenance_schedule",
        reference_id: id,
        actor_type: input.actor_id ? "user" : null,
        actor_id: input.actor_id ?? null,
        operation_id,
        data: { cancelled: true },
      })
    }
    return { id, undo }
  }

  /** Puts a schedule, its visits and its serials' contracts back as they were (workflow compensation). */
  @InjectTransactionManager()
  async undoScheduleChange(undo: ScheduleUndo, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    const manager = sharedContext.transactionManager as SqlManager
    const s = undo.schedule
    await maintenanceSql.updateSchedule(manager, s.id, {
      status: s.status,
      assignee: s.assignee,
      cancelled_at: s.cancelled_at,
      completed_at: s.completed_at,
      notes: s.notes,
      metadata: s.metadata,
    })
    if (s.deleted_at === null) {
      await maintenanceSql.setScheduleDeleted(manager, s.id, null)
    }
    await maintenanceSql.writeVisits(manager, undo.visits)
    await maintenanceSql.setContractExpiry(manager, undo.contracts)
    await this.ledger_.deleteOperation(undo.operation_id, sharedContext)
  }

  /**
   * Deletes a schedule with its visits (soft, like every Medusa record). A schedule with
   * completed visits is refused: cancel it instead, so their history stays. Deleting an
   * `amc` schedule puts its serials' contract expiry back, as cancelling does.
   */
  @InjectTransactionManager()
  async deleteSchedule(
    id: string,
    actorId: string | null,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ id: string; undo: ScheduleUndo }> {
    const manager = sharedContext.transactionManager as SqlManager
    const schedule = await maintenanceSql.lockSchedule(manager, id)
    if (!schedule) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Maintenance schedule with id "${id}" was not found`)
    }
    const counts = await maintenanceSql.countScheduleVisits(manager, id, { generatedOnly: false })
    const done = (counts.completed ?? 0) + (counts.partially_completed ?? 0)
    if (done) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Maintenance schedule ${id} has ${done} completed visit${done === 1 ? "" : "s"} and cannot be deleted: cancel it instead, so that their history stays`
      )
    }
    const operation_id = newOperationId()
    const undo: ScheduleUndo = { operation_id, schedule: { ...schedule }, visits: [], contracts: [] }
    await maintenanceSql.setScheduleDeleted(manager, id, new Date().toISOString())
    if (schedule.type === "amc" && schedule.status !== "cancelled") {
      const serialIds = await maintenanceSql.scheduleSerialIds(manager, id)
      undo.contracts = await this.syncContracts_(manager, serialIds, {
        reference_type: "maintenance_schedule",
        reference_id: id,
        actor_type: actorId ? "user" : null,
        actor_id: actorId,
        operation_id,
        data: { deleted: true },
      })
    }
    return { id, undo }
  }

  /**
   * Sets serials' service-contract expiry by hand, one `contract_change` ledger row per
   * serial that changes. Returns the previous values (for undo).
   */
  @InjectTransactionManager()
  async setContractExpiry(
    rows: Array<{ id: string; contract_expires_at: Date | string | null }>,
    reference: LedgerReference,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<Array<{ id: string; contract_expires_at: string | null }>> {
    const manager = sharedContext.transactionManager as SqlManager
    const current = byId(await serialSql.lockSerials(manager, { id: rows.map((r) => r.id) }, { columns: "full" }))
    const missing = rows.filter((r) => !current.has(r.id)).map((r) => r.id)
    if (missing.length) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Serial numbers not found: ${missing.join(", ")}`)
    }
    return await this.writeContracts_(
      manager,
      rows.map((r) => {
        const s = current.get(r.id)!
        return { ...s, current: s.contract_expires_at, wanted: r.contract_expires_at === null ? null : new Date(r.contract_expires_at) }
      }),
      reference
    )
  }

  /** Brings serials' contract expiry in line with the `amc` schedules covering them. */
  protected async syncContracts_(
    manager: SqlManager,
    serialIds: string[],
    reference: LedgerReference
  ): Promise<Array<{ id: string; contract_expires_at: string | null }>> {
    return await this.writeContracts_(manager, await maintenanceSql.contractTargets(manager, serialIds), reference)
  }

  protected async writeContracts_(
    manager: SqlManager,
    rows: ContractRow[],
    reference: LedgerReference
  ): Promise<Array<{ id: string; contract_expires_at: string | null }>> {
    const time = (d: Date | string | null) => (d === null ? null : new Date(d).getTime())
    const changes = rows.filter((r) => time(r.current) !== time(r.wanted))
    if (!changes.length) {
      return []
    }
    const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString())
    await maintenanceSql.setContractExpiry(
      manager,
      changes.map((r) => ({ id: r.id, contract_expires_at: iso(r.wanted) }))
    )
    const ref = ledgerReference(reference)
    await this.ledger_.append(
      reference.operation_id ?? newOperationId(),
      changes.map((r) => ({
        serial_number_id: r.id,
        serial_number: r.serial_number,
        type: "contract_change",
        from_status: r.status,
        to_status: r.status,
        from_location_id: r.stock_location_id,
        to_location_id: r.stock_location_id,
        ...ref,
        data: { ...(ref.data ?? {}), changes: { contract_expires_at: { from: iso(r.current), to: iso(r.wanted) } } },
      })),
      { transactionManager: manager }
    )
    return changes.map((r) => ({ id: r.id, contract_expires_at: iso(r.current) }))
  }

  /**
   * Changes a visit: complete, partially complete or cancel it (pending -> completed,
   * partially_completed or cancelled; partially_completed -> completed or cancelled),
   * reschedule it while it is open, and set its technician and notes. When the last open
   * visit of an active schedule is done, the schedule becomes `completed`.
   */
  @InjectTransactionManager()
  async updateVisit(
    id: string,
    input: UpdateMaintenanceVisitInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ id: string; undo: VisitUndo }> {
    const manager = sharedContext.transactionManager as SqlManager
    const notFound = () => new MedusaError(MedusaError.Types.NOT_FOUND, `Maintenance visit with id "${id}" was not found`)
    // The schedule is locked before its visit, in the order a schedule change takes them.
    const [peek] = await this.maintenanceVisitService_.list({ id }, { select: ["id", "schedule_id"] }, sharedContext)
    if (!peek) {
      throw notFound()
    }
    const schedule = peek.schedule_id ? await maintenanceSql.lockSchedule(manager, peek.schedule_id) : null
    const visit = (await maintenanceSql.lockVisits(manager, [id])).get(id)
    if (!visit) {
      throw notFound()
    }
    const undo: VisitUndo = { visits: [{ ...visit }], schedule: null }
    const now = new Date()
    const next: VisitRow = { ...visit }

    if (input.status !== undefined) {
      const allowed = VISIT_TRANSITIONS[visit.status as VisitStatus]
      if (!allowed.includes(input.status)) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `Visit ${id} is ${visit.status} and cannot become ${input.status}` +
            (allowed.length ? ` (a ${visit.status} visit can become ${allowed.join(" or ")})` : ` (a ${visit.status} visit is final)`)
        )
      }
      next.status = input.status
    }
    const doneNow = next.status === "completed" || next.status === "partially_completed"
    if (input.completed_at !== undefined && input.completed_at !== null && !doneNow) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Field 'completed_at' is only for a completed or partially completed visit; this one is ${next.status}`
      )
    }
    if (doneNow) {
      const at = input.completed_at ? new Date(input.completed_at) : input.status !== undefined ? now : next.completed_at ?? now
      if (new Date(at).getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `Field 'completed_at' is in the future, got: '${new Date(at).toISOString()}'`
        )
      }
      next.completed_at = at as Date
    }
    if (input.scheduled_date !== undefined) {
      if (next.status !== "pending" && next.status !== "partially_completed") {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `Visit ${id} is ${next.status} and cannot be rescheduled (to ${input.scheduled_date}); only its technician and notes can change`
        )
      }
      next.scheduled_date = dayToTimestamp(input.scheduled_date) as unknown as Date
    }
    if (input.technician !== undefined) {
      next.technician = input.technician
    }
    if (input.notes !== undefined) {
      next.notes = input.notes
    }
    await maintenanceSql.writeVisits(manager, [
      {
        ...next,
        scheduled_date: toPgTimestamp(next.scheduled_date) as any,
        completed_at: toPgTimestamp(next.completed_at) as any,
      },
    ])

    if (schedule && input.status !== undefined && schedule.status === "active" && schedule.periodicity !== "manual") {
      const counts = await maintenanceSql.countScheduleVisits(manager, schedule.id, { generatedOnly: true })
      if (!(counts.pending ?? 0) && !(counts.partially_completed ?? 0)) {
        undo.schedule = { ...schedule }
        await maintenanceSql.updateSchedule(manager, schedule.id, { status: "completed", completed_at: now })
      }
    }
    return { id, undo }
  }

  /** Puts visits (and the schedule an update completed) back as they were (workflow compensation). */
  @InjectTransactionManager()
  async undoVisitUpdate(undo: VisitUndo, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    const manager = sharedContext.transactionManager as SqlManager
    await maintenanceSql.writeVisits(manager, undo.visits)
    if (undo.schedule) {
      await maintenanceSql.updateSchedule(manager, undo.schedule.id, {
        status: undo.schedule.status,
        completed_at: undo.schedule.completed_at,
      })
    }
  }

  /**
   * Logs a visit that no schedule generated: `unscheduled` or `breakdown`, for a serial,
   * optionally under one of its schedules and for one of its warranty claims.
   */
  @InjectTransactionManager()
  async logVisit(
    input: LogMaintenanceVisitInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ id: string }> {
    const manager = sharedContext.transactionManager as SqlManager
    const now = new Date()
    let technician = input.technician
    if (input.schedule_id) {
      const schedule = await maintenanceSql.lockSchedule(manager, input.schedule_id)
      if (!schedule) {
        throw new MedusaError(MedusaError.Types.NOT_FOUND, `Maintenance schedule with id "${input.schedule_id}" was not found`)
      }
      if (schedule.status === "cancelled") {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `Maintenance schedule ${schedule.id} is cancelled: log the visit without it`)
      }
      const covered = await maintenanceSql.scheduleSerialIds(manager, schedule.id)
      if (!covered.includes(input.serial_number_id)) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `Serial ${input.serial_number_id} is not covered by maintenance schedule ${schedule.id}`
        )
      }
      technician = technician === undefined ? schedule.assignee : technician
    }
    const [serial] = await serialSql.lockSerials(manager, { id: [input.serial_number_id] }, { columns: "full" })
    if (!serial) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Serial number with id "${input.serial_number_id}" was not found`)
    }
    if (input.warranty_claim_id) {
      const claim = await warrantyClaimSql.lockClaim(manager, input.warranty_claim_id)
      if (!claim) {
        throw new MedusaError(MedusaError.Types.NOT_FOUND, `Warranty claim with id "${input.warranty_claim_id}" was not found`)
      }
      if (claim.serial_number_id !== serial.id) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `Warranty claim ${claim.id} is for another serial than ${serial.serial_number}`
        )
      }
    }
    const status = input.status ?? "pending"
    const done = status === "completed" || status === "partially_completed"
    if (input.completed_at && !done) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Field 'completed_at' is only for a completed or partially completed visit; this one is ${status}`
      )
    }
    const completedAt = done ? (input.completed_at ? new Date(input.completed_at) : now) : null
    if (completedAt && completedAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Field 'completed_at' is in the future, got: '${completedAt.toISOString()}'`)
    }
    const id = generateId("snvis")
    await maintenanceSql.insertVisits(manager, [
      {
        id,
        schedule_id: input.schedule_id ?? null,
        serial_number_id: serial.id,
        scheduled_date: dayToTimestamp(input.scheduled_date ?? formatDay(now)),
        status,
        kind: input.kind,
        completed_at: completedAt ? completedAt.toISOString() : null,
        technician: technician ?? null,
        notes: input.notes ?? null,
        warranty_claim_id: input.warranty_claim_id ?? null,
        created_by: input.actor_id ?? null,
      },
    ])
    return { id }
  }

  /** Removes a logged visit (workflow compensation). */
  @InjectTransactionManager()
  async purgeVisit(id: string, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    await maintenanceSql.purgeVisit(sharedContext.transactionManager as SqlManager, id)
  }
}
