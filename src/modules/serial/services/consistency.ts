import { InjectManager, InjectTransactionManager, MedusaContext, MedusaError } from "@medusajs/framework/utils"
import type { Context, DAL, ModulesSdkTypes } from "@medusajs/framework/types"
import { run, sql, type SqlManager } from "../lib/sql"
import { consistencySql, type LedgerProblemRow, type MedusaStockLevel, type StateProblemRow } from "../lib/consistency-sql"
import { buildConsistencyReport } from "../lib/consistency"
import type { ConsistencyRun, ConsistencyRunTrigger } from "../../../shared/http/admin"

type InjectedDependencies = {
  baseRepository: DAL.RepositoryService
  serialConsistencyRunService: ModulesSdkTypes.IMedusaInternalService<any>
}

/** A run whose heartbeat is older than this stopped (a crash, a deploy): the next start takes it over. */
export const CONSISTENCY_RUN_STALE_MS = 2 * 60_000
/** Each statement of a run gives up after this long, so that no check holds a connection for minutes. */
export const CONSISTENCY_STATEMENT_TIMEOUT_MS = 60_000

type Progress = { serials: number; ledger_entries: number; ledger_problems: number; state_problems: number }
type Found = { ledger: LedgerProblemRow[]; state: StateProblemRow[] }

const RUN_LOCK = "serial-consistency-run"

/**
 * The consistency check of serials against Medusa's stock and against their own ledger,
 * as a run that walks the serials in chunks (see models/serial-consistency-run.ts): each
 * chunk is one short transaction with a statement timeout, and leaves its checkpoint, so
 * the check of 10M serials neither holds one snapshot for minutes nor starts over after a
 * crash. Each serial is judged with its whole ledger in one statement, so a movement
 * committing meanwhile cannot show as a problem.
 */
export default class ConsistencyService {
  protected readonly baseRepository_: DAL.RepositoryService
  protected readonly runs_: ModulesSdkTypes.IMedusaInternalService<any>

  constructor({ baseRepository, serialConsistencyRunService }: InjectedDependencies) {
    this.baseRepository_ = baseRepository
    this.runs_ = serialConsistencyRunService
  }

  /** Ids of the variants whose serial settings say they are serialized. */
  @InjectManager()
  async serializedVariantIds(@MedusaContext() sharedContext: Context = {}): Promise<string[]> {
    return await consistencySql.serializedVariantIds(sharedContext.manager as SqlManager)
  }

  /**
   * Starts a run, or answers the one running: a live run is returned as it is
   * (`started: false`); a stale one is taken over from its checkpoint (`started: true`).
   */
  @InjectTransactionManager()
  async startRun(
    input: { trigger: ConsistencyRunTrigger; limit: number },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ run: ConsistencyRun; started: boolean }> {
    const manager = sharedContext.transactionManager as SqlManager
    await sql.lockKey(manager, RUN_LOCK)
    const [running] = await this.runs_.list({ status: "running" }, { take: 1 }, sharedContext)
    const now = new Date()
    if (running) {
      if (now.getTime() - new Date(running.heartbeat_at).getTime() < CONSISTENCY_RUN_STALE_MS) {
        return { run: present(running), started: false }
      }
      await this.runs_.update({ id: running.id, heartbeat_at: now }, sharedContext)
      return { run: present(await this.find_(running.id, sharedContext)), started: true }
    }
    const created = await this.runs_.create(
      {
        status: "running",
        trigger: input.trigger,
        problem_limit: input.limit,
        cursor: "",
        progress: { serials: 0, ledger_entries: 0, ledger_problems: 0, state_problems: 0 } satisfies Progress,
        found: { ledger: [], state: [] } satisfies Found,
        heartbeat_at: now,
      },
      sharedContext
    )
    // Read back: the created entity lacks the times the database filled in.
    return { run: present(await this.find_(created.id, sharedContext)), started: true }
  }

