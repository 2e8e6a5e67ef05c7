import { InjectManager, InjectTransactionManager, MedusaContext, MedusaError } from "@medusajs/framework/utils"
import type { Context, DAL, ModulesSdkTypes } from "@medusajs/framework/types"
import type { SqlManager } from "../lib/sql"
import type { LedgerProblemRow, SerialRange, StateProblemRow } from "../repositories/serial-consistency-run"
import type { MedusaStockLevel } from "../types"
import { generateId } from "../lib/ids"
import { buildConsistencyReport } from "../lib/consistency"
import type { ConsistencyRun, ConsistencyRunTrigger } from "../../../shared/http/admin"
import { advisoryLockSql } from "../repositories/advisory-lock"
import { consistencySql } from "../repositories/serial-consistency-run"

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
/** A range of serial ids a walker took to check, and when (a claim left stale is taken over). */
type ChunkClaim = SerialRange & { id: string; claimed_at: string }

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
    await advisoryLockSql.lockKey(manager, RUN_LOCK)
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
        claimed: [] satisfies ChunkClaim[],
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
   * Checks the next `size` serials of a run and records them. The range is claimed in one
   * short transaction (the cursor advances past it, the claim is noted), then checked and
   * recorded in another, so that several walkers (in one process or in several) check
   * ranges side by side. Answers `done` once nothing is left to claim.
   */
  async checkChunk(runId: string, size: number, sharedContext: Context = {}): Promise<{ done: boolean }> {
    const claimed = await this.claimChunk_(runId, size, sharedContext)
    if (!claimed) {
      return { done: true }
    }
    await this.checkClaimed_(runId, claimed.claim, claimed.limit, sharedContext)
    return { done: false }
  }

  /**
   * The next range to check: a claim whose walker went quiet (stale, as a run's heartbeat),
   * taken over; else the range after the cursor. Null when neither is left.
   */
  @InjectTransactionManager()
  protected async claimChunk_(
    runId: string,
    size: number,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ claim: ChunkClaim; limit: number } | null> {
    const manager = sharedContext.transactionManager as SqlManager
    const current = await this.lockRunning_(runId, sharedContext)
    const claimed: ChunkClaim[] = current.claimed ?? []
    const now = new Date()
    const stale = claimed.find((c) => now.getTime() - new Date(c.claimed_at).getTime() >= CONSISTENCY_RUN_STALE_MS)
    const range = stale ?? (await consistencySql.chunk(manager, current.cursor, size))
    if (!range) {
      return null
    }
    const claim: ChunkClaim = { id: generateId("sncclm"), after: range.after, last: range.last, claimed_at: now.toISOString() }
    await this.runs_.update(
      {
        id: runId,
        ...(stale ? {} : { cursor: range.last }),
        claimed: [...claimed.filter((c) => c !== stale), claim],
        heartbeat_at: now,
      },
      sharedContext
    )
    return { claim, limit: current.problem_limit }
  }

  /**
   * Checks a claimed range and records what it found: counts and problems advance and the
   * claim goes, in one transaction. A claim another walker took over meanwhile is left to
   * that walker (its range is then counted once, by whoever holds the claim).
   */
  @InjectTransactionManager()
  protected async checkClaimed_(
    runId: string,
    claim: ChunkClaim,
    limit: number,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    const manager = sharedContext.transactionManager as SqlManager
    await consistencySql.chunkTransactionSettings(manager, CONSISTENCY_STATEMENT_TIMEOUT_MS)
    const { ledger, state } = await consistencySql.checkRange(manager, claim, limit)
    const current = await this.lockRunning_(runId, sharedContext)
    const claimed: ChunkClaim[] = current.claimed ?? []
    if (!claimed.some((c) => c.id === claim.id)) {
      return
    }
    const progress: Progress = current.progress
    const found: Found = current.found
    await this.runs_.update(
      {
        id: runId,
        claimed: claimed.filter((c) => c.id !== claim.id),
        heartbeat_at: new Date(),
        progress: {
          serials: progress.serials + state.serials,
          ledger_entries: progress.ledger_entries + ledger.entries,
          ledger_problems: progress.ledger_problems + ledger.count,
          state_problems: progress.state_problems + state.count,
        } satisfies Progress,
        // Ranges finish in any order: kept in serial id order, the first `limit` of the
        // run are those a walk one range after the other would list.
        found: {
          ledger: bySerial([...found.ledger, ...ledger.rows]).slice(0, limit),
          state: bySerial([...found.state, ...state.rows]).slice(0, limit),
        } satisfies Found,
      },
      sharedContext
    )
  }

  /** Ends a walked run: Medusa's stock against the serials in stock, then the report. */
  @InjectTransactionManager()
  async finishRun(
    runId: string,
    stock: { variant_ids: string[]; stock_levels: MedusaStockLevel[] },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ConsistencyRun> {
    const manager = sharedContext.transactionManager as SqlManager
    await consistencySql.chunkTransactionSettings(manager, CONSISTENCY_STATEMENT_TIMEOUT_MS)
    const current = await this.lockRunning_(runId, sharedContext)
    if ((current.claimed ?? []).length) {
      // A range is still out with another walker: it finishes the run.
      return present(current)
    }
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
    await advisoryLockSql.lockKey(sharedContext.transactionManager as SqlManager, RUN_LOCK)
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
    await advisoryLockSql.lockKey(manager, RUN_LOCK)
    const current = await this.find_(runId, sharedContext)
    if (current.status !== "running") {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Consistency run ${runId} is ${current.status}, not running`)
    }
    return current
  }
}

/** Problem rows in serial id order, each serial's rows in the order they came (stable sort). */
function bySerial<T extends { serial_number_id: string }>(rows: T[]): T[] {
  return [...rows].sort((a, b) => (a.serial_number_id < b.serial_number_id ? -1 : a.serial_number_id > b.serial_number_id ? 1 : 0))
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
