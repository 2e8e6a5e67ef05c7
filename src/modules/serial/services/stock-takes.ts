import { InjectManager, InjectTransactionManager, MedusaContext } from "@medusajs/framework/utils"
import type { Context, DAL } from "@medusajs/framework/types"
import { normalizeSerial } from "../../../shared/serial-text"
import type { AdminStockTake, StockTakeComparison, StockTakeCountedSerial, StockTakeInput } from "../../../shared/http/admin"
import { snapshotsOf } from "../lib/snapshots"
import { throwProblems } from "../lib/order-rules"
import { distinctScannedTexts } from "../lib/scanned-texts"
import { generateId, SqlManager } from "../lib/sql"
import type { SerialUndo } from "../order-types"
import type SerialMovementService from "./serial-movement"
import { newOperationId } from "../lib/ids"
import { serialSql, type SerialRow } from "../repositories/serial-number"

type InjectedDependencies = {
  baseRepository: DAL.RepositoryService
  serialMovementService: SerialMovementService
}

export type ConfirmStockTakeInput = StockTakeInput & { note?: string | null; actor_id?: string | null }

/** What a confirmed count did to serials that exist; found units still to be received are the workflow's part. */
export type AppliedStockTake = Omit<AdminStockTake, "received"> & {
  /** Units found that are not in stock anywhere (existing `inactive` ones, and new ones), by variant. */
  to_receive: Array<{ variant_id: string; serial_numbers: string[] }>
}

/** Why a serial scanned at a location cannot be taken into its stock by a count. */
const NOT_COUNTABLE: Record<string, string> = {
  reserved: "is reserved for an order at another location (release it there first)",
  delivered: "is delivered to a customer (record its return first)",
  scrapped: "was written off (scrapped); a written-off unit does not come back by a count",
  expired: "is past its end of life",
}

const counted = (r: SerialRow): StockTakeCountedSerial => ({
  id: r.id,
  serial_number: r.serial_number,
  variant_id: r.variant_id,
  status: r.status,
  stock_location_id: r.stock_location_id,
})

/**
 * Stock-takes (cycle counts): the serials found at a location compared with the ones the
 * books hold there, and one confirm that makes the books match the shelf. A count has no
 * table of its own: its moves reference it in the ledger (`reference_type: "stock_take"`),
 * and the units it found are a receipt without a supplier.
 */
export default class SerialStockTakeService {
  protected readonly baseRepository_: DAL.RepositoryService
  protected readonly movement_: SerialMovementService

  constructor({ baseRepository, serialMovementService }: InjectedDependencies) {
    this.baseRepository_ = baseRepository
    this.movement_ = serialMovementService
  }

  /** The comparison a confirm would act on, with the problems it would refuse; changes nothing. */
  @InjectManager()
  async preview(input: StockTakeInput, @MedusaContext() sharedContext: Context = {}): Promise<StockTakeComparison> {
    return (await this.compare_(sharedContext.manager as SqlManager, input, false)).comparison
  }

  /**
   * Applies a count: serials in stock elsewhere that were found here move here
   * (`transfer`), serials held here that were not found are written off (`scrap`, reason
   * `lost`), and the units found that are in stock nowhere are returned to be received.
   * Every problem of the comparison is named in one 400, and nothing changes.
   */
  @InjectTransactionManager()
  async confirm(
    input: ConfirmStockTakeInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ stock_take: AppliedStockTake; undo: SerialUndo }> {
    const manager = sharedContext.transactionManager as SqlManager
    const { comparison, rows } = await this.compare_(manager, input, true)
    throwProblems(comparison.problems)

    const id = generateId("sntk")
    const operation_id = newOperationId()
    const reference = {
      reference_type: "stock_take",
      reference_id: id,
      actor_type: input.actor_id ? "user" : null,
      actor_id: input.actor_id ?? null,
    }
    const toTransfer = comparison.unexpected.filter((u) => u.action === "transfer")
    const toLose = comparison.missing
    if (toTransfer.length) {
      await this.movement_.moveLocked(
        toTransfer.map((u) => rows.get(u.id)!),
        { movement: "transfer", location_id: input.location_id, reference: { ...reference, operation_id, data: { note: input.note ?? null } } },
        sharedContext
      )
    }
    if (toLose.length) {
      await this.movement_.moveLocked(
        toLose.map((m) => rows.get(m.id)!),
        { movement: "scrap", reference: { ...reference, operation_id, data: { reason: "lost", note: input.note ?? null } } },
        sharedContext
      )
    }

    const receive = new Map<string, string[]>()
    const addReceive = (variantId: string, text: string) => receive.set(variantId, [...(receive.get(variantId) ?? []), text])
    for (const u of comparison.unexpected.filter((u) => u.action === "receive")) {
      addReceive(u.variant_id, u.serial_number)
    }
    for (const n of input.new_serials ?? []) {
      addReceive(n.variant_id, n.serial_number.trim())
    }
    return {
      stock_take: {
        id,
        location_id: input.location_id,
        note: input.note ?? null,
        created_by: input.actor_id ?? null,
        created_at: new Date().toISOString(),
        found_count: comparison.found.length,
        transferred: toTransfer.map((u) => ({ id: u.id, serial_number: u.serial_number, variant_id: u.variant_id, from_location_id: u.stock_location_id! })),
        lost: toLose.map((m) => ({ id: m.id, serial_number: m.serial_number, variant_id: m.variant_id })),
        to_receive: [...receive].map(([variant_id, serial_numbers]) => ({ variant_id, serial_numbers })),
      },
      undo: { operation_id, snapshots: snapshotsOf([...toTransfer, ...toLose].map((s) => rows.get(s.id)!)) },
    }
  }