  /**
   * Checks the next `size` serials of a run and records them: its cursor, counts and
   * problems advance together, in one transaction. Answers whether the walk is done.
   */
  @InjectTransactionManager()
  async checkChunk(runId: string, size: number, @MedusaContext() sharedContext: Context = {}): Promise<{ done: boolean }> {
    const manager = sharedContext.transactionManager as SqlManager
    await chunkTransactionSettings(manager)
    const current = await this.lockRunning_(runId, sharedContext)
    const range = await consistencySql.chunk(manager, current.cursor, size)
    if (!range) {
      return { done: true }
    }
    const limit = current.problem_limit
    const { ledger, state } = await consistencySql.checkRange(manager, range, limit)
    const progress: Progress = current.progress
    const found: Found = current.found
    await this.runs_.update(
      {
        id: runId,
        cursor: range.last,
        heartbeat_at: new Date(),
        progress: {
          serials: progress.serials + state.serials,
          ledger_entries: progress.ledger_entries + ledger.entries,
          ledger_problems: progress.ledger_problems + ledger.count,
          state_problems: progress.state_problems + state.count,
        } satisfies Progress,
        found: {
          ledger: [...found.ledger, ...ledger.rows].slice(0, limit),
          state: [...found.state, ...state.rows].slice(0, limit),
        } satisfies Found,
      },
      sharedContext
    )
    return { done: range.serials < size }
  }

  /** Ends a walked run: Medusa's stock against the serials in stock, then the report. */
  @InjectTransactionManager()
  async finishRun(
    runId: string,
    stock: { variant_ids: string[]; stock_levels: MedusaStockLevel[] },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ConsistencyRun> {
    const manager = sharedContext.transactionManager as SqlManager
    await chunkTransactionSettings(manager)
    const current = await this.lockRunning_(runId, sharedContext)
    const rows = await consistencySql.stock(manager, stock.variant_ids, stock.stock_levels)
    const progress: Progress = current.progress
    const found: Found = current.found
    const report = buildConsistencyReport({
      serialized_variants: stock.variant_ids.length,
      stock: rows,
      ledger: { entries: progress.ledger_entries, count: progress.ledger_problems, rows: found.ledger },
      state: { serials: progress.serials, count: progress.state_problems, rows: found.state },
    })
    await this.runs_.update(
      { id: runId, status: "completed", report, found: { ledger: [], state: [] }, heartbeat_at: new Date(), finished_at: new Date() },
      sharedContext
    )
    return present(await this.find_(runId, sharedContext))
  }

  /**
   * Marks a running run failed, with why (a statement timeout, a lost database), so the
   * next start begins anew. A run another walker finished meanwhile stays as it is.
   */
  @InjectTransactionManager()
  async failRun(runId: string, error: string, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    await sql.lockKey(sharedContext.transactionManager as SqlManager, RUN_LOCK)
    const [current] = await this.runs_.list({ id: runId, status: "running" }, { take: 1 }, sharedContext)
    if (current) {
      await this.runs_.update({ id: runId, status: "failed", error: error.slice(0, 2000), finished_at: new Date() }, sharedContext)
    }
  }

  @InjectManager()
  async retrieveRun(runId: string, @MedusaContext() sharedContext: Context = {}): Promise<ConsistencyRun> {
    return present(await this.find_(runId, sharedContext))
  }

  protected async find_(runId: string, sharedContext: Context) {
    const [found] = await this.runs_.list({ id: runId }, { take: 1 }, sharedContext)
    if (!found) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Consistency run "${runId.slice(0, 100)}" was not found`)
    }
    return found
  }

  /** The newest run (running, completed or failed), or null before the first. */
  @InjectManager()
  async latestRun(@MedusaContext() sharedContext: Context = {}): Promise<ConsistencyRun | null> {
    const [latest] = await this.runs_.list({}, { take: 1, order: { created_at: "DESC", id: "DESC" } }, sharedContext)
    return latest ? present(latest) : null
  }

  protected async lockRunning_(runId: string, sharedContext: Context) {
    const manager = sharedContext.transactionManager as SqlManager
    await sql.lockKey(manager, RUN_LOCK)
    const current = await this.find_(runId, sharedContext)
    if (current.status !== "running") {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Consistency run ${runId} is ${current.status}, not running`)
    }
    return current
  }
}

/** For this transaction: a statement timeout, and room to sort a chunk's ledger in memory. */
async function chunkTransactionSettings(manager: SqlManager) {
  await run(manager, `SELECT set_config('statement_timeout', ?, true), set_config('work_mem', '64MB', true)`, [
    String(CONSISTENCY_STATEMENT_TIMEOUT_MS),
  ])
}

/** A run as the admin API sends it: progress while running, the report once completed. */
function present(row: any): ConsistencyRun {
  return {
    id: row.id,
    status: row.status,
    trigger: row.trigger,
    limit: row.problem_limit,
    serials_checked: Number(row.progress?.serials ?? 0),
    started_at: new Date(row.created_at).toISOString(),
    heartbeat_at: new Date(row.heartbeat_at).toISOString(),
    finished_at: row.finished_at ? new Date(row.finished_at).toISOString() : null,
    error: row.error ?? null,
    report: row.report ?? null,
  }
}
