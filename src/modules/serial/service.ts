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
import { scopeKeyOf, SerialPluginOptions } from "./lib/options"
import { cleanSerial, normalizeSerial, serialTextProblem } from "../../shared/serial-text"
import { planTransition, SerialStatus, TransitionError } from "./lib/status-machine"
import { generateId, sql, SqlManager, toPgTimestamp } from "./lib/sql"
import { ledgerReference } from "./lib/ledger-reference"
import type { CsvRecord, ImportOptions, ImportReport, SerialImportCatalogue } from "./lib/import-engine"
import type {
  CreateSerialInput,
  LedgerReference,
  MoveSerialsInput,
  ReceiptRecordInput,
  ReceivedSerials,
  ReceiveSerialsInput,
  SerialSettingsInput,
  StockLevelFacts,
  UpdateSerialDetailsInput,
} from "./types"
import { returnSql } from "./lib/return-sql"
import type {
  AssignFulfillmentSerialsInput,
  OrderSerialsResult,
  ReserveLineSerialsInput,
  ReplacementGroup,
  ReplacementLink,
  ReturnSerialsInput,
  ReturnSerialsResult,
  SerialUndo,
  SwapLineSerialInput,
} from "./order-types"
import { reportSql, SerialReportName, SerialReportParams } from "./lib/report-sql"
import type { MedusaStockLevel } from "./lib/consistency-sql"
import type { ConsistencyReport } from "./lib/consistency"
import type { RegistrationRow, RegistrationUndo, StorefrontSerialRow } from "./lib/storefront-sql"
import type {
  TakenReminders,
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
  VisitUndo,
} from "./maintenance-types"
import type ClaimService from "./services/claims"
import type ConsistencyService from "./services/consistency"
import type DailyJobService from "./services/daily-job"
import type MaintenanceService from "./services/maintenance"
import type ReceiptService from "./services/receipts"
import type SerialImportService from "./services/serial-import"
import type SerialMovementService from "./services/serial-movement"
import type SeriesService from "./services/series"
import type StorefrontService from "./services/storefront"
import type { RegisterSerialResult } from "./services/storefront"
import type OrderSerialService from "./services/order-serials"
import type ReturnSerialService from "./services/returns"

/** Ledger entry types that mean a serial has taken part in a stock movement. */
const DETAIL_ONLY_ENTRY_TYPES = ["create", "update", "warranty_override"]

/**
 * The module's options (registered by loaders/validate-options.ts) and its internal
 * services (files under `services/`, registered in the module's container by Medusa under
 * their class name, first letter lower case), one area each.
 */
type InjectedDependencies = {
  serialOptions: SerialPluginOptions
  serialMovementService: SerialMovementService
  seriesService: SeriesService
  receiptService: ReceiptService
  serialImportService: SerialImportService
  maintenanceService: MaintenanceService
  claimService: ClaimService
  dailyJobService: DailyJobService
  consistencyService: ConsistencyService
  storefrontService: StorefrontService
  orderSerialService: OrderSerialService
  returnSerialService: ReturnSerialService
}

