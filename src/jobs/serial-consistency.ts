import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { SERIAL_MODULE } from "../modules/serial"
import type SerialModuleService from "../modules/serial/service"
import type { ConsistencyRun, ConsistencyRunTrigger } from "../shared/http/admin"
import { readSerializedStock } from "../workflows/utils/read-serialized-stock"

/** Serials per chunk of a run: one short transaction each. */
export const CONSISTENCY_CHUNK_SIZE = 10000
/**
 * Walkers of a run in one process: each keeps one Postgres backend busy with a chunk, so
 * two use two of the database's cores (a run at 10M serials takes half as long as with one).
 */
export const CONSISTENCY_WALKERS = 2

/**
 * The nightly consistency check (04:00 UTC, after the daily job): a run over every serial,
 * in the worker. Its report is what `GET /admin/serial-reports/consistency` answers; a
 * run that a crash stopped is taken over from its checkpoint by the next start.
 */
export default async function serialConsistencyJob(container: MedusaContainer) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const run = await runSerialConsistencyCheck(container, { trigger: "schedule" })
  if (run.status === "completed") {
    const report = run.report!
    logger.info(
      `medusa-plugin-serial-numbers consistency check: ${report.ok ? "consistent" : `${report.problem_count} problem(s)`} ` +
        `(${report.checked.serials} serials, ${report.checked.ledger_entries} ledger entries)`
    )
  } else {
    logger.warn(`medusa-plugin-serial-numbers consistency check: run ${run.id} is ${run.status}${run.error ? `: ${run.error}` : ""}`)
  }
}

export const config = {
  name: "serial-numbers-consistency",
  schedule: "0 4 * * *",
}

/**
 * Starts a run and walks it here, or answers the run another process is walking as it
 * stands (`running`).
 */
export async function runSerialConsistencyCheck(
  container: MedusaContainer,
  {
    trigger,
    limit = 1000,
    chunkSize = CONSISTENCY_CHUNK_SIZE,
    walkers = CONSISTENCY_WALKERS,
  }: { trigger: ConsistencyRunTrigger; limit?: number; chunkSize?: number; walkers?: number }
): Promise<ConsistencyRun> {
  const service: SerialModuleService = container.resolve(SERIAL_MODULE)
  const { run, started } = await service.startConsistencyRun({ trigger, limit })
  if (!started) {
    return run
  }
  return await walkSerialConsistencyRun(container, run.id, { chunkSize, walkers })
}

/**
 * Walks a started run from its checkpoint to the end: `walkers` loops side by side (each
 * claims a chunk, checks it, records it, until none is left; Postgres checks their chunks
 * in parallel), then Medusa's stock, then the report. A failure (a statement timeout, a
 * lost connection) marks the run failed with its reason, and is answered, not thrown: the
 * run says what happened.
 */
export async function walkSerialConsistencyRun(
  container: MedusaContainer,
  runId: string,
  { chunkSize = CONSISTENCY_CHUNK_SIZE, walkers = CONSISTENCY_WALKERS }: { chunkSize?: number; walkers?: number } = {}
): Promise<ConsistencyRun> {
  const service: SerialModuleService = container.resolve(SERIAL_MODULE)
  const walk = async () => {
    for (;;) {
      const { done } = await service.checkConsistencyChunk(runId, chunkSize)
      if (done) {
        return
      }
    }
  }
  try {
    // Settled, not raced: a walker that failed lets the others end their chunk first.
    const ended = await Promise.allSettled(Array.from({ length: walkers }, walk))
    const failed = ended.find((e): e is PromiseRejectedResult => e.status === "rejected")
    if (failed) {
      throw failed.reason
    }
    return await service.finishConsistencyRun(runId, await readSerializedStock(container))
  } catch (e) {
    await service.failConsistencyRun(runId, (e as Error).message ?? String(e))
    return await service.retrieveConsistencyRun(runId)
  }
}
