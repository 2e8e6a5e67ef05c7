import { InjectManager, InjectTransactionManager, MedusaContext, MedusaError } from "@medusajs/framework/utils"
import type { Context, DAL } from "@medusajs/framework/types"
import { generateId, SqlManager } from "../lib/sql"
import { snapshotsOf } from "../lib/snapshots"
import { transferSql } from "../repositories/transfer"
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

export type TransferSerialsInput = {
  from_location_id: string
  to_location_id: string
  serial_numbers: string[]
  note?: string | null
  actor_id?: string | null
}

/** A transfer in a list: its serials counted, not listed. */
export type SerialTransferSummary = Omit<SerialTransfer, "serials"> & { serial_count: number }

/** A transfer as the ledger records it: one `transfer` row per serial, referencing it. */
export type SerialTransfer = {
  id: string
  from_location_id: string
  to_location_id: string
  note: string | null
  created_by: string | null
  created_at: string
  serials: Array<{ id: string; serial_number: string; variant_id: string }>
}

/**
 * Serials moved between stock locations. A transfer has no table of its own: it is the id
 * its serials' `transfer` ledger rows reference (`reference_type: "transfer"`), with the
 * locations, note and actor on those rows.
 */
export default class SerialTransferService {
  protected readonly baseRepository_: DAL.RepositoryService
  protected readonly movement_: SerialMovementService

  constructor({ baseRepository, serialMovementService }: InjectedDependencies) {
    this.baseRepository_ = baseRepository
    this.movement_ = serialMovementService
  }

  /**
   * Moves serials from one stock location to another. Every serial must be in stock
   * (`active`) at `from_location_id`; the refusal names every serial that is not (unknown,
   * reserved or otherwise not in stock, elsewhere, listed twice) and the case of two equal
   * locations, and nothing moves.
   */
  @InjectTransactionManager()
  async transfer(
    input: TransferSerialsInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ transfer: SerialTransfer; undo: SerialUndo }> {
    const manager = sharedContext.transactionManager as SqlManager
    const problems: string[] = []
    if (input.from_location_id === input.to_location_id) {
      problems.push(`from_location_id and to_location_id are the same location (${input.from_location_id})`)
    }
    const texts = distinctScannedTexts(input.serial_numbers, problems)
    const rows = await serialSql.lockSerials(manager, { normalized: [...texts.keys()] }, { columns: "full" })
    const chosen: typeof rows = []
    for (const [key, text] of texts) {
      const matches = rows.filter((r) => r.normalized === key)
      const here = matches.filter((r) => r.status === "active" && r.stock_location_id === input.from_location_id)
      if (here.length === 1) {
        chosen.push(here[0])
      } else if (here.length > 1) {
        problems.push(`${text} names ${here.length} serials in stock at ${input.from_location_id} (of different variants)`)
      } else if (!matches.length) {
        problems.push(`${text}: no such serial`)
      } else {
        const m = matches[0]
        problems.push(
          m.status === "active"
            ? `${m.serial_number} is in stock at ${m.stock_location_id}, not at ${input.from_location_id}`
            : `${m.serial_number} is ${m.status}, not in stock`
        )
      }
    }
    throwProblems(problems)

    const id = generateId("sntrf")
    const operation_id = newOperationId()
    await this.movement_.moveLocked(
      chosen.map((r) => ({ id: r.id, serial_number: r.serial_number, status: r.status, stock_location_id: r.stock_location_id })),
      {
        movement: "transfer",
        location_id: input.to_location_id,
        reference: {
          reference_type: "transfer",
          reference_id: id,
          actor_type: input.actor_id ? "user" : null,
          actor_id: input.actor_id ?? null,
          operation_id,
          data: { note: input.note ?? null },
        },
      },
      sharedContext
    )
    // Read back from the rows just written, so that this answer and a later read agree.
    return {
      transfer: await this.read_(manager, id),
      undo: { operation_id, snapshots: snapshotsOf(chosen) },
    }
  }

  /**
   * Transfers, newest first, a page at a time: `after` is the last id of the page before
   * (ids are time-ordered). Read from the ledger's `(reference_type, reference_id)` index
   * in id order, one group per transfer, so a page costs its own rows whatever the
   * history's size. `location_id` keeps transfers from or to that location (a filter on
   * the rows read, not an index).
   */
  @InjectManager()
  async list(
    { limit, after, location_id }: { limit: number; after?: string; location_id?: string },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ serial_transfers: SerialTransferSummary[]; next_cursor: string | null }> {
    const manager = sharedContext.manager as SqlManager
    const rows = await transferSql.list(manager, { limit: limit + 1, after, location_id })
    const page = rows.slice(0, limit).map((r) => ({
      id: r.id,
      from_location_id: r.from_location_id,
      to_location_id: r.to_location_id,
      note: r.note ?? null,
      created_by: r.created_by ?? null,
      created_at: new Date(r.created_at).toISOString(),
      serial_count: Number(r.serial_count),
    }))
    return { serial_transfers: page, next_cursor: rows.length > limit ? page[page.length - 1].id : null }
  }

  /** A transfer read back from its ledger rows; a 404 for an id no transfer has. */
  @InjectManager()
  async retrieve(id: string, @MedusaContext() sharedContext: Context = {}): Promise<SerialTransfer> {
    return await this.read_(sharedContext.manager as SqlManager, id)
  }

  protected async read_(manager: SqlManager, id: string): Promise<SerialTransfer> {
    const rows = await transferSql.serialsOf(manager, id)
    if (!rows.length) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Serial transfer with id "${id}" was not found`)
    }
    const first = rows[0]
    return {
      id,
      from_location_id: first.from_location_id,
      to_location_id: first.to_location_id,
      note: first.data?.note ?? null,
      created_by: first.actor_id ?? null,
      created_at: new Date(first.created_at).toISOString(),
      serials: rows.map((r) => ({ id: r.serial_number_id, serial_number: r.serial_number, variant_id: r.variant_id })),
    }
  }
}
