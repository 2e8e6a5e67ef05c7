import { InjectTransactionManager, MedusaContext, MedusaError } from "@medusajs/framework/utils"
import type { Context, DAL } from "@medusajs/framework/types"
import type { MoveSerialsInput } from "../types"
import { planTransition, SerialMovement, SerialStatus } from "../lib/status-machine"
import type { SqlManager } from "../lib/sql"
import type { LockedSerial } from "../repositories/serial-number"
import { newOperationId } from "../lib/ids"
import { ledgerReference } from "../lib/ledger-reference"
import type { SerialLedgerEntryRepository } from "../repositories/serial-ledger-entry"
import { serialSql } from "../repositories/serial-number"
import { byId } from "../lib/by-id"

type InjectedDependencies = {
  baseRepository: DAL.RepositoryService
  serialLedgerEntryRepository: SerialLedgerEntryRepository
}

/**
 * The one path by which serials change status or location: the status machine checks every
 * serial of a batch, then they move with one ledger row each. Every area of the module
 * (receipts, orders, returns, the daily job) moves serials through here.
 */
export default class SerialMovementService {
  protected readonly baseRepository_: DAL.RepositoryService
  protected readonly ledger_: SerialLedgerEntryRepository

  constructor({ baseRepository, serialLedgerEntryRepository }: InjectedDependencies) {
    this.baseRepository_ = baseRepository
    this.ledger_ = serialLedgerEntryRepository
  }

  /**
   * Locks the serials, checks every one against the transition table (refusing the whole
   * batch, naming each serial that may not move), then updates them and appends one ledger
   * row each, in one transaction.
   */
  @InjectTransactionManager()
  async move(
    input: MoveSerialsInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ id: string; status: SerialStatus }[]> {
    const manager = sharedContext.transactionManager as SqlManager
    const ids = [...new Set(input.ids)]
    const current = byId(await serialSql.lockSerials(manager, { id: ids }))
    const missing = ids.filter((id) => !current.has(id))
    if (missing.length) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Serials not found: ${missing.join(", ")}`)
    }
    return await this.moveLocked(ids.map((id) => current.get(id)!), input, sharedContext)
  }

  /**
   * `move` for rows this transaction has locked and read already (`FOR UPDATE`), so a
   * large fulfilment does not read its thousand serials twice.
   */
  @InjectTransactionManager()
  async moveLocked(
    locked: LockedSerial[],
    input: Omit<MoveSerialsInput, "ids">,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ id: string; status: SerialStatus }[]> {
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
    await this.ledger_.moveAndAppend(
      input.reference?.operation_id ?? newOperationId(),
      planned.map((p) => ({
        id: p.id,
        status: p.plan.to_status,
        stock_location_id: p.plan.to_location_id,
        from_status: p.plan.from_status,
        from_location_id: p.plan.from_location_id,
      })),
      input.set ?? {},
      { type: input.movement, ...ledgerReference(input.reference ?? {}) },
      sharedContext
    )
    return planned.map((p) => ({ id: p.id, status: p.plan.to_status }))
  }
}
