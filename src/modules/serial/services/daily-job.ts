import { InjectManager, InjectTransactionManager, MedusaContext } from "@medusajs/framework/utils"
import type { Context, DAL } from "@medusajs/framework/types"
import type { SerialPluginOptions } from "../lib/options"
import { SqlManager } from "../lib/sql"
import { addDays, formatDay } from "../lib/schedule"
import type { EndOfLifeCursor, ExpireUndo, OutboxRow, TakenReminders, VisitRow, WarrantySubject } from "../maintenance-types"
import type SerialMovementService from "./serial-movement"
import { newOperationId } from "../lib/ids"
import type { SerialLedgerEntryRepository } from "../repositories/serial-ledger-entry"
import { notificationSql } from "../repositories/serial-notification"
import { serialSql } from "../repositories/serial-number"

type InjectedDependencies = {
  baseRepository: DAL.RepositoryService
  serialLedgerEntryRepository: SerialLedgerEntryRepository
  serialOptions: SerialPluginOptions
  serialMovementService: SerialMovementService
}

/** The daily job's passes: serials past their end of life expire, each reminder is taken once. */
export default class DailyJobService {
  protected readonly baseRepository_: DAL.RepositoryService
  protected readonly ledger_: SerialLedgerEntryRepository
  protected readonly options_: SerialPluginOptions
  protected readonly movement_: SerialMovementService

  constructor({ baseRepository, serialLedgerEntryRepository, serialOptions, serialMovementService }: InjectedDependencies) {
    this.baseRepository_ = baseRepository
    this.ledger_ = serialLedgerEntryRepository
    this.options_ = serialOptions
    this.movement_ = serialMovementService
  }

  /**
   * The daily job's end-of-life pass: up to `limit` serials whose end of life has passed
   * move to `expired` through the status machine (one ledger row each). Scrapped serials
   * stay scrapped: a write-off is final and says more than "expired".
   */
  @InjectTransactionManager()
  async expireEndOfLife(
    now: Date,
    limit: number,
    after: EndOfLifeCursor | null = null,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ ids: string[]; undo: ExpireUndo | null; next: EndOfLifeCursor | null }> {
    const manager = sharedContext.transactionManager as SqlManager
    const candidates = await serialSql.endOfLifeCandidates(manager, now.toISOString(), limit, after)
    const ids = candidates.map((c) => c.id)
    if (!ids.length) {
      return { ids, undo: null, next: null }
    }
    const last = candidates[candidates.length - 1]
    const next = candidates.length === limit ? { end_of_life_at: last.end_of_life_at, id: last.id } : null
    const before = await serialSql.lockSerials(manager, { id: ids })
    const operation_id = newOperationId()
    await this.movement_.move(
      {
        ids,
        movement: "expire",
        reference: { reference_type: "end_of_life", actor_type: "system", operation_id },
      },
      sharedContext
    )
    return {
      ids,
      next,
      undo: {
        operation_id,
        serials: before.map((s) => ({ id: s.id, status: s.status, stock_location_id: s.stock_location_id })),
      },
    }
  }

  /** Undoes `expireEndOfLife` (workflow compensation). */
  @InjectTransactionManager()
  async undoExpireEndOfLife(undo: ExpireUndo | null, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    if (!undo) {
      return
    }
    const manager = sharedContext.transactionManager as SqlManager
    await serialSql.applyMoves(manager, undo.serials, {})
    await this.ledger_.deleteOperation(undo.operation_id, sharedContext)
  }

  /**
   * The daily job's reminders: visits due within `visit_due_days` (pending, today up to
   * and including that day), visits overdue (pending, before today) and delivered serials
   * whose warranty ends within `warranty_expiring_days`, each taken into the sent log so
   * that it is announced once. Up to `limit` of each kind per call.
   */
  @InjectTransactionManager()
  async takeReminders(
    now: Date,
    limit: number,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<TakenReminders> {
    const manager = sharedContext.transactionManager as SqlManager
    const today = formatDay(now)
    const dueUntil = addDays(today, this.options_.visit_due_days)
    const visit_due = await notificationSql.takeVisitReminders(
      manager,
      "visit_due",
      { from: `${today}T00:00:00.000Z`, to: `${dueUntil}T00:00:00.000Z`, toInclusive: true },
      limit
    )
    const visit_overdue = await notificationSql.takeVisitReminders(
      manager,
      "visit_overdue",
      { from: null, to: `${today}T00:00:00.000Z`, toInclusive: false },
      limit
    )
    const warranty_expiring = await notificationSql.takeWarrantyReminders(
      manager,
      {
        from: now.toISOString(),
        to: new Date(now.getTime() + this.options_.warranty_expiring_days * 86_400_000).toISOString(),
      },
      limit
    )
    return {
      visit_due,
      visit_overdue,
      warranty_expiring,
      log_ids: [...visit_due, ...visit_overdue, ...warranty_expiring].map((r) => r.log_id),
    }
  }

  /**
   * Takes the delivery notice of a fulfilment's serials into the outbox (once per
   * fulfilment): the row's id, or null when it was taken already.
   */
  @InjectTransactionManager()
  async takeDeliveryNotice(
    input: { fulfillment_id: string; order_id: string },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<string | null> {
    return await notificationSql.takeDeliveryNotice(sharedContext.transactionManager as SqlManager, input.fulfillment_id, input.order_id)
  }

  /** Forgets reminders taken by a run that failed, so the next run sends them (compensation). */
  @InjectTransactionManager()
  async releaseReminders(logIds: string[], @MedusaContext() sharedContext: Context = {}): Promise<void> {
    await notificationSql.deleteNotificationLog(sharedContext.transactionManager as SqlManager, logIds)
  }

  /**
   * Leases up to `limit` pending reminders to the caller, with what sending them needs:
   * the visits and serials they are about, read now.
   */
  @InjectTransactionManager()
  async claimNotifications(
    limit: number,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ rows: OutboxRow[]; visits: VisitRow[]; serials: WarrantySubject[] }> {
    const manager = sharedContext.transactionManager as SqlManager
    const rows = await notificationSql.claim(manager, limit)
    const visitIds = rows.filter((r) => r.kind === "visit_due" || r.kind === "visit_overdue").map((r) => r.subject_id)
    const serialIds = rows.filter((r) => r.kind === "warranty_expiring").map((r) => r.subject_id)
    return {
      rows,
      visits: await notificationSql.visits(manager, visitIds),
      serials: await notificationSql.serials(manager, serialIds),
    }
  }

  /** Marks leased reminders done: `sent`, or `skipped` (nobody to send them to). */
  @InjectManager()
  async finishNotifications(ids: string[], status: "sent" | "skipped", @MedusaContext() sharedContext: Context = {}): Promise<void> {
    await notificationSql.finish(sharedContext.manager as SqlManager, ids, status)
  }

  /** Records a failed send: tried again later, or given up after the last attempt. */
  @InjectManager()
  async failNotification(row: Pick<OutboxRow, "id" | "attempts">, error: string, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    await notificationSql.fail(sharedContext.manager as SqlManager, row, error)
  }
}