  protected async compare_(
    manager: SqlManager,
    input: StockTakeInput,
    lock: boolean
  ): Promise<{ comparison: StockTakeComparison; rows: Map<string, SerialRow> }> {
    const problems: string[] = []
    const texts = distinctScannedTexts(input.serial_numbers, problems)
    const variantIds = input.variant_ids?.length ? input.variant_ids : null
    // Locked in one id order: what the books hold here, then what was scanned.
    const held = await serialSql.lockSerials(
      manager,
      { stock_location_id: input.location_id, status: ["active", "reserved"], ...(variantIds ? { variant_id: variantIds } : {}) },
      { columns: "full", lock }
    )
    const scanned = await serialSql.lockSerials(manager, { normalized: [...texts.keys()] }, { columns: "full", lock })
    const rows = new Map([...held, ...scanned].map((r) => [r.id, r]))

    const isHere = (r: SerialRow) =>
      r.stock_location_id === input.location_id && (r.status === "active" || r.status === "reserved")
    const found: StockTakeCountedSerial[] = []
    const unexpected: StockTakeComparison["unexpected"] = []
    const unknown: string[] = []
    const foundIds = new Set<string>()
    for (const [key, text] of texts) {
      const matches = scanned.filter((r) => r.normalized === key)
      const here = matches.find(isHere)
      if (here) {
        found.push(counted(here))
        foundIds.add(here.id)
        continue
      }
      if (!matches.length) {
        unknown.push(text)
        continue
      }
      if (matches.length > 1) {
        const problem = `${text} names ${matches.length} serials of different variants, none of them held here; receive or transfer it by hand`
        problems.push(problem)
        unexpected.push(...matches.map((m) => ({ ...counted(m), action: null, problem })))
        continue
      }
      const m = matches[0]
      let action: "transfer" | "receive" | null = null
      let problem: string | null = null
      if (m.status === "active") {
        action = "transfer"
      } else if (m.status === "inactive") {
        if (m.customer_id) {
          problem = `${m.serial_number} is registered to a customer, not stock`
        } else {
          action = "receive"
        }
      } else {
        problem = `${m.serial_number} ${NOT_COUNTABLE[m.status] ?? `is ${m.status}`}`
      }
      if (problem) {
        problems.push(problem)
      }
      unexpected.push({ ...counted(m), action, problem })
    }

    const missing = held.filter((r) => !foundIds.has(r.id)).map(counted)
    for (const m of missing.filter((m) => m.status === "reserved")) {
      problems.push(`${m.serial_number} is reserved for an order and was not found: find it, or release it before it can be written off as lost`)
    }

    // New serials name the variant of unknown texts; nothing else.
    const unknownKeys = new Map(unknown.map((t) => [normalizeSerial(t), t]))
    const given = new Set<string>()
    for (const n of input.new_serials ?? []) {
      const key = normalizeSerial(n.serial_number)
      if (!unknownKeys.has(key)) {
        problems.push(`new_serials: ${n.serial_number} is not one of the unknown serials scanned`)
      } else if (given.has(key)) {
        problems.push(`new_serials: ${n.serial_number} is listed twice`)
      }
      given.add(key)
    }
    for (const [key, text] of unknownKeys) {
      if (!given.has(key)) {
        problems.push(`${text}: no such serial; name its variant in new_serials to receive it as found`)
      }
    }

    const bySerial = (x: { serial_number: string }, y: { serial_number: string }) => x.serial_number.localeCompare(y.serial_number)
    return {
      comparison: {
        location_id: input.location_id,
        variant_ids: variantIds,
        found: found.sort(bySerial),
        missing: missing.sort(bySerial),
        unexpected: unexpected.sort(bySerial),
        unknown,
        problems,
      },
      rows,
    }
  }
}
