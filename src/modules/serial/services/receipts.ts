import { InjectManager, InjectTransactionManager, MedusaContext, MedusaError } from "@medusajs/framework/utils"
import type { Context, DAL, ModulesSdkTypes } from "@medusajs/framework/types"
import type {
  LedgerReference,
  ReceiptLineInput,
  ReceivedSerials,
  ReceiveSerialsInput,
  StockLevelFacts,
} from "../types"
import { scopeKeyOf, SerialPluginOptions } from "../lib/options"
import { cleanSerial, normalizeSerial, serialTextProblem } from "../../../shared/serial-text"
import { planTransition } from "../lib/status-machine"
import { generateId, SqlManager, toPgTimestamp } from "../lib/sql"
import { expandFirstCount, expandRange, SerialInputError } from "../../../shared/serial-input"
import { ledgerReference, planColumns } from "../lib/ledger-reference"
import type SeriesService from "./series"
import type SerialMovementService from "./serial-movement"
import type { LedgerRow, SerialLedgerEntryRepository } from "../repositories/serial-ledger-entry"
import { newOperationId } from "../lib/ids"
import { advisoryLockSql } from "../repositories/advisory-lock"
import { serialSql } from "../repositories/serial-number"
import { receiptSql } from "../repositories/serial-receipt"

type InjectedDependencies = {
  baseRepository: DAL.RepositoryService
  serialLedgerEntryRepository: SerialLedgerEntryRepository
  serialOptions: SerialPluginOptions
  serialSettingsService: ModulesSdkTypes.IMedusaInternalService<any>
  seriesService: SeriesService
  serialMovementService: SerialMovementService
}

type PlannedLine = ReceiptLineInput & { serials: string[]; series_id: string | null }

/**
 * Stock coming in: the serials of purchase receipts (given, as a range or issued by the
 * variant's series), checked as a whole before anything is written; stock added in Medusa
 * filled from the series; a canceled receipt's serials taken out of stock again.
 */
export default class ReceiptService {
  protected readonly baseRepository_: DAL.RepositoryService
  protected readonly ledger_: SerialLedgerEntryRepository
  protected readonly options_: SerialPluginOptions
  protected readonly serialSettingsService_: ModulesSdkTypes.IMedusaInternalService<any>
  protected readonly series_: SeriesService
  protected readonly movement_: SerialMovementService

  constructor({
    baseRepository,
    serialLedgerEntryRepository,
    serialOptions,
    serialSettingsService,
    seriesService,
    serialMovementService,
  }: InjectedDependencies) {
    this.baseRepository_ = baseRepository
    this.ledger_ = serialLedgerEntryRepository
    this.options_ = serialOptions
    this.serialSettingsService_ = serialSettingsService
    this.series_ = seriesService
    this.movement_ = serialMovementService
  }

