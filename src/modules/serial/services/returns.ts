import { InjectTransactionManager, MedusaContext, MedusaError } from "@medusajs/framework/utils"
import type { Context, DAL } from "@medusajs/framework/types"
import { normalizeSerial } from "../../../shared/serial-text"
import { SqlManager } from "../lib/sql"
import { snapshotsOf } from "../lib/snapshots"
import { CLEARED_ASSIGNMENT, throwProblems } from "../lib/order-rules"
import type { OrderSerialRow, ReplacementGroup, ReplacementLink, ReplacementUndo, ReturnSerialsInput, ReturnSerialsResult } from "../order-types"
import type SerialMovementService from "./serial-movement"
import { newOperationId } from "../lib/ids"
import type { LedgerRow, SerialLedgerEntryRepository } from "../repositories/serial-ledger-entry"
import { advisoryLockSql } from "../repositories/advisory-lock"
import { orderSerialSql } from "../repositories/order-serials"
import { replacementSql, returnSql } from "../repositories/returns"
import { serialSql } from "../repositories/serial-number"
import { warrantyClaimSql } from "../repositories/warranty-claim"

type InjectedDependencies = {
  baseRepository: DAL.RepositoryService
  serialMovementService: SerialMovementService
  serialLedgerEntryRepository: SerialLedgerEntryRepository
}

/** Serials coming back with returns, and the replacements exchanges and claims send out. */
export default class ReturnSerialService {
  protected readonly baseRepository_: DAL.RepositoryService
  protected readonly movement_: SerialMovementService
  protected readonly ledger_: SerialLedgerEntryRepository

  constructor({ baseRepository, serialMovementService, serialLedgerEntryRepository }: InjectedDependencies) {
    this.baseRepository_ = baseRepository
    this.movement_ = serialMovementService
    this.ledger_ = serialLedgerEntryRepository
  }

  /**
   * Serials that came back with a return: restocked ones go `active` at the return's
   * location, the others `inactive`; both lose their customer, order and (unless
   * overridden) warranty, which their ledger rows keep. Without a selection, a line is
   * handled only when its returned units can only be its delivered serials (all of them,
   * all received or all damaged), or are the serials whose warranty claims opened this
   * return; the others are listed as awaiting the admin's choice.
   * Idempotent: serials already back are not delivered any more, and what a return already
   * took back counts against its quantities.
   */
  @InjectTransactionManager()
  async returnSerials(
    input: ReturnSerialsInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ReturnSerialsResult> {
    const manager = sharedContext.transactionManager as SqlManager
    const delivered = await serialSql.lockSerials(manager, { order_id: input.order_id, status: ["delivered"] }, { columns: "full" })
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
      // A return a warranty claim's decision opened names its unit: the claimed serial.
      const claimed = new Set(await warrantyClaimSql.serialIdsOfReturn(manager, input.return_id))
      for (const line of input.lines) {
        const room = capacity.get(line.line_item_id)!
        const units = Math.max(room.restock, 0) + Math.max(room.no_restock, 0)
        if (units <= 0) {
          continue
        }
        const onLine = delivered.filter((r) => r.line_item_id === line.line_item_id)
        const claimedOnLine = onLine.filter((r) => claimed.has(r.id))
        if (onLine.length === units && (room.restock <= 0 || room.no_restock <= 0)) {
          onLine.forEach((row) => chosen.push({ row, restock: room.restock > 0 }))
        } else if (claimedOnLine.length === units && (room.restock <= 0 || room.no_restock <= 0)) {
          claimedOnLine.forEach((row) => chosen.push({ row, restock: room.restock > 0 }))
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

    const operation_id = newOperationId()
    const snapshots = snapshotsOf(chosen.map((c) => c.row))
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
      await this.movement_.move(
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
            operation_id,
            // Who had the serials: the ledger keeps it after the serial forgets it.
            data: {
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
  @InjectTransactionManager()
  async linkReplacements(
    orderId: string,
    groups: ReplacementGroup[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ReplacementUndo> {
    const manager = sharedContext.transactionManager as SqlManager
    const links: ReplacementLink[] = []
    const ledger: LedgerRow[] = []
    for (const group of groups) {
      await advisoryLockSql.lockKey(manager, `serial-replacements:${group.return_id}`)
      const fresh = await serialSql.lockSerials(
        manager,
        { order_id: orderId, line_item_id: group.line_item_ids, replaces_nothing: true },
        { columns: "full", order: "delivered" }
      )
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
    const operation_id = newOperationId()
    await this.ledger_.append(operation_id, ledger, sharedContext)
    return { links, operation_id }
  }

  /** Undoes `linkReplacements` (workflow compensation). */
  @InjectTransactionManager()
  async unlinkReplacements(undo: ReplacementUndo, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    const manager = sharedContext.transactionManager as SqlManager
    await replacementSql.setReplaces(manager, undo.links.map((l) => ({ id: l.id, replaces_serial_number_id: null })))
    await this.ledger_.deleteOperation(undo.operation_id, sharedContext)
  }
}
