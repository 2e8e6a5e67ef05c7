import {
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaError,
  MedusaService,
} from "@medusajs/framework/utils"
import type { Context } from "@medusajs/framework/types"
import {
  SerialLedgerEntry,
  SerialNumber,
  SerialReceipt,
  SerialReceiptLine,
  SerialSeries,
  SerialSeriesCounter,
  SerialSettings,
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
import { generateId, LedgerRow, sql, SqlManager, toPgTimestamp } from "./lib/sql"
import { expandFirstCount, expandRange, SerialInputError } from "./lib/serial-input"
import type {
  CreateSerialInput,
  LedgerReference,
  MoveSerialsInput,
  ReceiptLineInput,
  ReceivedSerials,
  ReceiveSerialsInput,
  SerialSettingsInput,
  StockLevelFacts,
  UpdateSerialDetailsInput,
} from "./types"

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
    await sql.applyMoves(
      manager,
      planned.map((p) => ({ id: p.id, status: p.plan.to_status, stock_location_id: p.plan.to_location_id })),
      input.set ?? {}
    )
    await sql.insertLedger(
      manager,
      planned.map((p) => ({
        serial_number_id: p.id,
        serial_number: p.serial.serial_number,
        type: input.movement,
        from_status: p.plan.from_status,
        to_status: p.plan.to_status,
        from_location_id: p.plan.from_location_id,
        to_location_id: p.plan.to_location_id,
        ...ledgerReference(input.reference ?? {}),
      }))
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
          serials = await this.allocateSeriesValues_(
            setting.series_id,
            line.quantity,
            { sku: line.sku, date: new Date(input.received_at) },
            sharedContext
          )
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
        }
      }
    }
    if (otherVariant.length) {
      problems.push(`serials that belong to another variant: ${otherVariant.join(", ")}`)
    }
    if (notReceivable.length) {
      problems.push(`serials that already exist and are not awaiting stock: ${notReceivable.join(", ")}`)
    }
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