  /**
   * Puts the serials of a purchase receipt in stock at its location: new serials are
   * created `active`, serials entered earlier without stock (`inactive`, same variant) are
   * received. Every problem in the whole receipt is reported at once, and nothing is
   * written unless all lines are right.
   */
  @InjectTransactionManager()
  async receive(
    input: ReceiveSerialsInput,
    reference: LedgerReference,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ReceivedSerials> {
    const manager = sharedContext.transactionManager as SqlManager
    const { problems, lines, existingByKey } = await this.plan_(input, "issue", sharedContext)
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
    const created: Parameters<typeof serialSql.insertSerials>[1] = []
    const movedByLine: Array<{ ids: string[]; unit_cost: number | null }> = []
    const ledger: LedgerRow[] = []
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
          serial_number: cleanSerial(serial),
          normalized: normalizeSerial(serial),
          scope_key: scopeKeyOf(this.options_, line.variant_id),
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
        ledger.push({ serial_number_id: id, serial_number: cleanSerial(serial), type: "receive", ...planColumns(plan), ...ref })
      }
      movedByLine.push({ ids: moved, unit_cost: line.unit_cost ?? null })
    }
    const taken = await serialSql.insertSerials(manager, created)
    if (taken.length) {
      const takenSet = new Set(taken)
      // Another receipt took these serials after the plan read them: refused the same way.
      const existing = await serialSql.lockSerials(manager, {
        keys: created.filter((c) => takenSet.has(c.normalized)).map((c) => ({ normalized: c.normalized, scope_key: c.scope_key })),
      })
      const raced = this.existingSerialProblems_(lines, new Map(existing.map((e) => [e.normalized, e])))
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Receipt refused: ${raced.join("; ")}`)
    }
    for (const { ids, unit_cost } of movedByLine) {
      if (!ids.length) {
        continue
      }
      await serialSql.applyMoves(
        manager,
        ids.map((id) => ({ id, status: "active", stock_location_id: input.stock_location_id })),
        { receipt_id: common.receipt_id, supplier_name: common.supplier_name, supplier_reference: common.supplier_reference, received_at: common.received_at }
      )
      await receiptSql.setUnitCost(manager, ids, unit_cost)
    }
    const operation_id = newOperationId()
    await this.ledger_.append(operation_id, ledger, sharedContext)
    return {
      created_ids: created.map((c) => c.id),
      received_existing_ids: movedByLine.flatMap((m) => m.ids),
      operation_id,
    }
  }

  /**
   * Every problem a receipt would be refused for, without writing anything: the same
   * checks as posting, with series values previewed instead of issued.
   */
  @InjectManager()
  async check(
    input: ReceiveSerialsInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ problems: string[]; lines: Array<{ variant_id: string; quantity: number; serials: string[]; from_series: boolean }> }> {
    const { problems, lines } = await this.plan_(input, "preview", sharedContext)
    return {
      problems,
      lines: lines.map((l) => ({ variant_id: l.variant_id, quantity: l.quantity, serials: l.serials, from_series: !!l.series_id })),
    }
  }

  /** Removes what `receive` created and puts back what it moved (compensation). */
  @InjectTransactionManager()
  async undoReceive(
    receiptId: string | null,
    received: ReceivedSerials,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    const manager = sharedContext.transactionManager as SqlManager
    await serialSql.purgeSerials(manager, received.created_ids)
    await receiptSql.unreceiveExisting(manager, received.received_existing_ids)
    if (received.operation_id) {
      await this.ledger_.deleteOperation(received.operation_id, sharedContext)
    }
  }

  /**
   * Brings a serialized variant's serials in stock at a location up to Medusa's stocked
   * quantity when the variant has a series. Compares totals, not deltas, so running it
   * again (or after the plugin's own receipts) adds nothing. Returns the serials it created.
   */
  @InjectTransactionManager()
  async fillFromSeries(
    level: StockLevelFacts,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ReceivedSerials> {
    const none = { created_ids: [], received_existing_ids: [], operation_id: null }
    const manager = sharedContext.transactionManager as SqlManager
    const [setting] = await this.settings_({ variant_id: level.variant.id }, sharedContext)
    if (!setting?.is_serialized || !setting.series_id) {
      return none
    }
    // One reconciliation per variant and location at a time, across server processes.
    await advisoryLockSql.lockKey(manager, `serial-stock:${level.variant.id}:${level.location_id}`)
    const inStock = await serialSql.countInStock(manager, level.variant.id, level.location_id)
    const missing = level.stocked_quantity - inStock
    if (missing <= 0) {
      return none
    }
    return await this.receive(
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

  /**
   * Takes a canceled receipt's serials out of stock (`inactive`, no location). Refused,
   * naming them, while any of them has left the receipt's location or is spoken for.
   */
  @InjectTransactionManager()
  async unstock(
    receiptId: string,
    stockLocationId: string,
    reference: LedgerReference,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ ids: string[]; operation_id: string }> {
    const manager = sharedContext.transactionManager as SqlManager
    const serials = await serialSql.lockSerials(manager, { receipt_id: receiptId })
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
    const operation_id = newOperationId()
    await this.movement_.move(
      {
        ids,
        movement: "deactivate",
        reference: { reference_type: "purchase_receipt", reference_id: receiptId, ...reference, operation_id, data: { canceled: true } },
      },
      sharedContext
    )
    return { ids, operation_id }
  }

  /** Compensation of `unstock`: the serials return to stock, the ledger rows go. */
  @InjectTransactionManager()
  async restock(
    undo: { stock_location_id: string; ids: string[]; operation_id: string },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    const manager = sharedContext.transactionManager as SqlManager
    await serialSql.applyMoves(
      manager,
      undo.ids.map((id) => ({ id, status: "active", stock_location_id: undo.stock_location_id })),
      {}
    )
    await this.ledger_.deleteOperation(undo.operation_id, sharedContext)
  }

  /** The serials of each receipt line and what is wrong with them; `series` says whether to issue values or preview them. */
  protected async plan_(input: ReceiveSerialsInput, series: "issue" | "preview", sharedContext: Context) {
    const manager = (sharedContext.transactionManager ?? sharedContext.manager) as SqlManager
    const scopeKey = (variantId: string) => scopeKeyOf(this.options_, variantId)
    const problems: string[] = []

    // 1. The serials of each line, as text.
    const settings = await this.settings_({ variant_id: [...new Set(input.lines.map((l) => l.variant_id))] }, sharedContext)
    const settingsByVariant = new Map(settings.map((s) => [s.variant_id, s]))
    const lines: PlannedLine[] = []
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
              ? await this.series_.allocate(setting.series_id, line.quantity, seriesContext, sharedContext)
              : await this.series_.preview(setting.series_id, line.quantity, seriesContext, sharedContext)
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
    // Only well-formed serials are looked up: a malformed one (a NUL) is refused above and
    // is no text the database could compare.
    const lookups: Array<{ normalized: string; scope_key: string }> = []
    for (const line of lines) {
      for (const serial of line.serials) {
        const problem = serialTextProblem(serial)
        if (problem) {
          problems.push(problem)
          continue
        }
        lookups.push({ normalized: normalizeSerial(serial), scope_key: scopeKey(line.variant_id) })
        const key = `${scopeKey(line.variant_id)}\u0000${normalizeSerial(serial)}`
        const first = firstSeen.get(key)
        if (first === undefined) {
          firstSeen.set(key, cleanSerial(serial))
        } else {
          repeated.add(first)
        }
      }
    }
    if (repeated.size) {
      problems.push(`serials repeated in the receipt: ${[...repeated].join(", ")}`)
    }

    // 3. Serials that exist already: received if entered without stock, refused otherwise.
    const existing = await serialSql.lockSerials(manager, { keys: lookups })
    const existingByKey = new Map(existing.map((e) => [e.normalized, e]))
    problems.push(...this.existingSerialProblems_(lines, existingByKey))
    return { problems, lines, existingByKey }
  }

  /** The receipt's serials that exist already and cannot be received, as problems. */
  protected existingSerialProblems_(
    lines: PlannedLine[],
    existingByKey: Map<string, { serial_number: string; variant_id: string; status: string; customer_id: string | null }>
  ): string[] {
    const problems: string[] = []
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
    return problems
  }

  /** Serial settings rows, as plain objects (what the module's `listSerialSettings` answers). */
  protected async settings_(filters: Record<string, unknown>, sharedContext: Context): Promise<any[]> {
    return await this.baseRepository_.serialize(await this.serialSettingsService_.list(filters, {}, sharedContext))
  }
}
