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
  SerialConsistencyRun,
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
import { generateId, SqlManager, toPgTimestamp } from "./lib/sql"
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
import type { ConsistencyReport } from "./lib/consistency"
import type {
  MedusaStockLevel,
  RegistrationRow,
  RegistrationUndo,
  SerialReportName,
  SerialReportPage,
  SerialReportParams,
  StorefrontSerialRow,
} from "./types"
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
import type SerialTransferService from "./services/transfers"
import type SerialWriteOffService from "./services/write-offs"
import type SerialStockTakeService from "./services/stock-takes"
import type SerialVendorReturnService from "./services/vendor-returns"
import type SerialReceiptCorrectionService from "./services/receipt-corrections"
import type SerialOwnershipService from "./services/ownership"
import type SerialListService from "./services/serial-list"
import type { SerialLedgerEntryRepository } from "./repositories/serial-ledger-entry"
import { newOperationId } from "./lib/ids"
import { returnSql } from "./repositories/returns"
import { SERIAL_DETAIL_COLUMNS, serialSql } from "./repositories/serial-number"
import { receiptSql } from "./repositories/serial-receipt"
import { reportSql } from "./repositories/serial-report"
import { byId } from "./lib/by-id"

/** Ledger entry types that mean a serial has taken part in a stock movement. */
const DETAIL_ONLY_ENTRY_TYPES = ["create", "update", "warranty_override", "owner_change"]

/**
 * The module's options (registered by loaders/validate-options.ts) and its internal
 * services (files under `services/`, registered in the module's container by Medusa under
 * their class name, first letter lower case), one area each.
 */
/** What `updateSerialDetails` changed, for its undo; no operation when nothing changed. */
export type SerialDetailsUndo = { id: string; previous: Record<string, unknown>; operation_id: string | null }

/** The serials `removeSerials` deleted, and the operation of their `delete` rows. */
export type RemovedSerials = { ids: string[]; operation_id: string }

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
  serialTransferService: SerialTransferService
  serialWriteOffService: SerialWriteOffService
  serialStockTakeService: SerialStockTakeService
  serialVendorReturnService: SerialVendorReturnService
  serialOwnershipService: SerialOwnershipService
  serialReceiptCorrectionService: SerialReceiptCorrectionService
  serialListService: SerialListService
  serialLedgerEntryRepository: SerialLedgerEntryRepository
}

