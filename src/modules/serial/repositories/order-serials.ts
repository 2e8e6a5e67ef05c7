/**
 * SQL of the order side of the serial module: picking and locking serials for order lines
 * and fulfilments, shipment stamps, and the snapshots that let a workflow step undo its
 * moves. Statuses and locations still change only through the service's `moveSerials`;
 * the one exception is `restoreSnapshots`, which puts rows back exactly as they were
 * before a step that is being compensated (its ledger rows are removed with it).
 *
 * Every query on order data filters on `order_id` (indexed); every lock is taken in id
 * order so that two transactions locking overlapping sets cannot deadlock.
 */
import { run, type SqlManager } from "../lib/sql"
import type { SerialStatus } from "../lib/status-machine"
import { SNAPSHOT_COLUMNS, type SerialSnapshot } from "../lib/snapshots"
import { SERIAL_ROW_COLUMNS, type SerialRow } from "./serial-number"

const json = (v: unknown) => JSON.stringify(v)

/** First in, first out: oldest receipt first, then the serial text (byte order, as `sortFifo` in lib/order-rules.ts). */
const FIFO_ORDER = `received_at ASC NULLS LAST, serial_number COLLATE "C" ASC, id ASC`

export const orderSerialSql = {
  /**
   * Transaction-scoped advisory locks on order lines (in a fixed order), so that reserving,
   * swapping and fulfilling serials of one line never interleave, on any process.
   */
  async lockLines(manager: SqlManager, lineIds: string[]): Promise<void> {
    const keys = [...new Set(lineIds)].sort().map((id) => `serial-order-line:${id}`)
    for (const key of keys) {
      await run(manager, `SELECT pg_advisory_xact_lock(hashtextextended(?, 0))`, [key])
    }
  },

  /**
   * Takes up to `count` active serials of a variant at a location, oldest first, skipping
   * rows another transaction holds, so concurrent fulfilments never pick the same serial.
   */
  async pickFifo(
    manager: SqlManager,
    { variant_id, location_id, count, exclude }: { variant_id: string; location_id: string; count: number; exclude: string[] }
  ): Promise<SerialRow[]> {
    if (count <= 0) {
      return []
    }
    return await run(manager,
      `SELECT ${SERIAL_ROW_COLUMNS} FROM serial_number
        WHERE variant_id = ? AND stock_location_id = ? AND status = 'active' AND deleted_at IS NULL
          AND NOT (id = ANY (SELECT jsonb_array_elements_text(?::jsonb)))
        ORDER BY ${FIFO_ORDER}
        LIMIT ?
        FOR UPDATE SKIP LOCKED`,
      [variant_id, location_id, json(exclude), count]
    )
  },

  /**
   * A warranty-only variant's pool: its `inactive` serials nobody owns, oldest first (ids
   * are time-ordered; IDX_serial_number_pool), locked
   * with SKIP LOCKED so that concurrent fulfilments never take the same one.
   */
  async pickPool(
    manager: SqlManager,
    { variant_id, count, exclude }: { variant_id: string; count: number; exclude: string[] }
  ): Promise<SerialRow[]> {
    if (count <= 0) {
      return []
    }
    return await run(manager,
      `SELECT ${SERIAL_ROW_COLUMNS} FROM serial_number
        WHERE variant_id = ? AND status = 'inactive' AND customer_id IS NULL AND deleted_at IS NULL
          AND NOT (id = ANY (SELECT jsonb_array_elements_text(?::jsonb)))
        ORDER BY id
        LIMIT ?
        FOR UPDATE SKIP LOCKED`,
      [variant_id, json(exclude), count]
    )
  },

  /** Serials of an order's lines by status: { line_item_id: { delivered: n, reserved: n } }. */
  async countByLine(manager: SqlManager, orderId: string): Promise<Record<string, Partial<Record<SerialStatus, number>>>> {
    const rows: { line_item_id: string; status: SerialStatus; count: string }[] = await run(manager,
      `SELECT line_item_id, status, count(*) AS count FROM serial_number
        WHERE order_id = ? AND line_item_id IS NOT NULL AND deleted_at IS NULL
        GROUP BY line_item_id, status`,
      [orderId]
    )
    const out: Record<string, Partial<Record<SerialStatus, number>>> = {}
    for (const r of rows) {
      ;(out[r.line_item_id] ??= {})[r.status] = Number(r.count)
    }
    return out
  },

  /**
   * Where each delivered serial was taken from: the location of its last `deliver` ledger
   * row (for a serial delivered from stock, the fulfilment's location), or `issued` for a
   * warranty-only serial that came from its pool or series (an `issue` row) and no location.
   */
  async deliveredFrom(manager: SqlManager, ids: string[]): Promise<Map<string, { location: string | null; issued: boolean }>> {
    if (!ids.length) {
      return new Map()
    }
    const rows: { serial_number_id: string; from_location_id: string | null; type: string }[] = await run(manager,
      `SELECT DISTINCT ON (serial_number_id) serial_number_id, from_location_id, type
         FROM serial_ledger_entry
        WHERE serial_number_id IN (SELECT jsonb_array_elements_text(?::jsonb)) AND type IN ('deliver', 'issue') AND deleted_at IS NULL
        ORDER BY serial_number_id, created_at DESC, id DESC`,
      [json(ids)]
    )
    return new Map(rows.map((r) => [r.serial_number_id, { location: r.from_location_id, issued: r.type === "issue" }]))
  },

  async setShippedAt(manager: SqlManager, ids: string[], shippedAt: string): Promise<void> {
    if (!ids.length) {
      return
    }
    await run(manager,
      `UPDATE serial_number SET shipped_at = ?, updated_at = now()
        WHERE id IN (SELECT jsonb_array_elements_text(?::jsonb))`,
      [shippedAt, json(ids)]
    )
  },

  /** Puts serials back as a snapshot recorded them (undo of a compensated step). */
  async restoreSnapshots(manager: SqlManager, snapshots: SerialSnapshot[]): Promise<void> {
    if (!snapshots.length) {
      return
    }
    await run(manager,
      `UPDATE serial_number AS s
          SET ${SNAPSHOT_COLUMNS.map((c) => `${c} = x.${c}`).join(", ")}, updated_at = now()
         FROM jsonb_to_recordset(?::jsonb) AS x(
           id text, status text, stock_location_id text, customer_id text, order_id text, line_item_id text,
           fulfillment_id text, delivered_at timestamptz, shipped_at timestamptz, warranty_starts_at timestamptz,
           warranty_expires_at timestamptz)
        WHERE s.id = x.id`,
      [json(snapshots)]
    )
  },
}

