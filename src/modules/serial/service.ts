import {
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaError,
  MedusaService,
} from "@medusajs/framework/utils"
import type { Context } from "@medusajs/framework/types"
import {
  MaintenanceSchedule,
  MaintenanceScheduleSerial,
  MaintenanceVisit,
  SerialLedgerEntry,
  SerialNotification,
  SerialRegistration,
  SerialNumber,
  SerialReceipt,
  SerialReceiptLine,
  SerialSeries,
  SerialSeriesCounter,
  SerialSettings,
  WarrantyClaim,
} from "./models"
import { parsePluginOptions, SerialPluginOptions } from "./lib/options"
import { normalizeSerial, serialTextProblem } from "./lib/serial-text"
import {
  PlannedTransition,
  planTransition,
  SerialMovement,
  SerialStatus,
  TransitionError,
} from "./lib/status-machine"
import {
  formatSerial,
  parseSeriesPattern,
  resolvePattern,
  SeriesPatternError,
} from "./lib/series-pattern"
import { findSeriesOverlap } from "./lib/series-overlap"
import { generateId, LedgerRow, LockedSerial, sql, SqlManager, toPgTimestamp } from "./lib/sql"
import { expandFirstCount, expandRange, SerialInputError } from "./lib/serial-input"
import { CsvRecord, ImportOptions, ImportReport, runSerialImport, SerialImportCatalogue } from "./lib/import-engine"
import type {
  CreateSerialInput,
  LedgerReference,
  MoveSerialsInput,
  ReceiptLineInput,
  ReceiptRecordInput,
  ReceivedSerials,
  ReceiveSerialsInput,
  SerialSettingsInput,
  StockLevelFacts,
  UpdateSerialDetailsInput,
} from "./types"
import { fulfillmentSql, OrderSerialRow, snapshotsOf } from "./lib/fulfillment-sql"
import { replacementSql, returnSql } from "./lib/return-sql"
import { CLEARED_ASSIGNMENT, namedSerialProblem, throwProblems } from "./lib/order-rules"
import { warrantyFor } from "./lib/warranty"
import type {
  AssignFulfillmentSerialsInput,
  FulfillmentLineInput,
  OrderSerialsResult,
  ReserveLineSerialsInput,
  ReplacementGroup,
  ReplacementLink,
  ReturnSerialsInput,
  ReturnSerialsResult,
  SerialUndo,
  SwapLineSerialInput,
} from "./order-types"

// maintenance and claims
import { ContractRow, maintenanceSql, ScheduleRow, VisitRow } from "./lib/maintenance-sql"
import { addDays, formatDay, planSchedule, ScheduleError, SchedulePlan } from "./lib/schedule"
import {
  CLAIM_TRANSITIONS,
  claimCoverage,
  dayToTimestamp,
  FUTURE_TOLERANCE_MS,
  MAX_GENERATED_VISITS,
  VISIT_TRANSITIONS,
} from "./lib/maintenance-rules"
import { reportSql, SerialReportName, SerialReportParams } from "./lib/report-sql"
import { consistencySql, MedusaStockLevel } from "./lib/consistency-sql"
import { buildConsistencyReport, ConsistencyReport } from "./lib/consistency"
import { RegistrationRow, storefrontSerialNotFound, storefrontSql, StorefrontSerialRow } from "./lib/storefront-sql"
import type {
  ClaimedReminders,
  ClaimStatus,
  ClaimUndo,
  CreateMaintenanceScheduleInput,
  ExpireUndo,
  FileWarrantyClaimInput,
  LogMaintenanceVisitInput,
  ScheduleUndo,
  UpdateMaintenanceScheduleInput,
  UpdateMaintenanceVisitInput,
  UpdateWarrantyClaimInput,
  VisitStatus,
  VisitUndo,
} from "./maintenance-types"

/** Ledger entry types that mean a serial has taken part in a stock movement. */
const DETAIL_ONLY_ENTRY_TYPES = ["create", "update", "warranty_override"]

type InjectedDependencies = Record<string, unknown>

