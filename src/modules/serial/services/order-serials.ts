import { InjectTransactionManager, MedusaContext, MedusaError } from "@medusajs/framework/utils"
import type { Context, DAL, ModulesSdkTypes } from "@medusajs/framework/types"
import type { LedgerReference } from "../types"
import { scopeKeyOf, SerialPluginOptions } from "../lib/options"
import { cleanSerial, normalizeSerial, serialTextProblem } from "../../../shared/serial-text"
import { generateId, SqlManager } from "../lib/sql"
import { snapshotsOf } from "../lib/snapshots"
import { CLEARED_ASSIGNMENT, namedSerialProblem, sortFifo, throwProblems } from "../lib/order-rules"
import { warrantyFor } from "../lib/warranty"
import type {
  AssignFulfillmentSerialsInput,
  FulfillmentLineInput,
  OrderSerialsResult,
  ReserveLineSerialsInput,
  SerialUndo,
  SwapLineSerialInput,
  OrderSerialRow,
} from "../order-types"
import type SerialMovementService from "./serial-movement"
import type SeriesService from "./series"
import { newOperationId } from "../lib/ids"
import type { SerialLedgerEntryRepository } from "../repositories/serial-ledger-entry"
import { orderSerialSql } from "../repositories/order-serials"
import { serialSql, type SerialRow } from "../repositories/serial-number"

type InjectedDependencies = {
  baseRepository: DAL.RepositoryService
  serialOptions: SerialPluginOptions
  serialSettingsService: ModulesSdkTypes.IMedusaInternalService<any>
  serialMovementService: SerialMovementService
  seriesService: SeriesService
  serialLedgerEntryRepository: SerialLedgerEntryRepository
}

/**
 * Serials of order lines before they come back: reserved for a line, delivered with a
 * fulfilment (chosen, reserved or first in, first out), shipped, swapped, released when a
 * fulfilment or order is canceled. Each change returns the snapshots its undo needs.
 */
export default class OrderSerialService {
  protected readonly baseRepository_: DAL.RepositoryService
  protected readonly options_: SerialPluginOptions
  protected readonly serialSettingsService_: ModulesSdkTypes.IMedusaInternalService<any>
  protected readonly movement_: SerialMovementService
  protected readonly series_: SeriesService
  protected readonly ledger_: SerialLedgerEntryRepository