/**
 * The serial module's one public service. Serials and settings are written here; the
 * other areas live in internal services (`services/`), called with the same
 * `sharedContext`, so a call that began a transaction here continues in it there. Where a
 * public method only hands over to an internal service, that service's method opens the
 * transaction itself (`@InjectTransactionManager`), as Medusa's own internal services do.
 */
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
  protected readonly movement_: SerialMovementService
  protected readonly series_: SeriesService
  protected readonly receipts_: ReceiptService
  protected readonly imports_: SerialImportService
  protected readonly maintenance_: MaintenanceService
  protected readonly claims_: ClaimService
  protected readonly dailyJob_: DailyJobService
  protected readonly consistency_: ConsistencyService
  protected readonly storefront_: StorefrontService
  protected readonly orders_: OrderSerialService
  protected readonly returns_: ReturnSerialService

  constructor(container: InjectedDependencies) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    // The one options object of the module, parsed by its loader and shared with the
    // internal services, so that they all read the same values.
    this.options_ = container.serialOptions
    this.movement_ = container.serialMovementService
    this.series_ = container.seriesService
    this.receipts_ = container.receiptService
    this.imports_ = container.serialImportService
    this.maintenance_ = container.maintenanceService
    this.claims_ = container.claimService
    this.dailyJob_ = container.dailyJobService
    this.consistency_ = container.consistencyService
    this.storefront_ = container.storefrontService
    this.orders_ = container.orderSerialService
    this.returns_ = container.returnSerialService
  }

  getOptions(): SerialPluginOptions {
    return { ...this.options_ }
  }

  scopeKey(variantId: string): string {
    return scopeKeyOf(this.options_, variantId)
  }

  // ---------------------------------------------------------------- serial numbers

  /**
   * Creates serials directly (admin entry, CSV import): status `inactive`, no location,
   * one `create` ledger row each. Refuses, naming every offender, variants that are not
   * serialized and serials that are malformed, repeated in the input or already taken.
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
    const variantIds = [...new Set(input.map((s) => s.variant_id))]
    const serialized = new Set(
      (await this.listSerialSettings({ variant_id: variantIds, is_serialized: true }, { select: ["variant_id"] }, sharedContext)).map(
        (s) => s.variant_id
      )
    )
    const unserialized = variantIds.filter((id) => !serialized.has(id))
    if (unserialized.length) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Variant ${unserialized.join(", ")} is not serialized: turn serial tracking on in its settings before entering serials`
      )
    }
    await this.assertSerialsAvailable_(input, manager)

    const rows = input.map((s) => {
      const plan = planTransition(
        { serial_number: s.serial_number, status: null, stock_location_id: null },
        "create"
      )
      return {
        id: generateId("sn"),
        serial_number: cleanSerial(s.serial_number),
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

    const taken = await sql.insertSerials(manager, rows)
    if (taken.length) {
      const takenSet = new Set(taken)
      // Taken by another request after the check above: refused as the check refuses.
      const names = rows.filter((r) => takenSet.has(r.normalized)).map((r) => r.serial_number)
      throw new MedusaError(MedusaError.Types.DUPLICATE_ERROR, `Serials already exist: ${names.join(", ")}`)
    }
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
        seen.set(key, cleanSerial(s.serial_number))
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
    return await this.movement_.move(input, sharedContext)
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

  // ---------------------------------------------------------------- purchase receipts (services/receipts.ts)

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
    const received = await this.receipts_.receive({ ...receive, receipt_id: receipt.id }, reference, sharedContext)
    return { receipt: { id: receipt.id, stock_location_id: receipt.stock_location_id }, received }
  }

  /** Compensation of `postReceipt`: removes the receipt's serials, then the document. */
  @InjectTransactionManager()
  async undoPostReceipt(
    receiptId: string,
    received: ReceivedSerials,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    await this.receipts_.undoReceive(receiptId, received, sharedContext)
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
    return await this.receipts_.receive(input, reference, sharedContext)
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
    return await this.receipts_.check(input, sharedContext)
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
    return await this.receipts_.fillFromSeries(level, sharedContext)
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
    await this.receipts_.undoReceive(receiptId, received, sharedContext)
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
    return await this.receipts_.unstock(receiptId, stockLocationId, reference, sharedContext)
  }

  /** Compensation of `unstockReceiptSerials`: the serials return to stock, the ledger rows go. */
  @InjectTransactionManager()
  async restockReceiptSerials(
    receiptId: string,
    stockLocationId: string,
    ids: string[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    await this.receipts_.restock(receiptId, stockLocationId, ids, sharedContext)
  }

  // ---------------------------------------------------------------- CSV import (services/serial-import.ts)

  /**
   * Imports serials that exist already from CSV records (header first), in batches, all or
   * nothing: any problem in any row and nothing is saved (see lib/import-engine.ts for the
   * rules). A dry run checks everything and writes nothing. Returns the report either way;
   * `importSerialsWorkflow` emits the event for `created_ids`.
   */
  @InjectManager()
  async importSerials(
    records: AsyncIterable<CsvRecord>,
    catalogue: SerialImportCatalogue,
    options: ImportOptions,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ImportReport> {
    return await this.imports_.import(records, catalogue, options, sharedContext)
  }

  // ---------------------------------------------------------------- series (services/series.ts)

  /** Refuses a malformed pattern, or one that can produce a serial another series can. */
  @InjectManager()
  async validateSeriesPattern(
    pattern: string,
    exceptSeriesId?: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    await this.series_.validatePattern(pattern, exceptSeriesId, sharedContext)
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
    return await this.series_.allocate(seriesId, count, context, sharedContext)
  }

  /** The next `count` values the series would issue, without issuing them. */
  @InjectManager()
  async previewSeries(
    seriesId: string,
    count: number,
    context: { sku?: string | null; date?: Date } = {},
    @MedusaContext() sharedContext: Context = {}
  ): Promise<string[]> {
    return await this.series_.preview(seriesId, count, context, sharedContext)
  }

  /** Why a series cannot be deleted, or null when nothing uses it. */
  @InjectManager()
  async seriesUsage(
    seriesId: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ variants: number; serials: number }> {
    return await this.series_.usage(seriesId, sharedContext)
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

  // ---------------------------------------------------------------- order serials (services/order-serials.ts)

  /**
   * Assigns serials to the serialized lines of a fulfilment and delivers them, in one
   * transaction: the serials given per line, else those reserved for it, then (policy
   * `auto`) the oldest in stock at the fulfilment's location. Every problem is reported at
   * once, and then nothing moves.
   */
  @InjectManager()
  async assignFulfillmentSerials(
    input: AssignFulfillmentSerialsInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<OrderSerialsResult> {
    return await this.orders_.assignToFulfillment(input, sharedContext)
  }

  /** A canceled fulfilment: its serials go back `active` where they were taken from. Idempotent. */
  @InjectManager()
  async cancelFulfillmentSerials(
    input: { order_id: string; fulfillment_id: string; location_id: string | null; actor_id?: string | null },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<OrderSerialsResult> {
    return await this.orders_.cancelFulfillment(input, sharedContext)
  }

  /** A shipped fulfilment: `shipped_at` on its serials, one `ship` ledger row each. Idempotent. */
  @InjectManager()
  async recordFulfillmentShipment(
    input: { order_id: string; fulfillment_id: string; shipped_at: Date | string },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<OrderSerialsResult> {
    return await this.orders_.recordShipment(input, sharedContext)
  }

  /** A canceled order: serials reserved for its lines go back `active`. Idempotent. */
  @InjectManager()
  async releaseOrderReservations(
    input: { order_id: string; actor_id?: string | null },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<OrderSerialsResult> {
    return await this.orders_.releaseOrderReservations(input, sharedContext)
  }

  /** Reserves serials for an order line before fulfilment (status `reserved`). */
  @InjectManager()
  async reserveLineSerials(
    input: ReserveLineSerialsInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<OrderSerialsResult> {
    return await this.orders_.reserveLine(input, sharedContext)
  }

  /** Replaces a serial on an order line before shipment; the ledger shows both moves. */
  @InjectManager()
  async swapLineSerial(
    input: SwapLineSerialInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<OrderSerialsResult> {
    return await this.orders_.swapLine(input, sharedContext)
  }

  /** Undoes what one of the order methods above did (workflow compensation). */
  @InjectTransactionManager()
  async undoSerialMoves(undo: SerialUndo | null | undefined, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    await this.orders_.undoMoves(undo, sharedContext)
  }

  // ---------------------------------------------------------------- returns (services/returns.ts)

  /**
   * Serials that came back with a return: restocked ones go `active` at the return's
   * location, the others `inactive`. Lines whose serials are not certain are listed as
   * awaiting the admin's choice. Idempotent.
   */
  @InjectManager()
  async returnSerials(
    input: ReturnSerialsInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ReturnSerialsResult> {
    return await this.returns_.returnSerials(input, sharedContext)
  }

  /** Links replacements sent in an exchange or claim to the serials they replace. Idempotent. */
  @InjectManager()
  async linkReplacements(
    orderId: string,
    groups: ReplacementGroup[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ReplacementLink[]> {
    return await this.returns_.linkReplacements(orderId, groups, sharedContext)
  }

  /** Undoes `linkReplacements` (workflow compensation). */
  @InjectTransactionManager()
  async unlinkReplacements(links: ReplacementLink[], @MedusaContext() sharedContext: Context = {}): Promise<void> {
    await this.returns_.unlinkReplacements(links, sharedContext)
  }

  /** The serials a return brought back so far. */
  @InjectManager()
  async listReturnSerials(returnId: string, @MedusaContext() sharedContext: Context = {}) {
    return await returnSql.serialsOfReturn(sharedContext.manager as SqlManager, returnId)
  }

  // ---------------------------------------------------------------- maintenance (services/maintenance.ts)

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
    return await this.maintenance_.createSchedule(input, sharedContext)
  }

  /** Undoes `createMaintenanceSchedule` (workflow compensation): contracts back, everything removed. */
  @InjectTransactionManager()
  async undoCreateMaintenanceSchedule(
    id: string,
    undo: ScheduleUndo,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    await this.maintenance_.undoCreateSchedule(id, undo, sharedContext)
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
    return await this.maintenance_.updateSchedule(id, input, sharedContext)
  }

  /** Puts a schedule, its visits and its serials' contracts back as they were (workflow compensation). */
  @InjectTransactionManager()
  async undoMaintenanceScheduleChange(undo: ScheduleUndo, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    await this.maintenance_.undoScheduleChange(undo, sharedContext)
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
    return await this.maintenance_.deleteSchedule(id, actorId, sharedContext)
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
    return await this.maintenance_.setContractExpiry(rows, reference, sharedContext)
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
    return await this.maintenance_.updateVisit(id, input, sharedContext)
  }

  /** Puts visits (and the schedule an update completed) back as they were (workflow compensation). */
  @InjectTransactionManager()
  async undoMaintenanceVisitUpdate(undo: VisitUndo, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    await this.maintenance_.undoVisitUpdate(undo, sharedContext)
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
    return await this.maintenance_.logVisit(input, sharedContext)
  }

  /** Removes a logged visit (workflow compensation). */
  @InjectTransactionManager()
  async purgeMaintenanceVisit(id: string, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    await this.maintenance_.purgeVisit(id, sharedContext)
  }

  // ---------------------------------------------------------------- warranty claims (services/claims.ts)

  /**
   * Files a warranty claim for a serial. Coverage is computed here, from the serial's
   * warranty and contract dates at this moment (the SPEC's precedence), and stored with
   * the claim; the serial's ledger records the claim. `replayed`: a storefront's
   * idempotency key named a claim filed before, which is answered instead.
   */
  @InjectManager()
  async fileWarrantyClaim(
    input: FileWarrantyClaimInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ id: string; replayed: boolean }> {
    return await this.claims_.file(input, sharedContext)
  }

  /** Removes a claim that is being undone, with its ledger row (workflow compensation). */
  @InjectTransactionManager()
  async purgeWarrantyClaim(id: string, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    await this.claims_.purge(id, sharedContext)
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
    return await this.claims_.update(id, input, sharedContext)
  }

  /** Puts a claim and its visit links back as they were (workflow compensation). */
  @InjectTransactionManager()
  async undoWarrantyClaimUpdate(undo: ClaimUndo, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    await this.claims_.undoUpdate(undo, sharedContext)
  }

  // ---------------------------------------------------------------- daily job (services/daily-job.ts)

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
    return await this.dailyJob_.expireEndOfLife(now, limit, sharedContext)
  }

  /** Undoes `expireEndOfLife` (workflow compensation). */
  @InjectTransactionManager()
  async undoExpireEndOfLife(undo: ExpireUndo | null, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    await this.dailyJob_.undoExpireEndOfLife(undo, sharedContext)
  }

  /**
   * The daily job's reminders: visits due within `visit_due_days` (pending, today up to
   * and including that day), visits overdue (pending, before today) and delivered serials
   * whose warranty ends within `warranty_expiring_days`, each taken into the sent log so
   * that it is announced once. Up to `limit` of each kind per call.
   */
  @InjectManager()
  async takeReminders(
    now: Date,
    limit: number,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<TakenReminders> {
    return await this.dailyJob_.takeReminders(now, limit, sharedContext)
  }

  /** Forgets reminders taken by a run that failed, so the next run sends them (compensation). */
  @InjectTransactionManager()
  async releaseReminders(logIds: string[], @MedusaContext() sharedContext: Context = {}): Promise<void> {
    await this.dailyJob_.releaseReminders(logIds, sharedContext)
  }

  // ---------------------------------------------------------------- reports

  /** One page of a report (see lib/report-sql.ts): one query, rows and total count. */
  @InjectManager()
  async serialReport(
    name: SerialReportName,
    params: SerialReportParams,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ rows: Record<string, unknown>[]; count: number }> {
    return await reportSql.run(sharedContext.manager as SqlManager, name, params)
  }

  // ---------------------------------------------------------------- consistency (services/consistency.ts)

  /** Ids of the variants whose serial settings say they are serialized. */
  @InjectManager()
  async listSerializedVariantIds(@MedusaContext() sharedContext: Context = {}): Promise<string[]> {
    return await this.consistency_.serializedVariantIds(sharedContext)
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
    return await this.consistency_.check(input, sharedContext)
  }

  // ---------------------------------------------------------------- storefront (services/storefront.ts)

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
    return await this.storefront_.findSoldSerial(text, sharedContext)
  }

  /** A customer's own serials, each with its next visit date. */
  @InjectManager()
  async storefrontListCustomerSerials(
    customerId: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<StorefrontSerialRow[]> {
    return await this.storefront_.listCustomerSerials(customerId, sharedContext)
  }

  /** A customer's own serial by its text, or null (unknown and someone else's alike). */
  @InjectManager()
  async storefrontFindCustomerSerial(
    customerId: string,
    text: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<StorefrontSerialRow | null> {
    return await this.storefront_.findCustomerSerial(customerId, text, sharedContext)
  }

  /** A customer's own pending visits from today on (optionally of some serials only). */
  @InjectManager()
  async storefrontListCustomerVisits(
    customerId: string,
    serialIds?: string[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<any[]> {
    return await this.storefront_.listCustomerVisits(customerId, serialIds, sharedContext)
  }

  /** A customer's own warranty claims, newest first. */
  @InjectManager()
  async storefrontListCustomerClaims(customerId: string, @MedusaContext() sharedContext: Context = {}): Promise<any[]> {
    return await this.storefront_.listCustomerClaims(customerId, sharedContext)
  }

  /**
   * Registers a serial bought elsewhere to a customer: it must exist, be `inactive`
   * (entered without stock, e.g. sold through a reseller) and belong to nobody. It gets the
   * customer and a warranty from `purchased_at` for the variant's period (unless an admin
   * overrode it); the ledger records `register`. Anything else is the same 404 as an
   * unknown serial, so the answer never tells whether someone else owns it. By default it
   * waits for an admin's approval as a pending registration; a serial the customer owns
   * already is answered as it is.
   */
  @InjectManager()
  async storefrontRegisterSerial(
    input: { customer_id: string; serial_number: string; purchased_at: Date },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<RegisterSerialResult> {
    return await this.storefront_.register(input, sharedContext)
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
  ): Promise<{ registration: RegistrationRow; undo: RegistrationUndo }> {
    return await this.storefront_.decideRegistration(input, sharedContext)
  }

  /** Undoes a registration or a decision on one (their workflow steps' compensation). */
  @InjectManager()
  async undoSerialRegistration(undo: RegistrationUndo, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    await this.storefront_.undoRegistration(undo, sharedContext)
  }

  /** A customer's registrations that are not (or not yet) approved: pending and rejected. */
  @InjectManager()
  async storefrontListCustomerRegistrations(customerId: string, @MedusaContext() sharedContext: Context = {}): Promise<RegistrationRow[]> {
    return await this.storefront_.listCustomerRegistrations(customerId, sharedContext)
  }
}

export { TransitionError }
export default SerialModuleService
