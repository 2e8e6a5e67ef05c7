import { run, type SqlManager } from "../lib/sql"

/** Postgres advisory locks: named locks that serialize work across transactions and processes. */
export const advisoryLockSql = {
  /** A transaction-scoped lock on a name, held until commit, seen by every process. */
  async lockKey(manager: SqlManager, key: string): Promise<void> {
    await run(manager, `SELECT pg_advisory_xact_lock(hashtextextended(?, 0))`, [key])
  },
}
