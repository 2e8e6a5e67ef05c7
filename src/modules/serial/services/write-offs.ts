import { InjectTransactionManager, MedusaContext } from "@medusajs/framework/utils"
import type { Context, DAL } from "@medusajs/framework/types"
import { type SerialStatus, WRITE_OFF_STATUSES } from "../../../shared/statuses"
import { generateId, SqlManager } from "../lib/sql"
import { snapshotsOf } from "../lib/snapshots"
import { throwProblems } from "../lib/order-rules"
import { distinctScannedTexts } from "../lib/scanned-texts"
import type { SerialUndo } from "../order-types"
import type SerialMovementService from "./serial-movement"
import { newOperationId } from "../lib/ids"
import { orderSerialSql } from "../repositories/order-serials"
import { serialSql } from "../repositories/serial-number"

type InjectedDependencies = {
  baseRepository: DAL.RepositoryService
  serialMovementService: SerialMovementService
}

export type ScrapSerialsInput = {
  serial_numbers: string[]
  reason: string
  /**
   * The units' stock was lowered in Medusa already (by hand, in its own admin): their
   * serials are written off without lowering it again. The workflow checks that they were
   * beyond Medusa's count.
   */
  stock_already_lowered?: boolean
  actor_id?: string | null
}

/** A write-off as the ledger records it: one `scrap` row per serial, referencing it. */
export type SerialWriteOff = {
  id: string
  reason: string
  created_by: string | null
  created_at: string
  /** `from_status` and `from_location_id`: where each unit was written off from. */
  serials: Array<{
    id: string
    serial_number: string
    variant_id: string
    from_status: SerialStatus
    from_location_id: string | null
  }>
}

/**
 * Why a serial cannot be written off from the statuses outside `WRITE_OFF_STATUSES`. A
 * reserved unit belongs to an order line until the reservation is released; a delivered
 * one belongs to its customer (its return decides what happens to it).
 */
const REFUSED: Partial<Record<SerialStatus, string>> = {
  reserved: "is reserved for an order (release it first)",
  delivered: "is delivered to a customer, not in the store's hands",
  scrapped: "is already scrapped",
}

/**
 * Serials written off: damaged, lost, stolen, used up. A write-off has no table of its
 * own: it is the id its serials' `scrap` ledger rows reference (`reference_type:
 * "write_off"`), with the reason and actor on those rows.
 */
export default class SerialWriteOffService {
  protected readonly baseRepository_: DAL.RepositoryService
  protected readonly movement_: SerialMovementService

  constructor({ baseRepository, serialMovementService }: InjectedDependencies) {
    this.baseRepository_ = baseRepository
    this.movement_ = serialMovementService
  }

  /**
   * Scraps serials that are in stock (`active`), not in stock yet (`inactive`) or past
   * their end of life (`expired`). The refusal names every serial that cannot be (unknown,
   * reserved, delivered, already scrapped, listed twice, a text naming serials of several
   * variants), and nothing changes. Lowering Medusa's stock for the units that were in
   * stock is the workflow's part.
   */
  @InjectTransactionManager()
  async scrap(
    input: ScrapSerialsInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ write_off: SerialWriteOff; undo: SerialUndo }> {
    const manager = sharedContext.transactionManager as SqlManager
    const problems: string[] = []
    const texts = distinctScannedTexts(input.serial_numbers, problems)
    const rows = await serialSql.lockSerials(manager, { normalized: [...texts.keys()] }, { columns: "full" })
    const chosen: typeof rows = []
    for (const [key, text] of texts) {
      const matches = rows.filter((r) => r.normalized === key)
      if (!matches.length) {
        problems.push(`${text}: no such serial`)
      } else if (matches.length > 1) {
        problems.push(`${text} names ${matches.length} serials (of different variants); write them off one variant at a time from the serial's page`)
      } else if (!WRITE_OFF_STATUSES.includes(matches[0].status)) {
        problems.push(`${matches[0].serial_number} ${REFUSED[matches[0].status] ?? `is ${matches[0].status}`}`)
      } else {
        chosen.push(matches[0])
      }
    }
    throwProblems(problems)

    const id = generateId("snwo")
    const operation_id = newOperationId()
    const created_at = new Date().toISOString()
    await this.movement_.moveLocked(
      chosen.map((r) => ({ id: r.id, serial_number: r.serial_number, status: r.status, stock_location_id: r.stock_location_id })),
      {
        movement: "scrap",
        reference: {
          reference_type: "write_off",
          reference_id: id,
          actor_type: input.actor_id ? "user" : null,
          actor_id: input.actor_id ?? null,
          operation_id,
          data: { reason: input.reason, stock_already_lowered: !!input.stock_already_lowered },
        },
      },
      sharedContext
    )
    return {
      write_off: {
        id,
        reason: input.reason,
        created_by: input.actor_id ?? null,
        created_at,
        serials: chosen
          .map((r) => ({
            id: r.id,
            serial_number: r.serial_number,
            variant_id: r.variant_id,
            from_status: r.status,
            from_location_id: r.stock_location_id,
          }))
          .sort((a, b) => a.serial_number.localeCompare(b.serial_number)),
      },
      undo: { operation_id, snapshots: snapshotsOf(chosen) },
    }
  }
}