class SerialModuleService extends MedusaService({
  SerialNumber,
  SerialSeries,
  SerialSeriesCounter,
  SerialSettings,
  SerialLedgerEntry,
  SerialReceipt,
  SerialReceiptLine,
  MaintenanceSchedule,
  MaintenanceScheduleSerial,
  MaintenanceVisit,
  WarrantyClaim,
  SerialNotification,
  SerialRegistration,
}) {
  protected readonly options_: SerialPluginOptions

  constructor(container: InjectedDependencies, options?: unknown) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.options_ = parsePluginOptions(options)
  }

  getOptions(): SerialPluginOptions {
    return { ...this.options_ }
  }

  scopeKey(variantId: string): string {
    return this.options_.uniqueness_scope === "per_variant" ? variantId : ""
  }

  // ---------------------------------------------------------------- serial numbers

  /**
   * Creates serials directly (admin entry, CSV import): status `inactive`, no location,
   * one `create` ledger row each. Refuses, naming every offender, serials that are
   * malformed, repeated in the input or already taken.
   */
  @InjectManager()
  async createSerials(
    input: CreateSerialInput[],
    reference: LedgerReference = {},
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ id: string; serial_number: string }[]> {
    return await this.createSerials_(input, reference, sharedContext)
  }

  @InjectTransactionManager()
  protected async createSerials_(
    input: CreateSerialInput[],
    reference: LedgerReference,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ id: string; serial_number: string }[]> {
    const manager = sharedContext.transactionManager as SqlManager
    await this.assertSerialsAvailable_(input, manager)

    const rows = input.map((s) => {
      const plan = planTransition(
        { serial_number: s.serial_number, status: null, stock_location_id: null },
        "create"
      )
      return {
        id: generateId("sn"),
        serial_number: s.serial_number.trim(),
        normalized: normalizeSerial(s.serial_number),
        scope_key: this.scopeKey(s.variant_id),
        variant_id: s.variant_id,
        product_id: s.product_id ?? null,
        inventory_item_id: s.inventory_item_id ?? null,
        status: plan.to_status,
        series_id: s.series_id ?? null,
        end_of_life_at: toPgTimestamp(s.end_of_life_at),
        notes: s.notes ?? null,
        metadata: s.metadata ?? null,
        plan,
      }
    })

    await sql.insertSerials(manager, rows)
    await sql.insertLedger(
      manager,
      rows.map((r) => ({
        serial_number_id: r.id,
        serial_number: r.serial_number,
        type: "create",
        from_status: null,
        to_status: r.status,
        from_location_id: null,
        to_location_id: null,
        ...ledgerReference(reference),
      }))
    )
    return rows.map((r) => ({ id: r.id, serial_number: r.serial_number }))
  }

  /** Throws one error naming every serial that is malformed, repeated or already taken. */
  protected async assertSerialsAvailable_(
    input: { serial_number: string; variant_id: string }[],
    manager: SqlManager
  ): Promise<void> {
    const malformed: string[] = []
    const seen = new Map<string, string>()
    const repeated = new Set<string>()
    for (const s of input) {
      const problem = serialTextProblem(s.serial_number)
      if (problem) {
        malformed.push(problem)
        continue
      }
      const key = `${this.scopeKey(s.variant_id)}\u0000${normalizeSerial(s.serial_number)}`
      const first = seen.get(key)
      if (first === undefined) {
        seen.set(key, s.serial_number.trim())
      } else {
        repeated.add(first)
      }
    }
    if (malformed.length) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, malformed.join("; "))
    }
    if (repeated.size) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Serials repeated in the input: ${[...repeated].join(", ")}`
      )
    }
    const taken = await sql.findTakenSerials(
      manager,
      input.map((s) => ({ normalized: normalizeSerial(s.serial_number), scope_key: this.scopeKey(s.variant_id) }))
    )
    if (taken.length) {
      throw new MedusaError(
        MedusaError.Types.DUPLICATE_ERROR,
        `Serials already exist: ${taken.map((t) => t.serial_number).join(", ")}`
      )
    }
  }

  /**
   * Moves serials through the status machine: locks them, checks every one against the
   * transition table (refusing the whole batch, naming each serial that may not move),
   * then updates them and appends one ledger row each, in one transaction.
   */
  @InjectManager()
  async moveSerials(
    input: MoveSerialsInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ id: string; status: SerialStatus }[]> {
    return await this.moveSerials_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async moveSerials_(
    input: MoveSerialsInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ id: string; status: SerialStatus }[]> {
    const manager = sharedContext.transactionManager as SqlManager
    const ids = [...new Set(input.ids)]
    const current = await sql.lockSerials(manager, ids)
    const missing = ids.filter((id) => !current.has(id))
    if (missing.length) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Serials not found: ${missing.join(", ")}`)
    }
    return await this.moveLockedSerials_(ids.map((id) => current.get(id)!), input, sharedContext)
  }

  /**
   * `moveSerials` for rows this transaction has locked and read already (`FOR UPDATE`),
   * so a large fulfilment does not read its thousand serials twice.
   */
  protected async moveLockedSerials_(
    locked: LockedSerial[],
    input: Omit<MoveSerialsInput, "ids">,
    sharedContext: Context
  ): Promise<{ id: string; status: SerialStatus }[]> {
    const manager = sharedContext.transactionManager as SqlManager
    const current = new Map(locked.map((s) => [s.id, s]))
    const ids = [...current.keys()]
    const refused: string[] = []
    const plans = ids.map((id) => {
      const s = current.get(id)!
      try {
        return { id, serial: s, plan: planTransition(s, input.movement as SerialMovement, input.location_id) }
      } catch (e) {
        refused.push((e as Error).message)
        return null
      }
    })
    if (refused.length) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, refused.join("; "))
    }

    const planned = plans as NonNullable<(typeof plans)[number]>[]
    await sql.moveWithLedger(
      manager,
      planned.map((p) => ({
        id: p.id,
        status: p.plan.to_status,
        stock_location_id: p.plan.to_location_id,
        from_status: p.plan.from_status,
        from_location_id: p.plan.from_location_id,
      })),
      input.set ?? {},
      { type: input.movement, ...ledgerReference(input.reference ?? {}) }
    )
    return planned.map((p) => ({ id: p.id, status: p.plan.to_status }))
  }

  /**
   * Changes what an admin may change by hand: notes, metadata, end of life and the
   * warranty dates (an override, recorded as such). Status and location are not here:
   * they move only with stock.
   */
  @InjectManager()
  async updateSerialDetails(
    id: string,
    input: UpdateSerialDetailsInput,
    reference: LedgerReference = {},
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ id: string; previous: Record<string, unknown> }> {
    return await this.updateSerialDetails_(id, input, reference, sharedContext)
  }

  @InjectTransactionManager()
  protected async updateSerialDetails_(
    id: string,
    input: UpdateSerialDetailsInput,
    reference: LedgerReference,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ id: string; previous: Record<string, unknown> }> {
    const manager = sharedContext.transactionManager as SqlManager
    const current = (await sql.lockSerials(manager, [id])).get(id)
    if (!current) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Serial number with id "${id}" was not found`)
    }
    const before = await sql.readDetails(manager, id)
    const patch: Record<string, unknown> = {}
    const changed: Record<string, { from: unknown; to: unknown }> = {}
    for (const key of ["notes", "metadata", "end_of_life_at", "warranty_starts_at", "warranty_expires_at"] as const) {
      if (input[key] === undefined) {
        continue
      }
      const to = key.endsWith("_at") ? toPgTimestamp(input[key] as any) : input[key]
      patch[key] = to
      changed[key] = { from: before[key] ?? null, to: to ?? null }
    }
    const touchesWarranty = "warranty_starts_at" in patch || "warranty_expires_at" in patch
    if (touchesWarranty) {
      const starts = "warranty_starts_at" in patch ? patch.warranty_starts_at : before.warranty_starts_at
      const expires = "warranty_expires_at" in patch ? patch.warranty_expires_at : before.warranty_expires_at
      if (starts && expires && new Date(expires as string) < new Date(starts as string)) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `warranty_expires_at (${new Date(expires as string).toISOString()}) is before warranty_starts_at (${new Date(starts as string).toISOString()})`
        )
      }
      patch.warranty_overridden = true
    }
    if (!Object.keys(patch).length) {
      return { id, previous: before }
    }
    await sql.updateDetails(manager, id, patch)
    await sql.insertLedger(manager, [
      {
        serial_number_id: id,
        serial_number: current.serial_number,
        type: touchesWarranty ? "warranty_override" : "update",
        from_status: current.status,
        to_status: current.status,
        from_location_id: current.stock_location_id,
        to_location_id: current.stock_location_id,
        ...ledgerReference(reference),
        data: { changes: changed },
      },
    ])
    return { id, previous: before }
  }

  /** Puts back details saved by `updateSerialDetails` (workflow compensation). */
  @InjectTransactionManager()
  async restoreSerialDetails(
    id: string,
    previous: Record<string, unknown>,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    const manager = sharedContext.transactionManager as SqlManager
    await sql.updateDetails(manager, id, previous)
    await sql.deleteLatestLedgerEntry(manager, id)
  }

  /**
   * Deletes serials that never took part in a stock movement. A serial with stock history
   * stays: scrap or expire it instead, so its history remains.
   */
  @InjectManager()
  async removeSerials(
    ids: string[],
    reference: LedgerReference = {},
    @MedusaContext() sharedContext: Context = {}
  ): Promise<string[]> {
    return await this.removeSerials_(ids, reference, sharedContext)
  }

  @InjectTransactionManager()
  protected async removeSerials_(
    ids: string[],
    reference: LedgerReference,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<string[]> {
    const manager = sharedContext.transactionManager as SqlManager
    const current = await sql.lockSerials(manager, ids)
    const missing = ids.filter((id) => !current.has(id))
    if (missing.length) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Serial number with id "${missing.join(", ")}" was not found`)
    }
    const withHistory = await sql.serialsWithHistory(manager, ids, DETAIL_ONLY_ENTRY_TYPES)
    const blocked = ids.filter((id) => withHistory.has(id) || current.get(id)!.status !== "inactive")
    if (blocked.length) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Serials with stock history cannot be deleted (scrap them instead): ${blocked
          .map((id) => current.get(id)!.serial_number)
          .join(", ")}`
      )
    }
    await sql.insertLedger(
      manager,
      ids.map((id) => {
        const s = current.get(id)!
        return {
          serial_number_id: id,
          serial_number: s.serial_number,
          type: "delete",
          from_status: s.status,
          to_status: null,
          from_location_id: null,
          to_location_id: null,
          ...ledgerReference(reference),
        }
      })
    )
    await sql.softDeleteSerials(manager, ids)
    return ids
  }

  /** Undoes `removeSerials` (workflow compensation). */
  @InjectTransactionManager()
  async restoreRemovedSerials(ids: string[], @MedusaContext() sharedContext: Context = {}): Promise<void> {
    const manager = sharedContext.transactionManager as SqlManager
    await sql.restoreSerials(manager, ids)
  }

  /** Hard-deletes serials created by a step that is being compensated, with their ledger. */
  @InjectTransactionManager()
  async purgeSerials(ids: string[], @MedusaContext() sharedContext: Context = {}): Promise<void> {
    const manager = sharedContext.transactionManager as SqlManager
    await sql.purgeSerials(manager, ids)
  }

  // ---------------------------------------------------------------- purchase receipts

  /**
   * Posts a purchase receipt in ONE transaction: the document, its lines and its serials
   * in stock (see `receiveSerials`). A server that dies at any moment of it leaves the
   * whole receipt or nothing of it, never a posted document without its serials.
   */
  @InjectManager()
  async postReceipt(
    record: ReceiptRecordInput,
    receive: Omit<ReceiveSerialsInput, "receipt_id">,
    reference: LedgerReference = {},
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ receipt: { id: string; stock_location_id: string }; received: ReceivedSerials }> {
    return await this.postReceipt_(record, receive, reference, sharedContext)
  }

  @InjectTransactionManager()
  protected async postReceipt_(
    record: ReceiptRecordInput,
    receive: Omit<ReceiveSerialsInput, "receipt_id">,
    reference: LedgerReference,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ receipt: { id: string; stock_location_id: string }; received: ReceivedSerials }> {
    const { lines, ...header } = record
    const receipt = await this.createSerialReceipts(
      { ...header, received_at: new Date(header.received_at), status: "posted" },
      sharedContext
    )
    await this.createSerialReceiptLines(
      lines.map((l) => ({ ...l, receipt_id: receipt.id })),
      sharedContext
    )
    const received = await this.receiveSerials_({ ...receive, receipt_id: receipt.id }, reference, sharedContext)
    return { receipt: { id: receipt.id, stock_location_id: receipt.stock_location_id }, received }
  }

  /** Compensation of `postReceipt`: removes the receipt's serials, then the document. */
  @InjectTransactionManager()
  async undoPostReceipt(
    receiptId: string,
    received: ReceivedSerials,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    const manager = sharedContext.transactionManager as SqlManager
    await sql.purgeSerials(manager, received.created_ids)
    await sql.unreceiveExisting(manager, receiptId, received.received_existing_ids)
    await this.deleteSerialReceipts(receiptId, sharedContext)
  }

  /**
   * Puts the serials of a purchase receipt in stock at its location: new serials are
   * created `active`, serials entered earlier without stock (`inactive`, same variant) are
   * received. Lines name their serials as a list, a range or nothing (the variant's series
   * then issues them). Every problem in the whole receipt is reported at once, and nothing
   * is written unless all lines are right.
   */
  @InjectManager()
  async receiveSerials(
    input: ReceiveSerialsInput,
    reference: LedgerReference = {},
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ReceivedSerials> {
    return await this.receiveSerials_(input, reference, sharedContext)
  }

  @InjectTransactionManager()
  protected async receiveSerials_(
    input: ReceiveSerialsInput,
    reference: LedgerReference,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ReceivedSerials> {
    const manager = sharedContext.transactionManager as SqlManager
    const { problems, lines, existingByKey } = await this.planReceipt_(input, "issue", sharedContext)
    if (problems.length) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Receipt refused: ${problems.join("; ")}`)
    }

    // 4. Write: new serials created in stock, earlier ones moved in, one ledger row each.
    const common = {
      stock_location_id: input.stock_location_id,
      receipt_id: input.receipt_id,
      supplier_name: input.supplier_name,
      supplier_reference: input.supplier_reference,
      received_at: toPgTimestamp(input.received_at) ?? null,
    }
    const created: Parameters<typeof sql.insertSerials>[1] = []
    const movedByLine: Array<{ ids: string[]; unit_cost: number | null }> = []
    const ledger: Omit<LedgerRow, "id">[] = []
    const ref = ledgerReference({ reference_type: "purchase_receipt", reference_id: input.receipt_id, ...reference })
    // Without a receipt, the reference names what brought the stock (e.g. an inventory level).
    for (const line of lines) {
      const moved: string[] = []
      for (const serial of line.serials) {
        const found = existingByKey.get(normalizeSerial(serial))
        if (found) {
          const plan = planTransition(
            { serial_number: found.serial_number, status: found.status, stock_location_id: null },
            "receive",
            input.stock_location_id
          )
          moved.push(found.id)
          ledger.push({ serial_number_id: found.id, serial_number: found.serial_number, type: "receive", ...planColumns(plan), ...ref })
          continue
        }
        const plan = planTransition({ serial_number: serial, status: null, stock_location_id: null }, "receive", input.stock_location_id)
        const id = generateId("sn")
        created.push({
          id,
          serial_number: serial.trim(),
          normalized: normalizeSerial(serial),
          scope_key: this.scopeKey(line.variant_id),
          variant_id: line.variant_id,
          product_id: line.product_id,
          inventory_item_id: line.inventory_item_id,
          status: plan.to_status,
          series_id: line.series_id,
          notes: null,
          metadata: null,
          unit_cost: line.unit_cost ?? null,
          ...common,
        })
        ledger.push({ serial_number_id: id, serial_number: serial.trim(), type: "receive", ...planColumns(plan), ...ref })
      }
      movedByLine.push({ ids: moved, unit_cost: line.unit_cost ?? null })
    }
    await sql.insertSerials(manager, created)
    for (const { ids, unit_cost } of movedByLine) {
      if (!ids.length) {
        continue
      }
      await sql.applyMoves(
        manager,
        ids.map((id) => ({ id, status: "active", stock_location_id: input.stock_location_id })),
        { receipt_id: common.receipt_id, supplier_name: common.supplier_name, supplier_reference: common.supplier_reference, received_at: common.received_at }
      )
      await sql.setUnitCost(manager, ids, unit_cost)
    }
    await sql.insertLedger(manager, ledger)
    return {
      created_ids: created.map((c) => c.id),
      received_existing_ids: movedByLine.flatMap((m) => m.ids),
    }
  }

  /**
   * Every problem a receipt would be refused for, without writing anything: the same
   * checks as posting, with series values previewed instead of issued.
   */
  @InjectManager()
  async checkReceipt(
    input: ReceiveSerialsInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ problems: string[]; lines: Array<{ variant_id: string; quantity: number; serials: string[]; from_series: boolean }> }> {
    const { problems, lines } = await this.planReceipt_(input, "preview", sharedContext)
    return {
      problems,
      lines: lines.map((l) => ({ variant_id: l.variant_id, quantity: l.quantity, serials: l.serials, from_series: !!l.series_id })),
    }
  }

  /** The serials of each receipt line and what is wrong with them; `series` says whether to issue values or preview them. */
  protected async planReceipt_(input: ReceiveSerialsInput, series: "issue" | "preview", sharedContext: Context) {
    const manager = (sharedContext.transactionManager ?? sharedContext.manager) as SqlManager
    const problems: string[] = []

    // 1. The serials of each line, as text.
    const settings = await this.listSerialSettings(
      { variant_id: [...new Set(input.lines.map((l) => l.variant_id))] },
      {},
      sharedContext
    )
    const settingsByVariant = new Map(settings.map((s) => [s.variant_id, s]))
    const lines: Array<ReceiptLineInput & { serials: string[]; series_id: string | null }> = []
    for (const [index, line] of input.lines.entries()) {
      const label = `line ${index + 1} (${line.sku ?? line.variant_id})`
      const setting = settingsByVariant.get(line.variant_id)
      if (!setting?.is_serialized) {
        problems.push(`${label}: the variant is not serialized; turn serial tracking on in its settings first`)
        continue
      }
      let serials: string[] = []
      let seriesId: string | null = null
      try {
        if (line.serial_numbers?.length) {
          serials = line.serial_numbers
        } else if (line.range) {
          serials =
            "from" in line.range
              ? expandRange(line.range.from, line.range.to)
              : expandFirstCount(line.range.first, line.range.count)
        } else if (setting.series_id) {
          seriesId = setting.series_id
          const seriesContext = { sku: line.sku, date: new Date(input.received_at) }
          serials =
            series === "issue"
              ? await this.allocateSeriesValues_(setting.series_id, line.quantity, seriesContext, sharedContext)
              : await this.previewSeries(setting.series_id, line.quantity, seriesContext, sharedContext)
        } else {
          problems.push(`${label}: no serials given and the variant has no series to generate them`)
          continue
        }
      } catch (e) {
        if (e instanceof SerialInputError || e instanceof MedusaError) {
          problems.push(`${label}: ${e.message}`)
          continue
        }
        throw e
      }
      if (serials.length !== line.quantity) {
        problems.push(`${label}: ${serials.length} serial(s) for a quantity of ${line.quantity}`)
      }
      lines.push({ ...line, serials, series_id: seriesId })
    }

    // 2. Each serial well formed, and once in the whole receipt.
    const firstSeen = new Map<string, string>()
    const repeated = new Set<string>()
    for (const line of lines) {
      for (const serial of line.serials) {
        const problem = serialTextProblem(serial)
        if (problem) {
          problems.push(problem)
          continue
        }
        const key = `${this.scopeKey(line.variant_id)}\u0000${normalizeSerial(serial)}`
        const first = firstSeen.get(key)
        if (first === undefined) {
          firstSeen.set(key, serial.trim())
        } else {
          repeated.add(first)
        }
      }
    }
    if (repeated.size) {
      problems.push(`serials repeated in the receipt: ${[...repeated].join(", ")}`)
    }

    // 3. Serials that exist already: received if entered without stock, refused otherwise.
    const existing = await sql.findSerialsByKey(
      manager,
      lines.flatMap((l) =>
        l.serials.map((s) => ({ normalized: normalizeSerial(s), scope_key: this.scopeKey(l.variant_id) }))
      )
    )
    const existingByKey = new Map(existing.map((e) => [e.normalized, e]))
    const otherVariant: string[] = []
    const notReceivable: string[] = []
    for (const line of lines) {
      for (const serial of line.serials) {
        const found = existingByKey.get(normalizeSerial(serial))
        if (!found) {
          continue
        }
        if (found.variant_id !== line.variant_id) {
          otherVariant.push(`${found.serial_number} (${found.variant_id})`)
        } else if (found.status !== "inactive") {
          notReceivable.push(`${found.serial_number} (${found.status})`)
        } else if (found.customer_id) {
          // A unit a customer registered as bought elsewhere is theirs, not stock.
          notReceivable.push(`${found.serial_number} (registered to a customer)`)
        }
      }
    }
    if (otherVariant.length) {
      problems.push(`serials that belong to another variant: ${otherVariant.join(", ")}`)
    }
    if (notReceivable.length) {
      problems.push(`serials that already exist and are not awaiting stock: ${notReceivable.join(", ")}`)
    }
    return { problems, lines, existingByKey }
  }

  /** How many of a receipt's serials are in each status now. */
  @InjectManager()
  async receiptSerialCounts(
    receiptId: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<Record<string, number>> {
    return await sql.countByStatus(sharedContext.manager as SqlManager, { receipt_id: receiptId })
  }

  /**
   * Brings a serialized variant's serials in stock at a location up to Medusa's stocked
   * quantity when the variant has a series: the stock someone added by hand in Medusa's
   * admin gets generated serials. Compares totals, not deltas, so running it again (or
   * after the plugin's own receipts) adds nothing. Returns the serials it created.
   */
  @InjectManager()
  async fillStockFromSeries(
    level: StockLevelFacts,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ReceivedSerials> {
    return await this.fillStockFromSeries_(level, sharedContext)
  }

  @InjectTransactionManager()
  protected async fillStockFromSeries_(
    level: StockLevelFacts,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ReceivedSerials> {
    const none = { created_ids: [], received_existing_ids: [] }
    const manager = sharedContext.transactionManager as SqlManager
    const [setting] = await this.listSerialSettings({ variant_id: level.variant.id }, {}, sharedContext)
    if (!setting?.is_serialized || !setting.series_id) {
      return none
    }
    // One reconciliation per variant and location at a time, across server processes.
    await sql.lockKey(manager, `serial-stock:${level.variant.id}:${level.location_id}`)
    const inStock = await sql.countInStock(manager, level.variant.id, level.location_id)
    const missing = level.stocked_quantity - inStock
    if (missing <= 0) {
      return none
    }
    return await this.receiveSerials_(
      {
        receipt_id: null,
        stock_location_id: level.location_id,
        supplier_name: null,
        supplier_reference: null,
        received_at: new Date().toISOString(),
        lines: [
          {
            variant_id: level.variant.id,
            product_id: level.variant.product_id,
            inventory_item_id: level.variant.inventory_item_id,
            sku: level.variant.sku,
            quantity: missing,
          },
        ],
      },
      { reference_type: "inventory", reference_id: level.inventory_level_id, actor_type: "system" },
      sharedContext
    )
  }

  /** Serials of a variant in stock (active or reserved) per location. */
  @InjectManager()
  async countInStockByLocation(
    variantId: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<Record<string, number>> {
    return await sql.countInStockByLocation(sharedContext.manager as SqlManager, variantId)
  }

  /** Compensation of `receiveSerials`: removes what it created and puts back what it moved. */
  @InjectTransactionManager()
  async undoReceiveSerials(
    receiptId: string | null,
    received: ReceivedSerials,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    const manager = sharedContext.transactionManager as SqlManager
    await sql.purgeSerials(manager, received.created_ids)
    await sql.unreceiveExisting(manager, receiptId, received.received_existing_ids)
  }

  /**
   * Takes a canceled receipt's serials out of stock (`inactive`, no location). Refused,
   * naming them, while any of them has left the receipt's location or is spoken for.
   */
  @InjectManager()
  async unstockReceiptSerials(
    receiptId: string,
    stockLocationId: string,
    reference: LedgerReference = {},
    @MedusaContext() sharedContext: Context = {}
  ): Promise<string[]> {
    return await this.unstockReceiptSerials_(receiptId, stockLocationId, reference, sharedContext)
  }

  @InjectTransactionManager()
  protected async unstockReceiptSerials_(
    receiptId: string,
    stockLocationId: string,
    reference: LedgerReference,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<string[]> {
    const manager = sharedContext.transactionManager as SqlManager
    const serials = await sql.serialsOfReceipt(manager, receiptId)
    const gone = serials.filter((s) => s.status !== "active" || s.stock_location_id !== stockLocationId)
    if (gone.length) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Receipt cannot be canceled: serials no longer in stock at its location: ${gone
          .map((s) => `${s.serial_number} (${s.status})`)
          .join(", ")}`
      )
    }
    const ids = serials.map((s) => s.id)
    await this.moveSerials_(
      {
        ids,
        movement: "deactivate",
        reference: { reference_type: "purchase_receipt", reference_id: receiptId, ...reference, data: { canceled: true } },
      },
      sharedContext
    )
    return ids
  }

  /** Compensation of `unstockReceiptSerials`: the serials return to stock, the ledger rows go. */
  @InjectTransactionManager()
  async restockReceiptSerials(
    receiptId: string,
    stockLocationId: string,
    ids: string[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    const manager = sharedContext.transactionManager as SqlManager
    await sql.applyMoves(
      manager,
      ids.map((id) => ({ id, status: "active", stock_location_id: stockLocationId })),
      {}
    )
    await sql.deleteLedgerEntries(manager, { reference_id: receiptId, type: "deactivate", serial_ids: ids })
  }

  // ---------------------------------------------------------------- CSV import

  /**
   * Imports serials that exist already from CSV records (header first), in batches, all or
   * nothing: any problem in any row and nothing is saved (see lib/import-engine.ts for the
   * rules). A dry run checks everything and writes nothing. Returns the report either way;
   * the caller emits events for `created_ids`.
   */
  @InjectManager()
  async importSerials(
    records: AsyncIterable<CsvRecord>,
    catalogue: SerialImportCatalogue,
    options: ImportOptions,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ImportReport> {
    try {
      return await this.importSerials_(records, catalogue, options, sharedContext)
    } catch (e) {
      if (e instanceof ImportRefused) {
        return e.report
      }
      throw e
    }
  }

  @InjectTransactionManager()
  protected async importSerials_(
    records: AsyncIterable<CsvRecord>,
    catalogue: SerialImportCatalogue,
    options: ImportOptions,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ImportReport> {
    const report = await runSerialImport(
      records,
      {
        manager: boundSqlManager(sharedContext.transactionManager),
        catalogue,
        settings: async (variantIds) => {
          const rows = await this.listSerialSettings({ variant_id: variantIds }, {}, sharedContext)
          return new Map(rows.map((r) => [r.variant_id, r]))
        },
        scopeKey: (variantId) => this.scopeKey(variantId),
        uniquenessScope: this.options_.uniqueness_scope,
      },
      options
    )
    if (report.error_count && !options.dry_run) {
      // Thrown to roll back the batches written before the problem was found.
      throw new ImportRefused(report)
    }
    return report
  }

  // ---------------------------------------------------------------- series

  /** Refuses a malformed pattern, or one that can produce a serial another series can. */
  @InjectManager()
  async validateSeriesPattern(
    pattern: string,
    exceptSeriesId?: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    let parsed
    try {
      parsed = parseSeriesPattern(pattern)
    } catch (e) {
      if (e instanceof SeriesPatternError) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, e.message)
      }
      throw e
    }
    const others = await this.listSerialSeries({}, { select: ["id", "name", "pattern"] }, sharedContext)
    for (const other of others) {
      if (other.id === exceptSeriesId) {
        continue
      }
      const example = findSeriesOverlap(parsed, parseSeriesPattern(other.pattern))
      if (example !== null) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `Pattern "${pattern}" can produce the same serials as series "${other.name}" ("${other.pattern}"), for example "${example}"`
        )
      }
    }
  }

  /**
   * Issues the next `count` values of a series in one atomic counter update per block;
   * values that already exist as serials are skipped and never issued.
   */
  @InjectManager()
  async allocateSeriesValues(
    seriesId: string,
    count: number,
    context: { sku?: string | null; date?: Date } = {},
    @MedusaContext() sharedContext: Context = {}
  ): Promise<string[]> {
    return await this.allocateSeriesValues_(seriesId, count, context, sharedContext)
  }

  @InjectTransactionManager()
  protected async allocateSeriesValues_(
    seriesId: string,
    count: number,
    context: { sku?: string | null; date?: Date },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<string[]> {
    const manager = sharedContext.transactionManager as SqlManager
    const { parsed, resolved } = await this.resolveSeries_(seriesId, context, sharedContext)
    const issued: string[] = []
    let wanted = count
    while (wanted > 0) {
      const end = await sql.advanceCounter(manager, seriesId, resolved.key, wanted)
      const block: string[] = []
      for (let v = end - wanted + 1; v <= end; v++) {
        block.push(formatSerial(resolved, parsed.digits, v))
      }
      const existing = await sql.existingNormalized(manager, block.map(normalizeSerial))
      for (const value of block) {
        if (!existing.has(normalizeSerial(value))) {
          issued.push(value)
        }
      }
      wanted = count - issued.length
    }
    return issued
  }

  /** The next `count` values the series would issue, without issuing them. */
  @InjectManager()
  async previewSeries(
    seriesId: string,
    count: number,
    context: { sku?: string | null; date?: Date } = {},
    @MedusaContext() sharedContext: Context = {}
  ): Promise<string[]> {
    const manager = sharedContext.manager as SqlManager
    const { parsed, resolved } = await this.resolveSeries_(seriesId, context, sharedContext)
    let next = (await sql.readCounter(manager, seriesId, resolved.key)) + 1
    const values: string[] = []
    while (values.length < count) {
      const block: string[] = []
      for (let k = 0; k < count - values.length; k++, next++) {
        block.push(formatSerial(resolved, parsed.digits, next))
      }
      const existing = await sql.existingNormalized(manager, block.map(normalizeSerial))
      values.push(...block.filter((v) => !existing.has(normalizeSerial(v))))
    }
    return values
  }

  protected async resolveSeries_(
    seriesId: string,
    context: { sku?: string | null; date?: Date },
    sharedContext: Context
  ) {
    const series = await this.retrieveSerialSeries(seriesId, {}, sharedContext)
    const parsed = parseSeriesPattern(series.pattern)
    try {
      return { series, parsed, resolved: resolvePattern(parsed, context) }
    } catch (e) {
      if (e instanceof SeriesPatternError) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `Series "${series.name}": ${e.reason}`)
      }
      throw e
    }
  }

  /** Why a series cannot be deleted, or null when nothing uses it. */
  @InjectManager()
  async seriesUsage(
    seriesId: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ variants: number; serials: number }> {
    const manager = sharedContext.manager as SqlManager
    return await sql.seriesUsage(manager, seriesId)
  }

  // ---------------------------------------------------------------- settings

  /** Creates or replaces a variant's serial settings; returns the previous row for undo. */
  @InjectManager()
  async upsertVariantSettings(
    variantId: string,
    input: SerialSettingsInput,
    @MedusaContext() sharedContext: Context = {}
  ) {
    return await this.upsertVariantSettings_(variantId, input, sharedContext)
  }

  @InjectTransactionManager()
  protected async upsertVariantSettings_(
    variantId: string,
    input: SerialSettingsInput,
    @MedusaContext() sharedContext: Context = {}
  ) {
    if (input.series_id) {
      const [series] = await this.listSerialSeries({ id: input.series_id }, { select: ["id"] }, sharedContext)
      if (!series) {
        throw new MedusaError(MedusaError.Types.NOT_FOUND, `Serial series with id "${input.series_id}" was not found`)
      }
    }
    const [existing] = await this.listSerialSettings({ variant_id: variantId }, {}, sharedContext)
    const data = {
      variant_id: variantId,
      is_serialized: input.is_serialized ?? existing?.is_serialized ?? false,
      series_id: input.series_id !== undefined ? input.series_id : existing?.series_id ?? null,
      warranty_value: input.warranty !== undefined ? input.warranty?.value ?? null : existing?.warranty_value ?? null,
      warranty_unit: input.warranty !== undefined ? input.warranty?.unit ?? null : existing?.warranty_unit ?? null,
      contract_value: input.contract !== undefined ? input.contract?.value ?? null : existing?.contract_value ?? null,
      contract_unit: input.contract !== undefined ? input.contract?.unit ?? null : existing?.contract_unit ?? null,
      fulfillment_policy:
        input.fulfillment_policy !== undefined ? input.fulfillment_policy : existing?.fulfillment_policy ?? null,
    }
    if (existing) {
      const updated = await this.updateSerialSettings({ id: existing.id, ...data }, sharedContext)
      return { settings: updated, previous: existing }
    }
    const created = await this.createSerialSettings(data, sharedContext)
    return { settings: created, previous: null }
  }

  // ---------------------------------------------------------------- fulfilment

  /**
   * Assigns serials to the serialized lines of a fulfilment and delivers them, in one
   * transaction. Per line: the serials named in `serial_numbers[line_item_id]` (they must
   * exist, belong to the line's variant, be active or reserved for this line, and be at
   * the fulfilment's location; as many as units fulfilled), else those reserved for the
   * line at that location, then, under the `auto` policy, the oldest active ones there
   * (locked with SKIP LOCKED, so concurrent fulfilments never share one). Under `strict`
   * a line without enough serials is refused. Every problem of the whole fulfilment is
   * reported in one INVALID_DATA error, and then nothing moves.
   *
   * "Warranty only" variants (no inventory management) take serials given or reserved,
   * at any location; under `auto` the rest of such a line is left without serials.
   * Reservations of a line beyond what remains to be fulfilled are released.
   */
  @InjectManager()
  async assignFulfillmentSerials(
    input: AssignFulfillmentSerialsInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<OrderSerialsResult> {
    return await this.assignFulfillmentSerials_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async assignFulfillmentSerials_(
    input: AssignFulfillmentSerialsInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<OrderSerialsResult> {
    const manager = sharedContext.transactionManager as SqlManager
    const settings = await this.serializedSettings_(input.lines.map((l) => l.variant_id), sharedContext)
    const given = input.serial_numbers ?? {}
    const problems: string[] = []

    const linesById = new Map<string, FulfillmentLineInput>()
    for (const line of input.lines) {
      const known = linesById.get(line.line_item_id)
      linesById.set(line.line_item_id, known ? { ...known, quantity: known.quantity + line.quantity } : line)
    }
    for (const key of Object.keys(given)) {
      const line = linesById.get(key)
      if (!line) {
        problems.push(`additional_data.serial_numbers names line item ${key}, which is not in this fulfilment`)
      } else if (!settings.has(line.variant_id)) {
        problems.push(`Line ${line.label} is not serialized: remove it from additional_data.serial_numbers`)
      }
    }
    const lines = [...linesById.values()].filter((l) => settings.has(l.variant_id) && l.quantity > 0)
    if (!lines.length) {
      throwProblems(problems)
      return { moved: [], undo: null }
    }
    await fulfillmentSql.lockLines(manager, lines.map((l) => l.line_item_id))

    const chosen = new Map<string, OrderSerialRow[]>(lines.map((l) => [l.line_item_id, []]))
    const taken = new Set<string>()

    // 1. Serials named in the request.
    const named: Array<{ line: FulfillmentLineInput; text: string; key: string }> = []
    const seen = new Map<string, string>()
    for (const line of lines) {
      const texts = given[line.line_item_id]
      if (texts === undefined) {
        continue
      }
      if (texts.length !== line.quantity) {
        problems.push(
          `Line ${line.label}: ${texts.length} serial${texts.length === 1 ? "" : "s"} given for ${line.quantity} unit${line.quantity === 1 ? "" : "s"} fulfilled`
        )
      }
      for (const raw of texts) {
        const problem = serialTextProblem(raw)
        if (problem) {
          problems.push(`Line ${line.label}: ${problem}`)
          continue
        }
        const key = `${this.scopeKey(line.variant_id)}\u0000${normalizeSerial(raw)}`
        if (seen.has(key)) {
          problems.push(`Serial ${seen.get(key)} is given more than once`)
          continue
        }
        seen.set(key, raw.trim())
        named.push({ line, text: raw.trim(), key })
      }
    }
    const namedRows = await fulfillmentSql.lockByText(
      manager,
      named.map((n) => {
        const [scope_key, normalized] = n.key.split("\u0000")
        return { scope_key, normalized }
      })
    )
    const rowsByKey = new Map(namedRows.map((r) => [`${r.scope_key}\u0000${r.normalized}`, r]))
    for (const n of named) {
      const row = rowsByKey.get(n.key)
      const problem = row
        ? namedSerialProblem(row, n.line, input.location_id)
        : `Serial ${n.text} does not exist${this.options_.uniqueness_scope === "per_variant" ? " for this variant" : ""}`
      if (problem) {
        problems.push(problem)
      } else {
        chosen.get(n.line.line_item_id)!.push(row!)
        taken.add(row!.id)
      }
    }

    // 2. Serials reserved for the line, then 3. first in, first out (auto policy).
    const deliveredBefore = await fulfillmentSql.countByLine(manager, input.order_id)
    const reserved = await fulfillmentSql.lockReservedForLines(
      manager,
      input.order_id,
      lines.map((l) => l.line_item_id)
    )
    for (const line of lines) {
      if (given[line.line_item_id] !== undefined) {
        continue
      }
      const policy = settings.get(line.variant_id)!.fulfillment_policy ?? this.options_.default_fulfillment_policy
      const forLine = reserved.filter((r) => r.line_item_id === line.line_item_id)
      const usable = forLine.filter((r) => !line.manage_inventory || r.stock_location_id === input.location_id)
      const picked = usable.slice(0, line.quantity)
      let missing = line.quantity - picked.length
      if (missing > 0 && policy === "auto" && line.manage_inventory) {
        const fifo = await fulfillmentSql.pickFifo(manager, {
          variant_id: line.variant_id,
          location_id: input.location_id,
          count: missing,
          exclude: [...taken, ...picked.map((p) => p.id)],
        })
        picked.push(...fifo)
        missing -= fifo.length
        if (missing > 0) {
          problems.push(
            `Line ${line.label} lacks ${missing} of ${line.quantity} serials: only ${picked.length} in stock at the fulfilment's location ${input.location_id}`
          )
        }
      } else if (missing > 0 && policy === "strict") {
        const elsewhere = forLine.length - usable.length
        problems.push(
          `Line ${line.label} lacks ${missing} of ${line.quantity} serials (fulfilment policy strict): ` +
            `give them in additional_data.serial_numbers["${line.line_item_id}"] or reserve them for the line first` +
            (elsewhere ? ` (${elsewhere} reserved for it at another location)` : "")
        )
      }
      // auto, warranty only: the rest of the line stays without serials.
      for (const p of picked) {
        chosen.get(line.line_item_id)!.push(p)
        taken.add(p.id)
      }
    }
    throwProblems(problems)

    // Reservations beyond what is left to fulfil on the line are released.
    const toRelease: OrderSerialRow[] = []
    for (const line of lines) {
      const delivered = (deliveredBefore[line.line_item_id]?.delivered ?? 0) + chosen.get(line.line_item_id)!.length
      const left = reserved.filter((r) => r.line_item_id === line.line_item_id && !taken.has(r.id))
      const excess = left.length - Math.max(0, line.ordered_quantity - delivered)
      if (excess > 0) {
        toRelease.push(...left.slice(left.length - excess))
      }
    }

    const operation_id = generateId("snop")
    // Every row moved below was locked and read in full by this transaction above.
    const snapshots = snapshotsOf([...lines.flatMap((l) => chosen.get(l.line_item_id)!), ...toRelease])
    const deliveredAt = input.delivered_at ?? new Date()
    const reference = (data: Record<string, unknown> = {}): LedgerReference => ({
      reference_type: "fulfillment",
      reference_id: input.fulfillment_id,
      actor_type: input.actor_id ? "user" : null,
      actor_id: input.actor_id ?? null,
      data: { operation_id, order_id: input.order_id, ...data },
    })
    for (const line of lines) {
      const rows = chosen.get(line.line_item_id)!
      const warranty = warrantyFor(settings.get(line.variant_id), deliveredAt)
      for (const overridden of [false, true]) {
        const group = rows.filter((r) => !!r.warranty_overridden === overridden)
        if (!group.length) {
          continue
        }
        await this.moveLockedSerials_(
          group,
          {
            movement: "deliver",
            set: {
              customer_id: input.customer_id,
              order_id: input.order_id,
              line_item_id: line.line_item_id,
              fulfillment_id: input.fulfillment_id,
              delivered_at: deliveredAt,
              shipped_at: null,
              ...(overridden
                ? {}
                : { warranty_starts_at: warranty?.starts_at ?? null, warranty_expires_at: warranty?.expires_at ?? null }),
            },
            reference: reference({ line_item_id: line.line_item_id }),
          },
          sharedContext
        )
      }
    }
    if (toRelease.length) {
      await this.moveLockedSerials_(
        toRelease,
        {
          movement: "release",
          set: { order_id: null, line_item_id: null },
          reference: reference({ reason: "line fulfilled with other serials" }),
        },
        sharedContext
      )
    }
    return {
      moved: [
        ...lines.flatMap((l) =>
          chosen.get(l.line_item_id)!.map((r) => ({
            id: r.id,
            serial_number: r.serial_number,
            line_item_id: l.line_item_id,
            movement: "deliver" as const,
            status: "delivered" as const,
          }))
        ),
        ...toRelease.map((r) => ({
          id: r.id,
          serial_number: r.serial_number,
          line_item_id: null,
          movement: "release" as const,
          status: "active" as const,
        })),
      ],
      undo: { operation_id, snapshots },
    }
  }

  /**
   * A canceled fulfilment: its serials go back `active` where they were taken from, and
   * lose customer, order, line, fulfilment, delivery and (unless overridden) warranty.
   * Idempotent: a second call finds nothing left to move.
   */
  @InjectManager()
  async cancelFulfillmentSerials(
    input: { order_id: string; fulfillment_id: string; location_id: string | null; actor_id?: string | null },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<OrderSerialsResult> {
    return await this.cancelFulfillmentSerials_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async cancelFulfillmentSerials_(
    input: { order_id: string; fulfillment_id: string; location_id: string | null; actor_id?: string | null },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<OrderSerialsResult> {
    const manager = sharedContext.transactionManager as SqlManager
    const rows = await fulfillmentSql.lockOrderSerials(manager, {
      order_id: input.order_id,
      statuses: ["delivered"],
      fulfillment_id: input.fulfillment_id,
    })
    if (!rows.length) {
      return { moved: [], undo: null }
    }
    const origins = await fulfillmentSql.deliveredFrom(manager, rows.map((r) => r.id))
    const operation_id = generateId("snop")
    const snapshots = await fulfillmentSql.snapshot(manager, rows.map((r) => r.id))
    const groups = new Map<string, { location: string; overridden: boolean; ids: string[] }>()
    for (const r of rows) {
      const location = origins.get(r.id) ?? input.location_id
      if (!location) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `Serial ${r.serial_number}: the location it was delivered from is unknown`
        )
      }
      const key = `${location}\u0000${!!r.warranty_overridden}`
      const group = groups.get(key) ?? { location, overridden: !!r.warranty_overridden, ids: [] }
      group.ids.push(r.id)
      groups.set(key, group)
    }
    for (const g of groups.values()) {
      await this.moveSerials_(
        {
          ids: g.ids,
          movement: "cancel_fulfillment",
          location_id: g.location,
          set: {
            ...CLEARED_ASSIGNMENT,
            ...(g.overridden ? {} : { warranty_starts_at: null, warranty_expires_at: null }),
          },
          reference: {
            reference_type: "fulfillment",
            reference_id: input.fulfillment_id,
            actor_type: input.actor_id ? "user" : null,
            actor_id: input.actor_id ?? null,
            data: { operation_id, order_id: input.order_id },
          },
        },
        sharedContext
      )
    }
    return {
      moved: rows.map((r) => ({ id: r.id, serial_number: r.serial_number, line_item_id: r.line_item_id, movement: "cancel_fulfillment" as const, status: "active" as const })),
      undo: { operation_id, snapshots },
    }
  }

  /**
   * A shipped fulfilment: `shipped_at` on its serials and one `ship` ledger row each (no
   * status change). Idempotent: serials already stamped are left alone.
   */
  @InjectManager()
  async recordFulfillmentShipment(
    input: { order_id: string; fulfillment_id: string; shipped_at: Date | string },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<OrderSerialsResult> {
    return await this.recordFulfillmentShipment_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async recordFulfillmentShipment_(
    input: { order_id: string; fulfillment_id: string; shipped_at: Date | string },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<OrderSerialsResult> {
    const manager = sharedContext.transactionManager as SqlManager
    const rows = await fulfillmentSql.lockOrderSerials(manager, {
      order_id: input.order_id,
      statuses: ["delivered"],
      fulfillment_id: input.fulfillment_id,
      unshipped: true,
    })
    if (!rows.length) {
      return { moved: [], undo: null }
    }
    const operation_id = generateId("snop")
    const shippedAt = new Date(input.shipped_at).toISOString()
    const snapshots = await fulfillmentSql.snapshot(manager, rows.map((r) => r.id))
    await fulfillmentSql.setShippedAt(manager, rows.map((r) => r.id), shippedAt)
    await sql.insertLedger(
      manager,
      rows.map((r) => ({
        serial_number_id: r.id,
        serial_number: r.serial_number,
        type: "ship",
        from_status: r.status,
        to_status: r.status,
        from_location_id: r.stock_location_id,
        to_location_id: r.stock_location_id,
        reference_type: "fulfillment",
        reference_id: input.fulfillment_id,
        actor_type: null,
        actor_id: null,
        data: { operation_id, order_id: input.order_id, shipped_at: shippedAt },
      }))
    )
    return {
      moved: rows.map((r) => ({ id: r.id, serial_number: r.serial_number, line_item_id: r.line_item_id, movement: "ship" as const, status: r.status })),
      undo: { operation_id, snapshots },
    }
  }

  /** A canceled order: serials reserved for its lines go back `active`. Idempotent. */
  @InjectManager()
  async releaseOrderReservations(
    input: { order_id: string; actor_id?: string | null },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<OrderSerialsResult> {
    return await this.releaseOrderReservations_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async releaseOrderReservations_(
    input: { order_id: string; actor_id?: string | null },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<OrderSerialsResult> {
    const manager = sharedContext.transactionManager as SqlManager
    const rows = await fulfillmentSql.lockOrderSerials(manager, { order_id: input.order_id, statuses: ["reserved"] })
    if (!rows.length) {
      return { moved: [], undo: null }
    }
    const operation_id = generateId("snop")
    const snapshots = await fulfillmentSql.snapshot(manager, rows.map((r) => r.id))
    await this.moveSerials_(
      {
        ids: rows.map((r) => r.id),
        movement: "release",
        set: { order_id: null, line_item_id: null },
        reference: {
          reference_type: "order",
          reference_id: input.order_id,
          actor_type: input.actor_id ? "user" : null,
          actor_id: input.actor_id ?? null,
          data: { operation_id, reason: "order canceled" },
        },
      },
      sharedContext
    )
    return {
      moved: rows.map((r) => ({ id: r.id, serial_number: r.serial_number, line_item_id: r.line_item_id, movement: "release" as const, status: "active" as const })),
      undo: { operation_id, snapshots },
    }
  }

  /**
   * Reserves serials for an order line before fulfilment (status `reserved`, order and line
   * set). They must exist, belong to the line's variant and be active; the line may not
   * end up with more serials (delivered and reserved) than units ordered.
   */
  @InjectManager()
  async reserveLineSerials(
    input: ReserveLineSerialsInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<OrderSerialsResult> {
    return await this.reserveLineSerials_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async reserveLineSerials_(
    input: ReserveLineSerialsInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<OrderSerialsResult> {
    const manager = sharedContext.transactionManager as SqlManager
    const settings = await this.serializedSettings_([input.variant_id], sharedContext)
    if (!settings.has(input.variant_id)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Line ${input.label} is not serialized`)
    }
    await fulfillmentSql.lockLines(manager, [input.line_item_id])
    const problems: string[] = []
    const wanted: Array<{ text: string; key: string }> = []
    const seen = new Map<string, string>()
    for (const raw of input.serial_numbers) {
      const problem = serialTextProblem(raw)
      if (problem) {
        problems.push(problem)
        continue
      }
      const key = `${this.scopeKey(input.variant_id)}\u0000${normalizeSerial(raw)}`
      if (seen.has(key)) {
        problems.push(`Serial ${seen.get(key)} is given more than once`)
        continue
      }
      seen.set(key, raw.trim())
      wanted.push({ text: raw.trim(), key })
    }
    const rows = await fulfillmentSql.lockByText(
      manager,
      wanted.map((w) => {
        const [scope_key, normalized] = w.key.split("\u0000")
        return { scope_key, normalized }
      })
    )
    const byKey = new Map(rows.map((r) => [`${r.scope_key}\u0000${r.normalized}`, r]))
    const ok: OrderSerialRow[] = []
    for (const w of wanted) {
      const row = byKey.get(w.key)
      if (!row) {
        problems.push(`Serial ${w.text} does not exist`)
      } else if (row.variant_id !== input.variant_id) {
        problems.push(`Serial ${row.serial_number} belongs to another variant than line ${input.label}`)
      } else if (row.status === "reserved" && row.line_item_id === input.line_item_id) {
        problems.push(`Serial ${row.serial_number} is already reserved for this line`)
      } else if (row.status === "reserved") {
        problems.push(`Serial ${row.serial_number} is reserved for another order line`)
      } else if (row.status !== "active") {
        problems.push(`Serial ${row.serial_number} is ${row.status}, not in stock`)
      } else {
        ok.push(row)
      }
    }
    throwProblems(problems)
    const counts = (await fulfillmentSql.countByLine(manager, input.order_id))[input.line_item_id] ?? {}
    const delivered = counts.delivered ?? 0
    const reservedCount = counts.reserved ?? 0
    if (delivered + reservedCount + ok.length > input.ordered_quantity) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Line ${input.label} has ${input.ordered_quantity} unit${input.ordered_quantity === 1 ? "" : "s"}, ` +
          `${delivered} delivered with serials and ${reservedCount} reserved: ${ok.length} more cannot be reserved`
      )
    }
    const operation_id = generateId("snop")
    const snapshots = await fulfillmentSql.snapshot(manager, ok.map((r) => r.id))
    await this.moveSerials_(
      {
        ids: ok.map((r) => r.id),
        movement: "reserve",
        set: { order_id: input.order_id, line_item_id: input.line_item_id },
        reference: {
          reference_type: "order",
          reference_id: input.order_id,
          actor_type: input.actor_id ? "user" : null,
          actor_id: input.actor_id ?? null,
          data: { operation_id, line_item_id: input.line_item_id },
        },
      },
      sharedContext
    )
    return {
      moved: ok.map((r) => ({ id: r.id, serial_number: r.serial_number, line_item_id: input.line_item_id, movement: "reserve" as const, status: "reserved" as const })),
      undo: { operation_id, snapshots },
    }
  }

  /**
   * Replaces a serial on an order line before shipment. `from` (reserved for the line, or
   * delivered with an unshipped fulfilment) goes back `active` where it was taken from;
   * `to` (active, same variant, same location) takes over its reservation or delivery:
   * customer, fulfilment, delivered at and warranty. The ledger shows both moves.
   */
  @InjectManager()
  async swapLineSerial(
    input: SwapLineSerialInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<OrderSerialsResult> {
    return await this.swapLineSerial_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async swapLineSerial_(
    input: SwapLineSerialInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<OrderSerialsResult> {
    const manager = sharedContext.transactionManager as SqlManager
    const settings = await this.serializedSettings_([input.variant_id], sharedContext)
    if (!settings.has(input.variant_id)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Line ${input.label} is not serialized`)
    }
    for (const text of [input.from, input.to]) {
      const problem = serialTextProblem(text)
      if (problem) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, problem)
      }
    }
    const scope = this.scopeKey(input.variant_id)
    const fromKey = { scope_key: scope, normalized: normalizeSerial(input.from) }
    const toKey = { scope_key: scope, normalized: normalizeSerial(input.to) }
    if (fromKey.normalized === toKey.normalized) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Serial ${input.from.trim()} cannot be swapped for itself`)
    }
    await fulfillmentSql.lockLines(manager, [input.line_item_id])
    const rows = await fulfillmentSql.lockByText(manager, [fromKey, toKey])
    const from = rows.find((r) => r.normalized === fromKey.normalized)
    const to = rows.find((r) => r.normalized === toKey.normalized)
    const problems: string[] = []
    if (!from) {
      problems.push(`Serial ${input.from.trim()} does not exist`)
    } else if (
      from.order_id !== input.order_id ||
      from.line_item_id !== input.line_item_id ||
      !["reserved", "delivered"].includes(from.status)
    ) {
      problems.push(`Serial ${from.serial_number} is not assigned to line ${input.label}`)
    } else if (
      from.status === "delivered" &&
      (from.shipped_at || (from.fulfillment_id && input.shipped_fulfillment_ids?.includes(from.fulfillment_id)))
    ) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Serial ${from.serial_number} has been shipped; a shipped serial is exchanged through a return, not swapped`
      )
    }
    let origin: string | null = null
    if (from && !problems.length) {
      origin =
        from.status === "reserved"
          ? from.stock_location_id
          : (await fulfillmentSql.deliveredFrom(manager, [from.id])).get(from.id) ?? null
    }
    if (!to) {
      problems.push(`Serial ${input.to.trim()} does not exist`)
    } else if (to.variant_id !== input.variant_id) {
      problems.push(`Serial ${to.serial_number} belongs to another variant than line ${input.label}`)
    } else if (to.status !== "active") {
      problems.push(`Serial ${to.serial_number} is ${to.status}, not in stock`)
    } else if (origin && to.stock_location_id !== origin) {
      problems.push(
        `Serial ${to.serial_number} is at stock location ${to.stock_location_id}, not at ${origin} where ${from!.serial_number} was taken from`
      )
    }
    throwProblems(problems)

    const f = from!
    const t = to!
    const operation_id = generateId("snop")
    const snapshots = await fulfillmentSql.snapshot(manager, [f.id, t.id])
    const reference: LedgerReference = {
      reference_type: "order",
      reference_id: input.order_id,
      actor_type: input.actor_id ? "user" : null,
      actor_id: input.actor_id ?? null,
      data: {
        operation_id,
        line_item_id: input.line_item_id,
        swap: { from: f.serial_number, to: t.serial_number },
      },
    }
    if (f.status === "reserved") {
      await this.moveSerials_(
        { ids: [f.id], movement: "release", set: { order_id: null, line_item_id: null }, reference },
        sharedContext
      )
      await this.moveSerials_(
        {
          ids: [t.id],
          movement: "reserve",
          set: { order_id: input.order_id, line_item_id: input.line_item_id },
          reference,
        },
        sharedContext
      )
    } else {
      const deliveredAt = f.delivered_at ? new Date(f.delivered_at) : new Date()
      const warranty = warrantyFor(settings.get(input.variant_id), deliveredAt)
      await this.moveSerials_(
        {
          ids: [f.id],
          movement: "cancel_fulfillment",
          location_id: origin ?? t.stock_location_id,
          set: {
            ...CLEARED_ASSIGNMENT,
            ...(f.warranty_overridden ? {} : { warranty_starts_at: null, warranty_expires_at: null }),
          },
          reference,
        },
        sharedContext
      )
      await this.moveSerials_(
        {
          ids: [t.id],
          movement: "deliver",
          set: {
            customer_id: f.customer_id,
            order_id: input.order_id,
            line_item_id: input.line_item_id,
            fulfillment_id: f.fulfillment_id,
            delivered_at: deliveredAt,
            shipped_at: null,
            ...(t.warranty_overridden
              ? {}
              : { warranty_starts_at: warranty?.starts_at ?? null, warranty_expires_at: warranty?.expires_at ?? null }),
          },
          reference,
        },
        sharedContext
      )
    }
    return {
      moved: [
        {
          id: f.id,
          serial_number: f.serial_number,
          line_item_id: null,
          movement: f.status === "reserved" ? ("release" as const) : ("cancel_fulfillment" as const),
          status: "active" as const,
        },
        {
          id: t.id,
          serial_number: t.serial_number,
          line_item_id: input.line_item_id,
          movement: f.status === "reserved" ? ("reserve" as const) : ("deliver" as const),
          status: f.status === "reserved" ? ("reserved" as const) : ("delivered" as const),
        },
      ],
      undo: { operation_id, snapshots },
    }
  }

  /** Undoes what one of the order methods above did (workflow compensation). */
  @InjectTransactionManager()
  async undoSerialMoves(undo: SerialUndo | null | undefined, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    if (!undo?.snapshots.length) {
      return
    }
    const manager = sharedContext.transactionManager as SqlManager
    await fulfillmentSql.restoreSnapshots(manager, undo.snapshots)
    await fulfillmentSql.deleteOperationLedger(
      manager,
      undo.snapshots.map((s) => s.id),
      undo.operation_id
    )
  }

  /** Settings of the serialized variants among these, by variant id. */
  protected async serializedSettings_(variantIds: string[], sharedContext: Context) {
    const ids = [...new Set(variantIds)]
    if (!ids.length) {
      return new Map<string, any>()
    }
    const rows = await this.listSerialSettings({ variant_id: ids, is_serialized: true }, {}, sharedContext)
    return new Map(rows.map((r) => [r.variant_id, r]))
  }

  // ---------------------------------------------------------------- returns

  /**
   * Serials that came back with a return: restocked ones go `active` at the return's
   * location, the others `inactive`; both lose their customer, order and (unless
   * overridden) warranty, which their ledger rows keep. Without a selection, a line is
   * handled only when its returned units can only be its delivered serials (all of them,
   * all received or all damaged); the others are listed as awaiting the admin's choice.
   * Idempotent: serials already back are not delivered any more, and what a return already
   * took back counts against its quantities.
   */
  @InjectManager()
  async returnSerials(
    input: ReturnSerialsInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ReturnSerialsResult> {
    return await this.returnSerials_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async returnSerials_(
    input: ReturnSerialsInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ReturnSerialsResult> {
    const manager = sharedContext.transactionManager as SqlManager
    const delivered = await fulfillmentSql.lockOrderSerials(manager, { order_id: input.order_id, statuses: ["delivered"] })
    const already = await returnSql.returnedByLine(manager, input.return_id)
    const capacity = new Map(
      input.lines.map((l) => {
        const done = already.get(l.line_item_id) ?? { restock: 0, no_restock: 0 }
        return [
          l.line_item_id,
          { restock: l.received_quantity - done.restock, no_restock: l.damaged_quantity - done.no_restock },
        ]
      })
    )

    const chosen: Array<{ row: OrderSerialRow; restock: boolean }> = []
    const awaiting: ReturnSerialsResult["awaiting_selection"] = []
    if (input.selection) {
      const problems: string[] = []
      const byText = new Map(delivered.map((r) => [normalizeSerial(r.serial_number), r]))
      const seen = new Set<string>()
      for (const pick of input.selection) {
        const key = normalizeSerial(pick.serial_number)
        const row = byText.get(key)
        if (seen.has(key)) {
          problems.push(`serial ${pick.serial_number.trim()} is named twice`)
          continue
        }
        seen.add(key)
        if (!row) {
          problems.push(`serial ${pick.serial_number.trim()} is not delivered with this order`)
          continue
        }
        const room = capacity.get(row.line_item_id ?? "")
        if (!room) {
          problems.push(`serial ${row.serial_number} belongs to an order line that is not in this return`)
          continue
        }
        const restock = pick.restock ?? room.restock > 0
        const kind = restock ? "restock" : "no_restock"
        if (room[kind] <= 0) {
          problems.push(
            `serial ${row.serial_number}: its line has no ${restock ? "received" : "damaged"} unit left in this return`
          )
          continue
        }
        room[kind] -= 1
        chosen.push({ row, restock })
      }
      throwProblems(problems)
    } else {
      for (const line of input.lines) {
        const room = capacity.get(line.line_item_id)!
        const units = Math.max(room.restock, 0) + Math.max(room.no_restock, 0)
        if (units <= 0) {
          continue
        }
        const onLine = delivered.filter((r) => r.line_item_id === line.line_item_id)
        if (onLine.length === units && (room.restock <= 0 || room.no_restock <= 0)) {
          onLine.forEach((row) => chosen.push({ row, restock: room.restock > 0 }))
        } else if (onLine.length) {
          awaiting.push({ line_item_id: line.line_item_id, units, delivered_serials: onLine.length })
        }
      }
    }
    if (!chosen.length) {
      return { moved: [], undo: null, awaiting_selection: awaiting }
    }
    if (chosen.some((c) => c.restock) && !input.location_id) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Return ${input.return_id} has no stock location, so its serials cannot be restocked`
      )
    }

    const operation_id = generateId("snop")
    const snapshots = await fulfillmentSql.snapshot(manager, chosen.map((c) => c.row.id))
    const before = new Map(snapshots.map((snap) => [snap.id, snap]))
    const groups = new Map<
      string,
      { rows: OrderSerialRow[]; restock: boolean; overridden: boolean; warranty: { starts_at: unknown; expires_at: unknown } }
    >()
    for (const c of chosen) {
      const snap = before.get(c.row.id)
      const warranty = { starts_at: snap?.warranty_starts_at ?? null, expires_at: snap?.warranty_expires_at ?? null }
      const key = `${c.row.line_item_id}|${c.restock}|${!!c.row.warranty_overridden}|${String(warranty.starts_at)}|${String(warranty.expires_at)}`
      const group = groups.get(key) ?? { rows: [], restock: c.restock, overridden: !!c.row.warranty_overridden, warranty }
      group.rows.push(c.row)
      groups.set(key, group)
    }
    for (const g of groups.values()) {
      const first = g.rows[0]
      await this.moveSerials_(
        {
          ids: g.rows.map((r) => r.id),
          movement: g.restock ? "return_restock" : "return_no_restock",
          location_id: g.restock ? input.location_id : null,
          set: {
            ...CLEARED_ASSIGNMENT,
            ...(g.overridden ? {} : { warranty_starts_at: null, warranty_expires_at: null }),
          },
          reference: {
            reference_type: "return",
            reference_id: input.return_id,
            actor_type: input.actor_id ? "user" : "system",
            actor_id: input.actor_id ?? null,
            // Who had the serials: the ledger keeps it after the serial forgets it.
            data: {
              operation_id,
              order_id: input.order_id,
              line_item_id: first.line_item_id,
              customer_id: first.customer_id ?? null,
              fulfillment_id: first.fulfillment_id ?? null,
              // The warranty the customer had: the serial's dates are cleared for resale.
              warranty_starts_at: g.warranty.starts_at,
              warranty_expires_at: g.warranty.expires_at,
            },
          },
        },
        sharedContext
      )
    }
    return {
      moved: chosen.map((c) => ({
        id: c.row.id,
        serial_number: c.row.serial_number,
        line_item_id: c.row.line_item_id,
        movement: c.restock ? ("return_restock" as const) : ("return_no_restock" as const),
        status: c.restock ? ("active" as const) : ("inactive" as const),
      })),
      undo: { operation_id, snapshots },
      awaiting_selection: awaiting,
    }
  }

  /**
   * Links replacements to what they replace: in an exchange or claim, each serial delivered
   * on a line it added replaces a serial its return brought back (same variant first, then
   * in the order they came). Run after deliveries and after returns, whichever is last;
   * serials already linked are left alone, so running it again links nothing twice.
   */
  @InjectManager()
  async linkReplacements(
    orderId: string,
    groups: ReplacementGroup[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ReplacementLink[]> {
    return await this.linkReplacements_(orderId, groups, sharedContext)
  }

  @InjectTransactionManager()
  protected async linkReplacements_(
    orderId: string,
    groups: ReplacementGroup[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ReplacementLink[]> {
    const manager = sharedContext.transactionManager as SqlManager
    const links: ReplacementLink[] = []
    const ledger: Omit<LedgerRow, "id">[] = []
    for (const group of groups) {
      await sql.lockKey(manager, `serial-replacements:${group.return_id}`)
      const fresh = await replacementSql.unlinkedOnLines(manager, orderId, group.line_item_ids)
      const old = await replacementSql.returnedNotReplaced(manager, group.return_id)
      const pairs: Array<[typeof fresh[number], typeof old[number]]> = []
      for (const n of [...fresh]) {
        const i = old.findIndex((o) => o.variant_id === n.variant_id)
        if (i >= 0) {
          pairs.push([n, old.splice(i, 1)[0]])
          fresh.splice(fresh.indexOf(n), 1)
        }
      }
      while (fresh.length && old.length) {
        pairs.push([fresh.shift()!, old.shift()!])
      }
      for (const [n, o] of pairs) {
        links.push({ id: n.id, replaces_serial_number_id: o.id })
        ledger.push({
          serial_number_id: n.id,
          serial_number: n.serial_number,
          type: "replace",
          from_status: null,
          to_status: null,
          from_location_id: null,
          to_location_id: null,
          reference_type: group.source,
          reference_id: group.id,
          actor_type: "system",
          actor_id: null,
          data: { replaces_serial_number_id: o.id, replaces_serial_number: o.serial_number, order_id: orderId },
        })
      }
    }
    await replacementSql.setReplaces(manager, links)
    await sql.insertLedger(manager, ledger)
    return links
  }

  /** Undoes `linkReplacements` (workflow compensation). */
  @InjectTransactionManager()
  async unlinkReplacements(links: ReplacementLink[], @MedusaContext() sharedContext: Context = {}): Promise<void> {
    const manager = sharedContext.transactionManager as SqlManager
    await replacementSql.setReplaces(manager, links.map((l) => ({ id: l.id, replaces_serial_number_id: null })))
    await replacementSql.deleteReplaceLedger(manager, links)
  }

  /** The serials a return brought back so far. */
  @InjectManager()
  async listReturnSerials(returnId: string, @MedusaContext() sharedContext: Context = {}) {
    return await returnSql.serialsOfReturn(sharedContext.manager as SqlManager, returnId)
  }

  // ---------------------------------------------------------------- maintenance and claims

  /**
   * Creates a maintenance schedule for serials and generates its visits (one per serial
   * and visit day, calendar-aware, see lib/schedule.ts). An `amc` schedule sets its
   * serials' contract expiry to its end date, with a `contract_change` ledger row each.
   * Refuses, naming them, unknown, repeated, scrapped or expired serials, and rules that
   * contradict each other.
   */
  @InjectManager()
  async createMaintenanceSchedule(
    input: CreateMaintenanceScheduleInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ id: string; undo: ScheduleUndo }> {
    return await this.createMaintenanceSchedule_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async createMaintenanceSchedule_(
    input: CreateMaintenanceScheduleInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ id: string; undo: ScheduleUndo }> {
    const manager = sharedContext.transactionManager as SqlManager
    const ids = input.serial_number_ids
    const repeated = [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))]
    if (repeated.length) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Field 'serial_number_ids' names serials more than once: ${repeated.join(", ")}`)
    }
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
    const total = plan.visit_dates.length * ids.length
    if (total > MAX_GENERATED_VISITS) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `The schedule would generate ${total} visits (${plan.visit_dates.length} for each of ${ids.length} serials), more than the ${MAX_GENERATED_VISITS} one schedule may have; split it`
      )
    }

    const serials = await maintenanceSql.lockSerials(manager, ids)
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

    const id = generateId("snmsch")
    const operation_id = generateId("snop")
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
            data: { operation_id },
          })
        : []
    const schedule = (await maintenanceSql.lockSchedule(manager, id)) as ScheduleRow
    return { id, undo: { operation_id, schedule, visits: [], contracts } }
  }

  /** Undoes `createMaintenanceSchedule` (workflow compensation): contracts back, everything removed. */
  @InjectTransactionManager()
  async undoCreateMaintenanceSchedule(
    id: string,
    undo: ScheduleUndo,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    const manager = sharedContext.transactionManager as SqlManager
    await maintenanceSql.setContractExpiry(manager, undo.contracts)
    await maintenanceSql.deleteOperationLedger(manager, undo.operation_id)
    await maintenanceSql.purgeSchedule(manager, id)
  }

  /**
   * Changes a schedule: its assignee (pending visits that had the old assignee follow),
   * notes, metadata, or its status. Cancelling or completing an active schedule cancels
   * its pending visits; cancelling an `amc` schedule puts its serials' contract expiry
   * back (to the latest other `amc` schedule covering them, or what they had before).
   */
  @InjectManager()
  async updateMaintenanceSchedule(
    id: string,
    input: UpdateMaintenanceScheduleInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ id: string; undo: ScheduleUndo }> {
    return await this.updateMaintenanceSchedule_(id, input, sharedContext)
  }

  @InjectTransactionManager()
  protected async updateMaintenanceSchedule_(
    id: string,
    input: UpdateMaintenanceScheduleInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ id: string; undo: ScheduleUndo }> {
    const manager = sharedContext.transactionManager as SqlManager
    const schedule = await maintenanceSql.lockSchedule(manager, id)
    if (!schedule) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Maintenance schedule with id "${id}" was not found`)
    }
    const operation_id = generateId("snop")
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
        data: { operation_id, cancelled: true },
      })
    }
    return { id, undo }
  }

  /** Puts a schedule, its visits and its serials' contracts back as they were (workflow compensation). */
  @InjectTransactionManager()
  async undoMaintenanceScheduleChange(undo: ScheduleUndo, @MedusaContext() sharedContext: Context = {}): Promise<void> {
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
    await maintenanceSql.deleteOperationLedger(manager, undo.operation_id)
  }

  /**
   * Deletes a schedule with its visits (soft, like every Medusa record). A schedule with
   * completed visits is refused: cancel it instead, so their history stays. Deleting an
   * `amc` schedule puts its serials' contract expiry back, as cancelling does.
   */
  @InjectManager()
  async deleteMaintenanceSchedule(
    id: string,
    actorId: string | null = null,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ id: string; undo: ScheduleUndo }> {
    return await this.deleteMaintenanceSchedule_(id, actorId, sharedContext)
  }

  @InjectTransactionManager()
  protected async deleteMaintenanceSchedule_(
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
    const operation_id = generateId("snop")
    const undo: ScheduleUndo = { operation_id, schedule: { ...schedule }, visits: [], contracts: [] }
    await maintenanceSql.setScheduleDeleted(manager, id, new Date().toISOString())
    if (schedule.type === "amc" && schedule.status !== "cancelled") {
      const serialIds = await maintenanceSql.scheduleSerialIds(manager, id)
      undo.contracts = await this.syncContracts_(manager, serialIds, {
        reference_type: "maintenance_schedule",
        reference_id: id,
        actor_type: actorId ? "user" : null,
        actor_id: actorId,
        data: { operation_id, deleted: true },
      })
    }
    return { id, undo }
  }

  /**
   * Sets serials' service-contract expiry by hand, one `contract_change` ledger row per
   * serial that changes. Returns the previous values (for undo).
   */
  @InjectManager()
  async setContractExpiry(
    rows: Array<{ id: string; contract_expires_at: Date | string | null }>,
    reference: LedgerReference = {},
    @MedusaContext() sharedContext: Context = {}
  ): Promise<Array<{ id: string; contract_expires_at: string | null }>> {
    return await this.setContractExpiry_(rows, reference, sharedContext)
  }

  @InjectTransactionManager()
  protected async setContractExpiry_(
    rows: Array<{ id: string; contract_expires_at: Date | string | null }>,
    reference: LedgerReference,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<Array<{ id: string; contract_expires_at: string | null }>> {
    const manager = sharedContext.transactionManager as SqlManager
    const current = await maintenanceSql.lockSerials(manager, rows.map((r) => r.id))
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
    await sql.insertLedger(
      manager,
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
      }))
    )
    return changes.map((r) => ({ id: r.id, contract_expires_at: iso(r.current) }))
  }

  /**
   * Changes a visit: complete, partially complete or cancel it (pending -> completed,
   * partially_completed or cancelled; partially_completed -> completed or cancelled),
   * reschedule it while it is open, and set its technician and notes. When the last open
   * visit of an active schedule is done, the schedule becomes `completed`.
   */
  @InjectManager()
  async updateMaintenanceVisit(
    id: string,
    input: UpdateMaintenanceVisitInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ id: string; undo: VisitUndo }> {
    return await this.updateMaintenanceVisit_(id, input, sharedContext)
  }

  @InjectTransactionManager()
  protected async updateMaintenanceVisit_(
    id: string,
    input: UpdateMaintenanceVisitInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ id: string; undo: VisitUndo }> {
    const manager = sharedContext.transactionManager as SqlManager
    const notFound = () => new MedusaError(MedusaError.Types.NOT_FOUND, `Maintenance visit with id "${id}" was not found`)
    // The schedule is locked before its visit, in the order a schedule change takes them.
    const [peek] = await this.listMaintenanceVisits({ id }, { select: ["id", "schedule_id"] }, sharedContext)
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
  async undoMaintenanceVisitUpdate(undo: VisitUndo, @MedusaContext() sharedContext: Context = {}): Promise<void> {
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
  @InjectManager()
  async logMaintenanceVisit(
    input: LogMaintenanceVisitInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ id: string }> {
    return await this.logMaintenanceVisit_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async logMaintenanceVisit_(
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
    const serial = (await maintenanceSql.lockSerials(manager, [input.serial_number_id])).get(input.serial_number_id)
    if (!serial) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Serial number with id "${input.serial_number_id}" was not found`)
    }
    if (input.warranty_claim_id) {
      const claim = await maintenanceSql.lockClaim(manager, input.warranty_claim_id)
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
  async purgeMaintenanceVisit(id: string, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    await maintenanceSql.purgeVisit(sharedContext.transactionManager as SqlManager, id)
  }

  /**
   * Files a warranty claim for a serial. Coverage is computed here, from the serial's
   * warranty and contract dates at this moment (the SPEC's precedence), and stored with
   * the claim; the serial's ledger records the claim.
   */
  @InjectManager()
  async fileWarrantyClaim(
    input: FileWarrantyClaimInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ id: string }> {
    return await this.fileWarrantyClaim_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async fileWarrantyClaim_(
    input: FileWarrantyClaimInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ id: string }> {
    const manager = sharedContext.transactionManager as SqlManager
    const serial = (await maintenanceSql.lockSerials(manager, [input.serial_number_id])).get(input.serial_number_id)
    if (!serial) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Serial number with id "${input.serial_number_id}" was not found`)
    }
    const now = new Date()
    const coverage = claimCoverage(serial, now)
    const status = coverage.maintenance_status
    const id = generateId("snclm")
    await maintenanceSql.insertClaim(manager, {
      id,
      serial_number_id: serial.id,
      serial_number: serial.serial_number,
      customer_id: input.customer_id !== undefined ? input.customer_id : serial.customer_id,
      description: input.description,
      ...coverage,
      filed_at: now.toISOString(),
      created_by: input.actor_id ?? null,
      metadata: input.metadata ?? null,
    })
    await sql.insertLedger(manager, [
      {
        serial_number_id: serial.id,
        serial_number: serial.serial_number,
        type: "warranty_claim",
        from_status: serial.status,
        to_status: serial.status,
        from_location_id: serial.stock_location_id,
        to_location_id: serial.stock_location_id,
        reference_type: "claim",
        reference_id: id,
        actor_type: input.actor_id ? "user" : null,
        actor_id: input.actor_id ?? null,
        data: { maintenance_status: status },
      },
    ])
    return { id }
  }

  /** Removes a claim that is being undone, with its ledger row (workflow compensation). */
  @InjectTransactionManager()
  async purgeWarrantyClaim(id: string, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    const manager = sharedContext.transactionManager as SqlManager
    await manager.execute(`DELETE FROM serial_ledger_entry WHERE reference_type = 'claim' AND reference_id = ? AND type = 'warranty_claim'`, [id])
    await maintenanceSql.purgeClaim(manager, id)
  }

  /**
   * Changes a claim: its status (open -> in_progress -> resolved or rejected; open ->
   * rejected), resolution notes, replacement serial and the visits that belong to it.
   */
  @InjectManager()
  async updateWarrantyClaim(
    id: string,
    input: UpdateWarrantyClaimInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ id: string; from_status: ClaimStatus; undo: ClaimUndo }> {
    return await this.updateWarrantyClaim_(id, input, sharedContext)
  }

  @InjectTransactionManager()
  protected async updateWarrantyClaim_(
    id: string,
    input: UpdateWarrantyClaimInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ id: string; from_status: ClaimStatus; undo: ClaimUndo }> {
    const manager = sharedContext.transactionManager as SqlManager
    const claim = await maintenanceSql.lockClaim(manager, id)
    if (!claim) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Warranty claim with id "${id}" was not found`)
    }
    const undo: ClaimUndo = { claim: { ...claim }, visits: [] }
    const patch: Parameters<typeof maintenanceSql.updateClaim>[2] = {}
    if (input.status !== undefined) {
      const from = claim.status as ClaimStatus
      const allowed = CLAIM_TRANSITIONS[from]
      if (!allowed.includes(input.status)) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `Warranty claim ${id} cannot go from ${from} to ${input.status}` +
            (allowed.length ? ` (from ${from} it can go to ${allowed.join(" or ")})` : ` (a ${from} claim is closed)`)
        )
      }
      patch.status = input.status
      if (input.status === "resolved" || input.status === "rejected") {
        patch.closed_at = new Date()
      }
    }
    if (input.resolution !== undefined) {
      patch.resolution = input.resolution
    }
    if (input.metadata !== undefined) {
      patch.metadata = input.metadata
    }
    if (input.replacement_serial_number_id !== undefined) {
      const replacement = input.replacement_serial_number_id
      if (replacement !== null) {
        if (replacement === claim.serial_number_id) {
          throw new MedusaError(
            MedusaError.Types.INVALID_DATA,
            `Field 'replacement_serial_number_id' names the claimed serial itself, got: '${replacement}'`
          )
        }
        const found = await maintenanceSql.lockSerials(manager, [replacement])
        if (!found.has(replacement)) {
          throw new MedusaError(MedusaError.Types.NOT_FOUND, `Serial number with id "${replacement}" was not found`)
        }
      }
      patch.replacement_serial_number_id = replacement
    }
    if (input.visit_ids !== undefined) {
      const wanted = [...new Set(input.visit_ids)]
      const visits = await maintenanceSql.lockVisits(manager, wanted)
      const missing = wanted.filter((v) => !visits.has(v))
      if (missing.length) {
        throw new MedusaError(MedusaError.Types.NOT_FOUND, `Maintenance visits not found: ${missing.join(", ")}`)
      }
      const problems: string[] = []
      for (const v of visits.values()) {
        if (v.serial_number_id !== claim.serial_number_id) {
          problems.push(`visit ${v.id} is for serial ${v.serial_number_id}, not the claimed ${claim.serial_number_id}`)
        } else if (v.warranty_claim_id && v.warranty_claim_id !== id) {
          problems.push(`visit ${v.id} belongs to warranty claim ${v.warranty_claim_id}`)
        }
      }
      if (problems.length) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `Field 'visit_ids': ${problems.join("; ")}`)
      }
      const current = await maintenanceSql.visitsOfClaim(manager, id)
      const unlink = current.filter((v) => !visits.has(v.id)).map((v) => v.id)
      const link = wanted.filter((v) => visits.get(v)!.warranty_claim_id !== id)
      undo.visits = [
        ...unlink.map((v) => ({ id: v, warranty_claim_id: id })),
        ...link.map((v) => ({ id: v, warranty_claim_id: null })),
      ]
      await maintenanceSql.setVisitsClaim(manager, unlink, null)
      await maintenanceSql.setVisitsClaim(manager, link, id)
    }
    await maintenanceSql.updateClaim(manager, id, patch)
    return { id, from_status: claim.status as ClaimStatus, undo }
  }

  /** Puts a claim and its visit links back as they were (workflow compensation). */
  @InjectTransactionManager()
  async undoWarrantyClaimUpdate(undo: ClaimUndo, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    const manager = sharedContext.transactionManager as SqlManager
    const c = undo.claim
    await maintenanceSql.updateClaim(manager, c.id, {
      status: c.status,
      resolution: c.resolution,
      replacement_serial_number_id: c.replacement_serial_number_id,
      closed_at: c.closed_at,
      metadata: c.metadata,
    })
    for (const claimId of [c.id, null]) {
      await maintenanceSql.setVisitsClaim(
        manager,
        undo.visits.filter((v) => v.warranty_claim_id === claimId).map((v) => v.id),
        claimId
      )
    }
  }

  /**
   * The daily job's end-of-life pass: up to `limit` serials whose end of life has passed
   * move to `expired` through the status machine (one ledger row each). Scrapped serials
   * stay scrapped: a write-off is final and says more than "expired".
   */
  @InjectManager()
  async expireEndOfLife(
    now: Date,
    limit: number,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ ids: string[]; undo: ExpireUndo | null }> {
    return await this.expireEndOfLife_(now, limit, sharedContext)
  }

  @InjectTransactionManager()
  protected async expireEndOfLife_(
    now: Date,
    limit: number,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ ids: string[]; undo: ExpireUndo | null }> {
    const manager = sharedContext.transactionManager as SqlManager
    const ids = await maintenanceSql.endOfLifeCandidates(manager, now.toISOString(), limit)
    if (!ids.length) {
      return { ids, undo: null }
    }
    const before = await sql.lockSerials(manager, ids)
    const operation_id = generateId("snop")
    await this.moveSerials_(
      {
        ids,
        movement: "expire",
        reference: { reference_type: "end_of_life", actor_type: "system", data: { operation_id } },
      },
      sharedContext
    )
    return {
      ids,
      undo: {
        operation_id,
        serials: [...before.values()].map((s) => ({ id: s.id, status: s.status, stock_location_id: s.stock_location_id })),
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
    await sql.applyMoves(manager, undo.serials, {})
    await maintenanceSql.deleteOperationLedger(manager, undo.operation_id)
  }

  /**
   * The daily job's reminders: visits due within `visit_due_days` (pending, today up to
   * and including that day), visits overdue (pending, before today) and delivered serials
   * whose warranty ends within `warranty_expiring_days`, each claimed in the sent log so
   * that it is announced once. Up to `limit` of each kind per call.
   */
  @InjectManager()
  async claimReminders(
    now: Date,
    limit: number,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ClaimedReminders> {
    return await this.claimReminders_(now, limit, sharedContext)
  }

  @InjectTransactionManager()
  protected async claimReminders_(
    now: Date,
    limit: number,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ClaimedReminders> {
    const manager = sharedContext.transactionManager as SqlManager
    const today = formatDay(now)
    const dueUntil = addDays(today, this.options_.visit_due_days)
    const visit_due = await maintenanceSql.claimVisitReminders(
      manager,
      "visit_due",
      { from: `${today}T00:00:00.000Z`, to: `${dueUntil}T00:00:00.000Z`, toInclusive: true },
      limit
    )
    const visit_overdue = await maintenanceSql.claimVisitReminders(
      manager,
      "visit_overdue",
      { from: null, to: `${today}T00:00:00.000Z`, toInclusive: false },
      limit
    )
    const warranty_expiring = await maintenanceSql.claimWarrantyReminders(
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

  /** Forgets reminders claimed by a run that failed, so the next run sends them (compensation). */
  @InjectTransactionManager()
  async releaseReminders(logIds: string[], @MedusaContext() sharedContext: Context = {}): Promise<void> {
    await maintenanceSql.deleteNotificationLog(sharedContext.transactionManager as SqlManager, logIds)
  }

  /** One page of a report (see lib/report-sql.ts): one query, rows and total count. */
  @InjectManager()
  async serialReport(
    name: SerialReportName,
    params: SerialReportParams,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ rows: Record<string, unknown>[]; count: number }> {
    return await reportSql.run(sharedContext.manager as SqlManager, name, params)
  }

  // ---------------------------------------------------------------- consistency

  /** Ids of the variants whose serial settings say they are serialized. */
  @InjectManager()
  async listSerializedVariantIds(@MedusaContext() sharedContext: Context = {}): Promise<string[]> {
    return await consistencySql.serializedVariantIds(sharedContext.manager as SqlManager)
  }

  /**
   * The consistency check (see lib/consistency.ts): serials in stock against Medusa's
   * stocked quantity per serialized variant and location (the levels are read by the
   * caller from the inventory module, for the variants in `variant_ids`), no serial
   * delivered twice, and every serial equal to the replay of its ledger. Three statements
   * in one read-only transaction, so the parts see the same moment; at most `limit`
   * problems listed per part.
   */
  @InjectManager()
  async checkConsistency(
    input: { variant_ids: string[]; stock_levels: MedusaStockLevel[]; limit?: number },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ConsistencyReport> {
    return await this.checkConsistency_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async checkConsistency_(
    input: { variant_ids: string[]; stock_levels: MedusaStockLevel[]; limit?: number },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ConsistencyReport> {
    const manager = sharedContext.transactionManager as SqlManager
    const limit = input.limit ?? 1000
    // One snapshot for the three statements: a movement committing in between cannot
    // show as a problem.
    await manager.execute(`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY`)
    const stock = await consistencySql.stock(manager, input.variant_ids, input.stock_levels)
    const ledger = await consistencySql.ledger(manager, limit)
    const state = await consistencySql.state(manager, limit)
    return buildConsistencyReport({ serialized_variants: input.variant_ids.length, stock, ledger, state })
  }

  // ---------------------------------------------------------------- storefront

  /**
   * The public warranty look-up: a serial that belongs to a customer, by its text
   * (trimmed, case-insensitive). Null for unknown serials and for serials never sold, so
   * the answer cannot tell stock from nonsense. The caller checks the text first.
   */
  @InjectManager()
  async storefrontFindSoldSerial(
    text: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<StorefrontSerialRow | null> {
    return await storefrontSql.findSoldSerial(sharedContext.manager as SqlManager, normalizeSerial(text))
  }

  /** A customer's own serials, each with its next visit date. */
  @InjectManager()
  async storefrontListCustomerSerials(
    customerId: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<StorefrontSerialRow[]> {
    return await storefrontSql.listCustomerSerials(sharedContext.manager as SqlManager, customerId)
  }

  /** A customer's own serial by its text, or null (unknown and someone else's alike). */
  @InjectManager()
  async storefrontFindCustomerSerial(
    customerId: string,
    text: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<StorefrontSerialRow | null> {
    return await storefrontSql.findCustomerSerial(sharedContext.manager as SqlManager, customerId, normalizeSerial(text))
  }

  /** A customer's own pending visits from today on (optionally of some serials only). */
  @InjectManager()
  async storefrontListCustomerVisits(
    customerId: string,
    serialIds?: string[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<any[]> {
    return await storefrontSql.listCustomerVisits(sharedContext.manager as SqlManager, customerId, serialIds)
  }

  /** A customer's own warranty claims, newest first. */
  @InjectManager()
  async storefrontListCustomerClaims(customerId: string, @MedusaContext() sharedContext: Context = {}): Promise<any[]> {
    return await storefrontSql.listCustomerClaims(sharedContext.manager as SqlManager, customerId)
  }

  /**
   * Registers a serial bought elsewhere to a customer: it must exist, be `inactive`
   * (entered without stock, e.g. sold through a reseller) and belong to nobody. It gets the
   * customer and a warranty from `purchased_at` for the variant's period (unless an admin
   * overrode it); the ledger records `register`. Anything else is the same 404 as an
   * unknown serial, so the answer never tells whether someone else owns it.
   */
  @InjectManager()
  async storefrontRegisterSerial(
    input: { customer_id: string; serial_number: string; purchased_at: Date },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ serial_number_id: string | null; registration: RegistrationRow | null }> {
    return await this.storefrontRegisterSerial_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async storefrontRegisterSerial_(
    input: { customer_id: string; serial_number: string; purchased_at: Date },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ serial_number_id: string | null; registration: RegistrationRow | null }> {
    const manager = sharedContext.transactionManager as SqlManager
    const candidates = await storefrontSql.lockRegistrable(manager, normalizeSerial(input.serial_number))
    if (candidates.length !== 1) {
      // none, or (per-variant uniqueness) several units with that text: ambiguous.
      throw storefrontSerialNotFound(input.serial_number)
    }
    const serial = candidates[0]
    if (this.options_.registration_requires_approval) {
      // Registering again while one is pending answers the pending one.
      const registration =
        (await storefrontSql.findPendingRegistration(manager, serial.id, input.customer_id)) ??
        (await storefrontSql.insertRegistration(manager, {
          id: generateId("snreg"),
          serial_number_id: serial.id,
          serial_number: serial.serial_number,
          customer_id: input.customer_id,
          purchased_at: input.purchased_at.toISOString(),
        }))
      return { serial_number_id: null, registration }
    }
    await this.giveSerialToCustomer_(manager, serial, input.customer_id, input.purchased_at, {
      reference_type: "customer",
      reference_id: input.customer_id,
      actor_type: "customer",
      actor_id: input.customer_id,
    })
    return { serial_number_id: serial.id, registration: null }
  }

  /**
   * An admin's decision on a pending registration. Approving gives the serial to the
   * customer as a direct registration does, if it still is registrable (`inactive`, nobody's);
   * rejecting changes nothing on the serial. A decided registration cannot be decided again.
   */
  @InjectManager()
  async decideSerialRegistration(
    input: { id: string; action: "approve" | "reject"; note?: string | null; actor_id?: string | null },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<RegistrationRow> {
    return await this.decideSerialRegistration_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async decideSerialRegistration_(
    input: { id: string; action: "approve" | "reject"; note?: string | null; actor_id?: string | null },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<RegistrationRow> {
    const manager = sharedContext.transactionManager as SqlManager
    const registration = await storefrontSql.lockRegistration(manager, input.id)
    if (!registration) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Serial registration with id "${input.id}" was not found`)
    }
    if (registration.status !== "pending") {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Serial registration ${registration.id} is ${registration.status} and cannot be ${input.action === "approve" ? "approved" : "rejected"}`
      )
    }
    if (input.action === "approve") {
      const serial = await storefrontSql.lockSerialForRegistration(manager, registration.serial_number_id)
      if (!serial || serial.customer_id || serial.status !== "inactive") {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `Serial "${registration.serial_number}" can no longer be registered: ${
            !serial ? "it was deleted" : serial.customer_id ? "it belongs to a customer" : `its status is ${serial.status}`
          }`
        )
      }
      await this.giveSerialToCustomer_(manager, serial, registration.customer_id, new Date(registration.purchased_at), {
        reference_type: "serial_registration",
        reference_id: registration.id,
        actor_type: input.actor_id ? "user" : null,
        actor_id: input.actor_id ?? null,
      })
    }
    return await storefrontSql.decideRegistration(manager, registration.id, {
      status: input.action === "approve" ? "approved" : "rejected",
      decided_by: input.actor_id ?? null,
      note: input.note ?? null,
    })
  }

  /** A customer's registrations that are not (or not yet) approved: pending and rejected. */
  @InjectManager()
  async storefrontListCustomerRegistrations(customerId: string, @MedusaContext() sharedContext: Context = {}): Promise<RegistrationRow[]> {
    return await storefrontSql.listCustomerRegistrations(sharedContext.manager as SqlManager, customerId)
  }

  /** Customer and warranty from the purchase date (unless overridden), ledger `register`. */
  protected async giveSerialToCustomer_(
    manager: SqlManager,
    serial: { id: string; serial_number: string; variant_id: string; status: string; stock_location_id: string | null; warranty_overridden: boolean },
    customerId: string,
    purchasedAt: Date,
    ref: { reference_type: string; reference_id: string; actor_type: string | null; actor_id: string | null }
  ): Promise<void> {
    let warranty: { starts_at: string | null; expires_at: string | null } | undefined
    if (!serial.warranty_overridden) {
      const period = warrantyFor(await storefrontSql.warrantySettings(manager, serial.variant_id), purchasedAt)
      warranty = {
        starts_at: period ? period.starts_at.toISOString() : null,
        expires_at: period ? period.expires_at.toISOString() : null,
      }
    }
    await storefrontSql.setRegistration(manager, serial.id, { customer_id: customerId, warranty })
    await sql.insertLedger(manager, [
      {
        serial_number_id: serial.id,
        serial_number: serial.serial_number,
        type: "register",
        from_status: serial.status,
        to_status: serial.status,
        from_location_id: serial.stock_location_id,
        to_location_id: serial.stock_location_id,
        ...ref,
        data: {
          customer_id: customerId,
          purchased_at: purchasedAt.toISOString(),
          warranty_starts_at: warranty?.starts_at ?? null,
          warranty_expires_at: warranty?.expires_at ?? null,
        },
      },
    ])
  }
  // ---------------------------------------------------------------- end storefront
}

/**
 * The transaction's knex, with parameters bound by Postgres. MikroORM's `execute` inlines
 * parameters into the SQL text in JavaScript, which for a stream of large JSON batches costs
 * seconds per batch and memory that grows with every statement of the transaction.
 */
function boundSqlManager(manager: any): SqlManager {
  const knex = manager.getTransactionContext?.() ?? manager.getKnex()
  return {
    async execute(query: string, params: unknown[] = []) {
      const result = await knex.raw(query, params)
      return result.rows
    },
  }
}

/** Carries a refused import's report out of its transaction, which it rolls back. */
class ImportRefused extends Error {
  constructor(public readonly report: ImportReport) {
    super(`Import refused: ${report.error_count} problem(s)`)
  }
}

function planColumns(plan: PlannedTransition) {
  return {
    from_status: plan.from_status,
    to_status: plan.to_status,
    from_location_id: plan.from_location_id,
    to_location_id: plan.to_location_id,
  }
}

function ledgerReference(ref: LedgerReference) {
  return {
    reference_type: ref.reference_type ?? null,
    reference_id: ref.reference_id ?? null,
    actor_type: ref.actor_type ?? null,
    actor_id: ref.actor_id ?? null,
    data: ref.data ?? null,
  }
}

export { TransitionError }
export default SerialModuleService