  constructor({
    baseRepository,
    serialOptions,
    serialSettingsService,
    serialMovementService,
    seriesService,
    serialLedgerEntryRepository,
  }: InjectedDependencies) {
    this.baseRepository_ = baseRepository
    this.options_ = serialOptions
    this.serialSettingsService_ = serialSettingsService
    this.movement_ = serialMovementService
    this.series_ = seriesService
    this.ledger_ = serialLedgerEntryRepository
  }

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
   * at any location, or from their pool (their `inactive` serials nobody owns); under
   * `auto` the rest comes from the pool, oldest first, then from the variant's series, and
   * only without either is the rest of such a line left without serials. Those serials are
   * `issue`d (pool or series straight to the buyer) instead of delivered from stock.
   * Reservations of a line beyond what remains to be fulfilled are released.
   */
  @InjectTransactionManager()
  async assignToFulfillment(
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
    await orderSerialSql.lockLines(manager, lines.map((l) => l.line_item_id))

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
        const key = `${scopeKeyOf(this.options_, line.variant_id)}\u0000${normalizeSerial(raw)}`
        if (seen.has(key)) {
          problems.push(`Serial ${seen.get(key)} is given more than once`)
          continue
        }
        seen.set(key, cleanSerial(raw))
        named.push({ line, text: cleanSerial(raw), key })
      }
    }
    const namedRows = await serialSql.lockSerials(
      manager,
      {
        keys: named.map((n) => {
          const [scope_key, normalized] = n.key.split("\u0000")
          return { scope_key, normalized }
        }),
      },
      { columns: "full" }
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
    const deliveredBefore = await orderSerialSql.countByLine(manager, input.order_id)
    const reserved = sortFifo(
      await serialSql.lockSerials(
        manager,
        { order_id: input.order_id, status: ["reserved"], line_item_id: lines.map((l) => l.line_item_id) },
        { columns: "full" }
      )
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
      if (missing > 0 && policy === "auto" && !line.manage_inventory) {
        // Warranty only: the variant's pool first (oldest first), then new serials of its series.
        const pool = await orderSerialSql.pickPool(manager, {
          variant_id: line.variant_id,
          count: missing,
          exclude: [...taken, ...picked.map((p) => p.id)],
        })
        picked.push(...pool)
        missing -= pool.length
        const seriesId = settings.get(line.variant_id)!.series_id as string | null
        if (missing > 0 && seriesId) {
          picked.push(...(await this.createFromSeries_(line, seriesId, missing, input, sharedContext)))
          missing = 0
        }
      } else if (missing > 0 && policy === "auto" && line.manage_inventory) {
        const fifo = await orderSerialSql.pickFifo(manager, {
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
      // auto, warranty only, with no pool left and no series: the rest stays without serials.
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

    const operation_id = newOperationId()
    // Every row moved below was locked and read in full by this transaction above.
    const snapshots = snapshotsOf([...lines.flatMap((l) => chosen.get(l.line_item_id)!), ...toRelease])
    const deliveredAt = input.delivered_at ?? new Date()
    const reference = (data: Record<string, unknown> = {}): LedgerReference => ({
      reference_type: "fulfillment",
      reference_id: input.fulfillment_id,
      actor_type: input.actor_id ? "user" : null,
      actor_id: input.actor_id ?? null,
      operation_id,
      data: { order_id: input.order_id, ...data },
    })
    for (const line of lines) {
      const rows = chosen.get(line.line_item_id)!
      const warranty = warrantyFor(settings.get(line.variant_id), deliveredAt)
      for (const [overridden, movement] of [
        [false, "deliver"],
        [true, "deliver"],
        [false, "issue"],
        [true, "issue"],
      ] as const) {
        // A warranty-only serial from the pool or the series is `issue`d: it was never in stock.
        const group = rows.filter((r) => !!r.warranty_overridden === overridden && (r.status === "inactive") === (movement === "issue"))
        if (!group.length) {
          continue
        }
        await this.movement_.moveLocked(
          group,
          {
            movement,
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
      await this.movement_.moveLocked(
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
            movement: r.status === "inactive" ? ("issue" as const) : ("deliver" as const),
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
  @InjectTransactionManager()
  async cancelFulfillment(
    input: { order_id: string; fulfillment_id: string; location_id: string | null; actor_id?: string | null },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<OrderSerialsResult> {
    const manager = sharedContext.transactionManager as SqlManager
    const rows = await serialSql.lockSerials(
      manager,
      { order_id: input.order_id, status: ["delivered"], fulfillment_id: input.fulfillment_id },
      { columns: "full" }
    )
    if (!rows.length) {
      return { moved: [], undo: null }
    }
    const origins = await orderSerialSql.deliveredFrom(manager, rows.map((r) => r.id))
    const operation_id = newOperationId()
    const snapshots = snapshotsOf(rows)
    const groups = new Map<string, { location: string | null; overridden: boolean; ids: string[] }>()
    for (const r of rows) {
      const origin = origins.get(r.id)
      // An issued warranty-only serial goes back to its pool, at no location.
      const location = origin?.issued ? null : origin?.location ?? input.location_id
      if (!location && !origin?.issued) {
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
      await this.movement_.move(
        {
          ids: g.ids,
          movement: g.location ? "cancel_fulfillment" : "cancel_issue",
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
            operation_id,
            data: { order_id: input.order_id },
          },
        },
        sharedContext
      )
    }
    return {
      moved: rows.map((r) => {
        const issued = !!origins.get(r.id)?.issued
        return {
          id: r.id,
          serial_number: r.serial_number,
          line_item_id: r.line_item_id,
          movement: issued ? ("cancel_issue" as const) : ("cancel_fulfillment" as const),
          status: issued ? ("inactive" as const) : ("active" as const),
        }
      }),
      undo: { operation_id, snapshots },
    }
  }

  /**
   * A shipped fulfilment: `shipped_at` on its serials and one `ship` ledger row each (no
   * status change). Idempotent: serials already stamped are left alone.
   */
  @InjectTransactionManager()
  async recordShipment(
    input: { order_id: string; fulfillment_id: string; shipped_at: Date | string },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<OrderSerialsResult> {
    const manager = sharedContext.transactionManager as SqlManager
    const rows = await serialSql.lockSerials(
      manager,
      { order_id: input.order_id, status: ["delivered"], fulfillment_id: input.fulfillment_id, unshipped: true },
      { columns: "full" }
    )
    if (!rows.length) {
      return { moved: [], undo: null }
    }
    const operation_id = newOperationId()
    const shippedAt = new Date(input.shipped_at).toISOString()
    const snapshots = snapshotsOf(rows)
    await orderSerialSql.setShippedAt(manager, rows.map((r) => r.id), shippedAt)
    await this.ledger_.append(
      operation_id,
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
        data: { order_id: input.order_id, shipped_at: shippedAt },
      })),
      sharedContext
    )
    return {
      moved: rows.map((r) => ({ id: r.id, serial_number: r.serial_number, line_item_id: r.line_item_id, movement: "ship" as const, status: r.status })),
      undo: { operation_id, snapshots },
    }
  }

  /**
   * Serials reserved for an order's lines go back `active`: all of them (a canceled order;
   * idempotent), or only `serial_numbers` (an admin's release), each of which must be
   * reserved for this order, else nothing moves and the refusal names every one that is not.
   * With `open_quantities` (units each line still has to fulfil, after an order edit or a
   * draft order's deletion) only the reservations beyond them go: a line missing from it
   * keeps none, and a line keeps its reserved serials first in serial-number order.
   */
  @InjectTransactionManager()
  async releaseOrderReservations(
    input: {
      order_id: string
      actor_id?: string | null
      serial_numbers?: string[]
      open_quantities?: Record<string, number>
      reason?: string
    },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<OrderSerialsResult> {
    const manager = sharedContext.transactionManager as SqlManager
    let rows = await serialSql.lockSerials(manager, { order_id: input.order_id, status: ["reserved"] }, { columns: "full" })
    if (input.open_quantities) {
      rows = reservationsBeyond(rows, input.open_quantities)
    }
    if (input.serial_numbers) {
      const wanted = new Map(input.serial_numbers.map((t) => [normalizeSerial(t), t]))
      const problems: string[] = []
      if (wanted.size < input.serial_numbers.length) {
        const seen = new Set<string>()
        for (const t of input.serial_numbers) {
          const n = normalizeSerial(t)
          if (seen.has(n)) problems.push(`${t} is listed twice`)
          seen.add(n)
        }
      }
      const reserved = new Set(rows.map((r) => normalizeSerial(r.serial_number)))
      for (const [n, t] of wanted) {
        if (!reserved.has(n)) problems.push(`${t} is not reserved for order ${input.order_id}`)
      }
      throwProblems(problems)
      rows = rows.filter((r) => wanted.has(normalizeSerial(r.serial_number)))
    }
    if (!rows.length) {
      return { moved: [], undo: null }
    }
    const operation_id = newOperationId()
    const snapshots = snapshotsOf(rows)
    await this.movement_.move(
      {
        ids: rows.map((r) => r.id),
        movement: "release",
        set: { order_id: null, line_item_id: null },
        reference: {
          reference_type: "order",
          reference_id: input.order_id,
          actor_type: input.actor_id ? "user" : null,
          actor_id: input.actor_id ?? null,
          operation_id,
          data: { reason: input.reason ?? "order canceled" },
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
  @InjectTransactionManager()
  async reserveLine(
    input: ReserveLineSerialsInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<OrderSerialsResult> {
    const manager = sharedContext.transactionManager as SqlManager
    const settings = await this.serializedSettings_([input.variant_id], sharedContext)
    if (!settings.has(input.variant_id)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Line ${input.label} is not serialized`)
    }
    await orderSerialSql.lockLines(manager, [input.line_item_id])
    const problems: string[] = []
    const wanted: Array<{ text: string; key: string }> = []
    const seen = new Map<string, string>()
    for (const raw of input.serial_numbers) {
      const problem = serialTextProblem(raw)
      if (problem) {
        problems.push(problem)
        continue
      }
      const key = `${scopeKeyOf(this.options_, input.variant_id)}\u0000${normalizeSerial(raw)}`
      if (seen.has(key)) {
        problems.push(`Serial ${seen.get(key)} is given more than once`)
        continue
      }
      seen.set(key, cleanSerial(raw))
      wanted.push({ text: cleanSerial(raw), key })
    }
    const rows = await serialSql.lockSerials(
      manager,
      {
        keys: wanted.map((w) => {
          const [scope_key, normalized] = w.key.split("\u0000")
          return { scope_key, normalized }
        }),
      },
      { columns: "full" }
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
    const counts = (await orderSerialSql.countByLine(manager, input.order_id))[input.line_item_id] ?? {}
    const delivered = counts.delivered ?? 0
    const reservedCount = counts.reserved ?? 0
    if (delivered + reservedCount + ok.length > input.ordered_quantity) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Line ${input.label} has ${input.ordered_quantity} unit${input.ordered_quantity === 1 ? "" : "s"}, ` +
          `${delivered} delivered with serials and ${reservedCount} reserved: ${ok.length} more cannot be reserved`
      )
    }
    const operation_id = newOperationId()
    const snapshots = snapshotsOf(ok)
    await this.movement_.move(
      {
        ids: ok.map((r) => r.id),
        movement: "reserve",
        set: { order_id: input.order_id, line_item_id: input.line_item_id },
        reference: {
          reference_type: "order",
          reference_id: input.order_id,
          actor_type: input.actor_id ? "user" : null,
          actor_id: input.actor_id ?? null,
          operation_id,
          data: { line_item_id: input.line_item_id },
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
  @InjectTransactionManager()
  async swapLine(
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
    const scope = scopeKeyOf(this.options_, input.variant_id)
    const fromKey = { scope_key: scope, normalized: normalizeSerial(input.from) }
    const toKey = { scope_key: scope, normalized: normalizeSerial(input.to) }
    if (fromKey.normalized === toKey.normalized) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Serial ${input.from.trim()} cannot be swapped for itself`)
    }
    await orderSerialSql.lockLines(manager, [input.line_item_id])
    const rows = await serialSql.lockSerials(manager, { keys: [fromKey, toKey] }, { columns: "full" })
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
      const delivered = from.status === "reserved" ? null : (await orderSerialSql.deliveredFrom(manager, [from.id])).get(from.id)
      origin = from.status === "reserved" ? from.stock_location_id : delivered?.location ?? null
      if (delivered?.issued) {
        // Swaps exchange units in stock; a warranty-only serial never was.
        problems.push(`Serial ${from.serial_number} was issued to a warranty-only line; cancel its fulfilment to put it back in the pool instead`)
      }
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
    const operation_id = newOperationId()
    const snapshots = snapshotsOf([f, t])
    const reference: LedgerReference = {
      reference_type: "order",
      reference_id: input.order_id,
      actor_type: input.actor_id ? "user" : null,
      actor_id: input.actor_id ?? null,
      operation_id,
      data: {
        line_item_id: input.line_item_id,
        swap: { from: f.serial_number, to: t.serial_number },
      },
    }
    if (f.status === "reserved") {
      await this.movement_.move(
        { ids: [f.id], movement: "release", set: { order_id: null, line_item_id: null }, reference },
        sharedContext
      )
      await this.movement_.move(
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
      await this.movement_.move(
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
      await this.movement_.move(
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
  async undoMoves(undo: SerialUndo | null | undefined, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    if (!undo?.snapshots.length) {
      return
    }
    const manager = sharedContext.transactionManager as SqlManager
    await orderSerialSql.restoreSnapshots(manager, undo.snapshots)
    await this.ledger_.deleteOperation(undo.operation_id, sharedContext)
  }

  /** Settings of the serialized variants among these, by variant id. */
  /**
   * New serials of a warranty-only line from its variant's series, registered (`inactive`,
   * ledger `create`) and locked for the fulfilment to issue. They are not part of the
   * fulfilment's undo: should it roll back, they stay in the pool, and the series never
   * issues a value twice.
   */
  protected async createFromSeries_(
    line: FulfillmentLineInput,
    seriesId: string,
    count: number,
    input: AssignFulfillmentSerialsInput,
    sharedContext: Context
  ): Promise<SerialRow[]> {
    const manager = sharedContext.transactionManager as SqlManager
    const values = await this.series_.allocate(seriesId, count, { sku: line.sku ?? null, date: input.delivered_at ?? new Date() }, sharedContext)
    const rows = values.map((value) => ({
      id: generateId("sn"),
      serial_number: cleanSerial(value),
      normalized: normalizeSerial(value),
      scope_key: scopeKeyOf(this.options_, line.variant_id),
      variant_id: line.variant_id,
      product_id: line.product_id ?? null,
      inventory_item_id: null,
      status: "inactive" as const,
      series_id: seriesId,
      notes: null,
      metadata: null,
    }))
    const taken = await serialSql.insertSerials(manager, rows)
    if (taken.length) {
      // The series skips values that exist; one taken meanwhile by another transaction:
      throw new MedusaError(MedusaError.Types.CONFLICT, `Serials ${taken.join(", ")} of the series were taken meanwhile; try again`)
    }
    // An operation of its own: the fulfilment's undo leaves these serials and their rows.
    await this.ledger_.append(
      newOperationId(),
      rows.map((r) => ({
        serial_number_id: r.id,
        serial_number: r.serial_number,
        type: "create",
        from_status: null,
        to_status: "inactive",
        from_location_id: null,
        to_location_id: null,
        reference_type: "fulfillment",
        reference_id: input.fulfillment_id,
        actor_type: input.actor_id ? "user" : null,
        actor_id: input.actor_id ?? null,
        data: { order_id: input.order_id, line_item_id: line.line_item_id, series_id: seriesId },
      })),
      sharedContext
    )
    return await serialSql.lockSerials(manager, { id: rows.map((r) => r.id) }, { columns: "full" })
  }

  protected async serializedSettings_(variantIds: string[], sharedContext: Context) {
    const ids = [...new Set(variantIds)]
    if (!ids.length) {
      return new Map<string, any>()
    }
    const rows = await this.baseRepository_.serialize<any[]>(
      await this.serialSettingsService_.list({ variant_id: ids, is_serialized: true }, {}, sharedContext)
    )
    return new Map(rows.map((r) => [r.variant_id, r]))
  }
}

/** The reserved rows each line holds beyond its open quantity: the last ones in serial-number order. */
function reservationsBeyond<T extends OrderSerialRow>(rows: T[], open: Record<string, number>): T[] {
  const byLine = new Map<string, T[]>()
  for (const row of rows) {
    const key = row.line_item_id ?? ""
    const held = byLine.get(key)
    if (held) held.push(row)
    else byLine.set(key, [row])
  }
  const beyond: T[] = []
  for (const [line, held] of byLine) {
    held.sort((a, b) => (a.serial_number < b.serial_number ? -1 : a.serial_number > b.serial_number ? 1 : 0))
    beyond.push(...held.slice(Math.max(0, open[line] ?? 0)))
  }
  return beyond
}
