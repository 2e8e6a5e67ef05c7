import { mikroOrmBaseRepositoryFactory } from "@medusajs/framework/utils"
import type { Context } from "@medusajs/framework/types"
import { SerialLedgerEntry } from "../models"
import { generateId } from "../lib/ids"
import { moveAssignments, MoveSet, run, SqlManager } from "../lib/sql"
import type { SerialStatus } from "../lib/status-machine"

/** One ledger row as a writer gives it; the writer adds its id, operation and time. */
export type LedgerRow = {
  serial_number_id: string
  serial_number: string
  type: string
  from_status: string | null
  to_status: string | null
  from_location_id: string | null
  to_location_id: string | null
  reference_type: string | null
  reference_id: string | null
  actor_type: string | null
  actor_id: string | null
  data: Record<string, unknown> | null
}

/** What every ledger row of a move shares. */
export type LedgerEntry = Pick<LedgerRow, "type" | "reference_type" | "reference_id" | "actor_type" | "actor_id" | "data">

export type LedgerMove = {
  id: string
  status: SerialStatus
  stock_location_id: string | null
  from_status: SerialStatus | null
  from_location_id: string | null
}

/**
 * The ledger's one writer. Every row it writes carries the `operation_id` of the change
 * that wrote it (indexed), so a compensated workflow step deletes exactly its own rows by
 * that id, whatever serials, types or references they have.
 */
export class SerialLedgerEntryRepository extends mikroOrmBaseRepositoryFactory(SerialLedgerEntry) {
  async append(operationId: string, rows: LedgerRow[], context: Context = {}): Promise<void> {
    await ledgerSql.append(this.getActiveManager<SqlManager>(context), operationId, rows)
  }

  async moveAndAppend(operationId: string, moves: LedgerMove[], set: MoveSet, entry: LedgerEntry, context: Context = {}): Promise<void> {
    await ledgerSql.moveAndAppend(this.getActiveManager<SqlManager>(context), operationId, moves, set, entry)
  }

  async deleteOperation(operationId: string, context: Context = {}): Promise<void> {
    await ledgerSql.deleteOperation(this.getActiveManager<SqlManager>(context), operationId)
  }
}

const json = (v: unknown) => JSON.stringify(v)

const LEDGER_COLUMNS = `(id, operation_id, serial_number_id, serial_number, type, from_status, to_status, from_location_id,
          to_location_id, reference_type, reference_id, actor_type, actor_id, data, created_at, updated_at)`

/** The writer's statements, on any manager (a transaction's, or the bench's). */
export const ledgerSql = {
  /** Appends the rows of one operation, in one statement however many there are. */
  async append(manager: SqlManager, operationId: string, rows: LedgerRow[]): Promise<void> {
    if (!rows.length) {
      return
    }
    const payload = rows.map((r) => ({ id: generateId("snled"), ...r }))
    await run(manager,
      `INSERT INTO serial_ledger_entry ${LEDGER_COLUMNS}
       SELECT x.id, ?, x.serial_number_id, x.serial_number, x.type, x.from_status, x.to_status, x.from_location_id,
              x.to_location_id, x.reference_type, x.reference_id, x.actor_type, x.actor_id, x.data,
              clock_timestamp(), clock_timestamp()
         FROM jsonb_to_recordset(?::jsonb) AS x(
           id text, serial_number_id text, serial_number text, type text, from_status text, to_status text,
           from_location_id text, to_location_id text, reference_type text, reference_id text, actor_type text,
           actor_id text, data jsonb)`,
      [operationId, json(payload)]
    )
  },

  /**
   * Moves serials alike and appends their ledger rows in one statement: the rows are
   * updated and their ledger rows written from what the update returns, so a fulfilment of
   * a thousand units sends its serials once instead of twice.
   */
  async moveAndAppend(manager: SqlManager, operationId: string, moves: LedgerMove[], set: MoveSet, entry: LedgerEntry): Promise<void> {
    if (!moves.length) {
      return
    }
    const { assignments, params } = moveAssignments(set)
    const payload = moves.map((m) => ({ ...m, ledger_id: generateId("snled") }))
    await run(manager,
      `WITH x AS (
         SELECT * FROM jsonb_to_recordset(?::jsonb) AS x(
           id text, status text, stock_location_id text, from_status text, from_location_id text, ledger_id text)
       ), moved AS (
         UPDATE serial_number AS s
            SET status = x.status, stock_location_id = x.stock_location_id, updated_at = now()
                ${assignments}
           FROM x
          WHERE s.id = x.id
         RETURNING s.id, s.serial_number, x.ledger_id, x.from_status, x.status AS to_status,
                   x.from_location_id, x.stock_location_id AS to_location_id
       )
       INSERT INTO serial_ledger_entry ${LEDGER_COLUMNS}
       SELECT ledger_id, ?, id, serial_number, ?, from_status, to_status, from_location_id, to_location_id,
              ?, ?, ?, ?, ?::jsonb, clock_timestamp(), clock_timestamp()
         FROM moved`,
      [
        json(payload),
        ...params,
        operationId,
        entry.type,
        entry.reference_type,
        entry.reference_id,
        entry.actor_type,
        entry.actor_id,
        entry.data === null || entry.data === undefined ? null : json(entry.data),
      ]
    )
  },

  /** Removes every row one operation wrote (the undo of a compensated step); one index range. */
  async deleteOperation(manager: SqlManager, operationId: string): Promise<void> {
    await run(manager, `DELETE FROM serial_ledger_entry WHERE operation_id = ?`, [operationId])
  },
}
