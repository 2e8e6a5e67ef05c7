/** SQL of the series counters: blocks of values issued atomically, and a counter read. */
import { generateId } from "../lib/ids"
import { run, type SqlManager } from "../lib/sql"

export const seriesCounterSql = {
  /**
   * Adds `count` to the counter of (series, key), creating it at `count`, and returns the
   * new value: the block issued is (value - count, value]. One statement, so concurrent
   * callers on any process get disjoint blocks (the row lock is held to commit).
   */
  async advanceCounter(manager: SqlManager, seriesId: string, key: string, count: number): Promise<bigint> {
    const [row]: { value: string | number }[] = await run(manager,
      `INSERT INTO serial_series_counter (id, series_id, key, value, created_at, updated_at)
       VALUES (?, ?, ?, ?, now(), now())
       ON CONFLICT (series_id, key) WHERE deleted_at IS NULL
       DO UPDATE SET value = serial_series_counter.value + EXCLUDED.value, updated_at = now()
       RETURNING value`,
      [generateId("sncnt"), seriesId, key, count]
    )
    // A bigint column arrives as a string: BigInt keeps every one of its 18 digits.
    return BigInt(row.value)
  },

  async readCounter(manager: SqlManager, seriesId: string, key: string): Promise<bigint> {
    const [row]: { value: string | number }[] = await run(manager,
      `SELECT value FROM serial_series_counter WHERE series_id = ? AND key = ? AND deleted_at IS NULL`,
      [seriesId, key]
    )
    return row ? BigInt(row.value) : 0n
  },
}