/**
 * The serial module's one public service. Serials and settings are written here; the
 * other areas live in internal services (`services/`), called with the same
 * `sharedContext`, so a call that began a transaction here continues in it there. A public
 * method that only hands over to an internal service is one line, typed as that service's
 * method and documented there: `moveSerials: SerialMovementService["move"] = ...`. The
 * internal method opens its manager or transaction itself (`@InjectManager`,
 * `@InjectTransactionManager`), as Medusa's own internal services do.
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
  SerialConsistencyRun,
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
  protected readonly transfers_: SerialTransferService
  protected readonly writeOffs_: SerialWriteOffService
  protected readonly stockTakes_: SerialStockTakeService
  protected readonly vendorReturns_: SerialVendorReturnService
  protected readonly receiptCorrections_: SerialReceiptCorrectionService
  protected readonly ownership_: SerialOwnershipService
  protected readonly list_: SerialListService
  protected readonly ledger_: SerialLedgerEntryRepository

  constructor(container: InjectedDependencies) {
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
    this.transfers_ = container.serialTransferService
    this.writeOffs_ = container.serialWriteOffService
    this.stockTakes_ = container.serialStockTakeService
    this.vendorReturns_ = container.serialVendorReturnService
    this.ownership_ = container.serialOwnershipService
    this.receiptCorrections_ = container.serialReceiptCorrectionService
    this.list_ = container.serialListService
    this.ledger_ = container.serialLedgerEntryRepository
  }

  // Synchronous on purpose, and called in-process only (routes, steps): not part of the
  // module's remote interface, which Medusa awaits.
  // eslint-disable-next-line @medusajs/service-methods-must-be-async
  getOptions(): SerialPluginOptions {
    return { ...this.options_ }
  }

  // eslint-disable-next-line @medusajs/service-methods-must-be-async
  scopeKey(variantId: string): string {
    return scopeKeyOf(this.options_, variantId)
  }

  // ---------------------------------------------------------------- serial numbers

  /** The admin list's page of serial ids, by cursor, with a capped count (services/serial-list.ts). */
  listSerialNumberPage: SerialListService["listPage"] = (...args) => this.list_.listPage(...args)

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

    const taken = await serialSql.insertSerials(manager, rows)
    if (taken.length) {
      const takenSet = new Set(taken)
      // Taken by another request after the check above: refused as the check refuses.
      const names = rows.filter((r) => takenSet.has(r.normalized)).map((r) => r.serial_number)
      throw new MedusaError(MedusaError.Types.DUPLICATE_ERROR, `Serials already exist: ${names.join(", ")}`)
    }
    // Undone by purging the serials, rows and all (`purgeSerials`).
    await this.ledger_.append(
      reference.operation_id ?? newOperationId(),
      rows.map((r) => ({
        serial_number_id: r.id,
        serial_number: r.serial_number,
        type: "create",
        from_status: null,
        to_status: r.status,
        from_location_id: null,
        to_location_id: null,
        ...ledgerReference(reference),
      })),
      sharedContext
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
    const taken = await serialSql.findTakenSerials(
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

  moveSerials: SerialMovementService["move"] = (...args) => this.movement_.move(...args)

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
  ): Promise<SerialDetailsUndo> {
    return await this.updateSerialDetails_(id, input, reference, sharedContext)
  }

  @InjectTransactionManager()
  protected async updateSerialDetails_(
    id: string,
    input: UpdateSerialDetailsInput,
    reference: LedgerReference,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<SerialDetailsUndo> {
    const manager = sharedContext.transactionManager as SqlManager
    const [current] = await serialSql.lockSerials(manager, { id: [id] })
    if (!current) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Serial number with id "${id}" was not found`)
    }
    const [row] = await this.listSerialNumbers({ id }, { select: [...SERIAL_DETAIL_COLUMNS] }, sharedContext)
    const before: Record<string, unknown> = Object.fromEntries(SERIAL_DETAIL_COLUMNS.map((c) => [c, row[c]]))
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
      return { id, previous: before, operation_id: null }
    }
    await serialSql.updateDetails(manager, id, patch)
    const operation_id = reference.operation_id ?? newOperationId()
    await this.ledger_.append(operation_id, [
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
    ], sharedContext)
    return { id, previous: before, operation_id }
  }

  /** Puts back details saved by `updateSerialDetails` (workflow compensation). */
  @InjectTransactionManager()
  async restoreSerialDetails(undo: SerialDetailsUndo, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    const manager = sharedContext.transactionManager as SqlManager
    await serialSql.updateDetails(manager, undo.id, undo.previous)
    if (undo.operation_id) {
      await this.ledger_.deleteOperation(undo.operation_id, sharedContext)
    }
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
  ): Promise<RemovedSerials> {
    return await this.removeSerials_(ids, reference, sharedContext)
  }

  @InjectTransactionManager()
  protected async removeSerials_(
    ids: string[],
    reference: LedgerReference,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<RemovedSerials> {
    const manager = sharedContext.transactionManager as SqlManager
    const current = byId(await serialSql.lockSerials(manager, { id: ids }))
    const missing = ids.filter((id) => !current.has(id))
    if (missing.length) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Serial number with id "${missing.join(", ")}" was not found`)
    }
    const withHistory = await serialSql.serialsWithHistory(manager, ids, DETAIL_ONLY_ENTRY_TYPES)
    const blocked = ids.filter((id) => withHistory.has(id) || current.get(id)!.status !== "inactive")
    if (blocked.length) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Serials with stock history cannot be deleted (scrap them instead): ${blocked
          .map((id) => current.get(id)!.serial_number)
          .join(", ")}`
      )
    }
    const operation_id = reference.operation_id ?? newOperationId()
    await this.ledger_.append(
      operation_id,
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
      }),
      sharedContext
    )
    await serialSql.softDeleteSerials(manager, ids)
    return { ids, operation_id }
  }

  /** Undoes `removeSerials` (workflow compensation): the serials back, their `delete` rows gone. */
  @InjectTransactionManager()
  async restoreRemovedSerials(removed: RemovedSerials, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    const manager = sharedContext.transactionManager as SqlManager
    await serialSql.restoreSerials(manager, removed.ids)
    await this.ledger_.deleteOperation(removed.operation_id, sharedContext)
  }

  /** Hard-deletes serials created by a step that is being compensated, with their ledger. */
  @InjectTransactionManager()
  async purgeSerials(ids: string[], @MedusaContext() sharedContext: Context = {}): Promise<void> {
    const manager = sharedContext.transactionManager as SqlManager
    await serialSql.purgeSerials(manager, ids)
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

  receiveSerials: ReceiptService["receive"] = (...args) => this.receipts_.receive(...args)
  checkReceipt: ReceiptService["check"] = (...args) => this.receipts_.check(...args)

  /** How many of a receipt's serials are in each status now. */
  @InjectManager()
  async receiptSerialCounts(
    receiptId: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<Record<string, number>> {
    return await receiptSql.countByStatus(sharedContext.manager as SqlManager, { receipt_id: receiptId })
  }

  fillStockFromSeries: ReceiptService["fillFromSeries"] = (...args) => this.receipts_.fillFromSeries(...args)

  /** Serials of a variant in stock (active or reserved) per location. */
  @InjectManager()
  async countInStockByLocation(
    variantId: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<Record<string, number>> {
    return await serialSql.countInStockByLocation(sharedContext.manager as SqlManager, variantId)
  }

  undoReceiveSerials: ReceiptService["undoReceive"] = (...args) => this.receipts_.undoReceive(...args)
  unstockReceiptSerials: ReceiptService["unstock"] = (...args) => this.receipts_.unstock(...args)
  restockReceiptSerials: ReceiptService["restock"] = (...args) => this.receipts_.restock(...args)

  // ---------------------------------------------------------------- CSV import (services/serial-import.ts)

  importSerials: SerialImportService["import"] = (...args) => this.imports_.import(...args)

  // ---------------------------------------------------------------- series (services/series.ts)

  validateSeriesPattern: SeriesService["validatePattern"] = (...args) => this.series_.validatePattern(...args)
  allocateSeriesValues: SeriesService["allocate"] = (...args) => this.series_.allocate(...args)
  previewSeries: SeriesService["preview"] = (...args) => this.series_.preview(...args)
  seriesUsage: SeriesService["usage"] = (...args) => this.series_.usage(...args)


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

  assignFulfillmentSerials: OrderSerialService["assignToFulfillment"] = (...args) => this.orders_.assignToFulfillment(...args)
  cancelFulfillmentSerials: OrderSerialService["cancelFulfillment"] = (...args) => this.orders_.cancelFulfillment(...args)
  recordFulfillmentShipment: OrderSerialService["recordShipment"] = (...args) => this.orders_.recordShipment(...args)
  releaseOrderReservations: OrderSerialService["releaseOrderReservations"] = (...args) => this.orders_.releaseOrderReservations(...args)
  reserveLineSerials: OrderSerialService["reserveLine"] = (...args) => this.orders_.reserveLine(...args)
  swapLineSerial: OrderSerialService["swapLine"] = (...args) => this.orders_.swapLine(...args)
  undoSerialMoves: OrderSerialService["undoMoves"] = (...args) => this.orders_.undoMoves(...args)

  // ---------------------------------------------------------------- transfers (services/transfers.ts)

  transferSerials: SerialTransferService["transfer"] = (...args) => this.transfers_.transfer(...args)
  retrieveSerialTransfer: SerialTransferService["retrieve"] = (...args) => this.transfers_.retrieve(...args)
  listSerialTransfers: SerialTransferService["list"] = (...args) => this.transfers_.list(...args)

  // ---------------------------------------------------------------- write-offs (services/write-offs.ts)

  scrapSerials: SerialWriteOffService["scrap"] = (...args) => this.writeOffs_.scrap(...args)

  // ---------------------------------------------------------------- stock-takes (services/stock-takes.ts)

  previewStockTake: SerialStockTakeService["preview"] = (...args) => this.stockTakes_.preview(...args)
  confirmStockTake: SerialStockTakeService["confirm"] = (...args) => this.stockTakes_.confirm(...args)

  // ---------------------------------------------------------------- vendor returns (services/vendor-returns.ts)

  returnSerialsToSupplier: SerialVendorReturnService["returnToSupplier"] = (...args) => this.vendorReturns_.returnToSupplier(...args)

  // ---------------------------------------------------------------- receipt corrections (services/receipt-corrections.ts)

  cancelReceiptSerials: SerialReceiptCorrectionService["cancelSerials"] = (...args) => this.receiptCorrections_.cancelSerials(...args)
  undoCancelReceiptSerials: SerialReceiptCorrectionService["undoCancelSerials"] = (...args) =>
    this.receiptCorrections_.undoCancelSerials(...args)

  // ---------------------------------------------------------------- ownership (services/ownership.ts)

  changeSerialOwner: SerialOwnershipService["changeOwner"] = (...args) => this.ownership_.changeOwner(...args)
  moveOrderSerialsToCustomer: SerialOwnershipService["moveOrderSerials"] = (...args) => this.ownership_.moveOrderSerials(...args)

  // ---------------------------------------------------------------- returns (services/returns.ts)

  returnSerials: ReturnSerialService["returnSerials"] = (...args) => this.returns_.returnSerials(...args)
  linkReplacements: ReturnSerialService["linkReplacements"] = (...args) => this.returns_.linkReplacements(...args)
  unlinkReplacements: ReturnSerialService["unlinkReplacements"] = (...args) => this.returns_.unlinkReplacements(...args)

  /** The serials a return brought back so far. */
  @InjectManager()
  async listReturnSerials(returnId: string, @MedusaContext() sharedContext: Context = {}) {
    return await returnSql.serialsOfReturn(sharedContext.manager as SqlManager, returnId)
  }

  // ---------------------------------------------------------------- maintenance (services/maintenance.ts)

  createMaintenanceSchedule: MaintenanceService["createSchedule"] = (...args) => this.maintenance_.createSchedule(...args)
  planMaintenanceSchedule: MaintenanceService["planSchedule"] = (...args) => this.maintenance_.planSchedule(...args)
  maintenanceAgenda: MaintenanceService["agenda"] = (...args) => this.maintenance_.agenda(...args)
  undoCreateMaintenanceSchedule: MaintenanceService["undoCreateSchedule"] = (...args) => this.maintenance_.undoCreateSchedule(...args)
  updateMaintenanceSchedule: MaintenanceService["updateSchedule"] = (...args) => this.maintenance_.updateSchedule(...args)
  undoMaintenanceScheduleChange: MaintenanceService["undoScheduleChange"] = (...args) => this.maintenance_.undoScheduleChange(...args)
  deleteMaintenanceSchedule: MaintenanceService["deleteSchedule"] = (...args) => this.maintenance_.deleteSchedule(...args)
  setContractExpiry: MaintenanceService["setContractExpiry"] = (...args) => this.maintenance_.setContractExpiry(...args)
  updateMaintenanceVisit: MaintenanceService["updateVisit"] = (...args) => this.maintenance_.updateVisit(...args)
  undoMaintenanceVisitUpdate: MaintenanceService["undoVisitUpdate"] = (...args) => this.maintenance_.undoVisitUpdate(...args)
  logMaintenanceVisit: MaintenanceService["logVisit"] = (...args) => this.maintenance_.logVisit(...args)
  purgeMaintenanceVisit: MaintenanceService["purgeVisit"] = (...args) => this.maintenance_.purgeVisit(...args)

  // ---------------------------------------------------------------- warranty claims (services/claims.ts)

  fileWarrantyClaim: ClaimService["file"] = (...args) => this.claims_.file(...args)
  purgeWarrantyClaim: ClaimService["purge"] = (...args) => this.claims_.purge(...args)
  updateWarrantyClaim: ClaimService["update"] = (...args) => this.claims_.update(...args)
  undoWarrantyClaimUpdate: ClaimService["undoUpdate"] = (...args) => this.claims_.undoUpdate(...args)
  prepareWarrantyClaimDecision: ClaimService["prepareDecision"] = (...args) => this.claims_.prepareDecision(...args)
  decideWarrantyClaim: ClaimService["decide"] = (...args) => this.claims_.decide(...args)
  checkWarrantyClaimAttachmentRoom: ClaimService["checkAttachmentRoom"] = (...args) => this.claims_.checkAttachmentRoom(...args)
  addWarrantyClaimAttachments: ClaimService["addAttachments"] = (...args) => this.claims_.addAttachments(...args)
  restoreWarrantyClaimAttachments: ClaimService["restoreAttachments"] = (...args) => this.claims_.restoreAttachments(...args)

  // ---------------------------------------------------------------- daily job (services/daily-job.ts)

  expireEndOfLife: DailyJobService["expireEndOfLife"] = (...args) => this.dailyJob_.expireEndOfLife(...args)
  undoExpireEndOfLife: DailyJobService["undoExpireEndOfLife"] = (...args) => this.dailyJob_.undoExpireEndOfLife(...args)
  takeReminders: DailyJobService["takeReminders"] = (...args) => this.dailyJob_.takeReminders(...args)
  releaseReminders: DailyJobService["releaseReminders"] = (...args) => this.dailyJob_.releaseReminders(...args)
  takeSerialDeliveryNotice: DailyJobService["takeDeliveryNotice"] = (...args) => this.dailyJob_.takeDeliveryNotice(...args)
  claimReminderNotifications: DailyJobService["claimNotifications"] = (...args) => this.dailyJob_.claimNotifications(...args)
  finishReminderNotifications: DailyJobService["finishNotifications"] = (...args) => this.dailyJob_.finishNotifications(...args)
  failReminderNotification: DailyJobService["failNotification"] = (...args) => this.dailyJob_.failNotification(...args)

  // ---------------------------------------------------------------- reports

  /**
   * One page of a report (see lib/report-sql.ts): by cursor (`after`) or `offset`, with a
   * count exact up to REPORT_COUNT_CAP and estimated beyond.
   */
  @InjectManager()
  async serialReport(
    name: SerialReportName,
    params: SerialReportParams,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<SerialReportPage> {
    return await reportSql.page(sharedContext.manager as SqlManager, name, params)
  }

  /** Warranties and contracts ending per month, from the month of `from` on (reports page chart). */
  @InjectManager()
  async expiriesByMonth(
    q: { from: Date; months: number; product_id?: string[]; stock_location_id?: string[] },
    @MedusaContext() sharedContext: Context = {}
  ) {
    return await reportSql.expiriesByMonth(sharedContext.manager as SqlManager, q)
  }

  // ---------------------------------------------------------------- consistency (services/consistency.ts)

  listSerializedVariantIds: ConsistencyService["serializedVariantIds"] = (...args) => this.consistency_.serializedVariantIds(...args)
  startConsistencyRun: ConsistencyService["startRun"] = (...args) => this.consistency_.startRun(...args)
  checkConsistencyChunk: ConsistencyService["checkChunk"] = (...args) => this.consistency_.checkChunk(...args)
  finishConsistencyRun: ConsistencyService["finishRun"] = (...args) => this.consistency_.finishRun(...args)
  failConsistencyRun: ConsistencyService["failRun"] = (...args) => this.consistency_.failRun(...args)
  retrieveConsistencyRun: ConsistencyService["retrieveRun"] = (...args) => this.consistency_.retrieveRun(...args)
  latestConsistencyRun: ConsistencyService["latestRun"] = (...args) => this.consistency_.latestRun(...args)

  // ---------------------------------------------------------------- storefront (services/storefront.ts)

  storefrontFindSoldSerial: StorefrontService["findSoldSerial"] = (...args) => this.storefront_.findSoldSerial(...args)
  storefrontListCustomerSerials: StorefrontService["listCustomerSerials"] = (...args) => this.storefront_.listCustomerSerials(...args)
  storefrontRetrieveCustomerSerial: StorefrontService["retrieveCustomerSerial"] = (...args) => this.storefront_.retrieveCustomerSerial(...args)
  storefrontFindCustomerSerial: StorefrontService["findCustomerSerial"] = (...args) => this.storefront_.findCustomerSerial(...args)
  storefrontListCustomerVisits: StorefrontService["listCustomerVisits"] = (...args) => this.storefront_.listCustomerVisits(...args)
  storefrontListCustomerClaims: StorefrontService["listCustomerClaims"] = (...args) => this.storefront_.listCustomerClaims(...args)
  storefrontRetrieveCustomerClaim: StorefrontService["retrieveCustomerClaim"] = (...args) => this.storefront_.retrieveCustomerClaim(...args)
  storefrontRegisterSerial: StorefrontService["register"] = (...args) => this.storefront_.register(...args)
  storefrontSetProofOfPurchase: StorefrontService["setProofOfPurchase"] = (...args) => this.storefront_.setProofOfPurchase(...args)
  storefrontRestoreProofOfPurchase: StorefrontService["restoreProofOfPurchase"] = (...args) => this.storefront_.restoreProofOfPurchase(...args)
  decideSerialRegistration: StorefrontService["decideRegistration"] = (...args) => this.storefront_.decideRegistration(...args)
  undoSerialRegistration: StorefrontService["undoRegistration"] = (...args) => this.storefront_.undoRegistration(...args)
  storefrontListCustomerRegistrations: StorefrontService["listCustomerRegistrations"] = (...args) => this.storefront_.listCustomerRegistrations(...args)
}

export { TransitionError }
export default SerialModuleService
