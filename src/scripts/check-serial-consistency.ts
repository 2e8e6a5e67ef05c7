import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { SERIAL_MODULE } from "../modules/serial"
import type SerialModuleService from "../modules/serial/service"
import { runSerialConsistencyCheck } from "../jobs/serial-consistency"

/**
 * The serial consistency check from the command line, run in a store's folder:
 *
 *   npx medusa exec ./node_modules/medusa-plugin-serial-numbers/.medusa/server/src/scripts/check-serial-consistency.js
 *
 * Walks a run here (or waits for the one another process is walking), prints its report
 * as JSON on stdout and exits with status 1 when a problem was found (0 when the serials
 * are consistent, 2 when the run failed), so it can run from cron or CI. An optional
 * argument is the number of problems to list per part of the check (default 1000).
 */
export default async function checkSerialConsistency({ container, args }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const limit = args?.[0] !== undefined ? Number(args[0]) : undefined
  if (limit !== undefined && !(Number.isInteger(limit) && limit >= 1 && limit <= 10_000)) {
    logger.error(`The problem limit must be a whole number from 1 to 10000, got '${args[0]}'`)
    process.exitCode = 2
    return
  }
  const service: SerialModuleService = container.resolve(SERIAL_MODULE)
  let run = await runSerialConsistencyCheck(container, { trigger: "cli", limit })
  while (run.status === "running") {
    // Another process walks it: its heartbeat says it is alive.
    await new Promise((resolve) => setTimeout(resolve, 1000))
    run = await service.retrieveConsistencyRun(run.id)
  }
  if (run.status === "failed" || !run.report) {
    logger.error(`Serial consistency run ${run.id} failed: ${run.error}`)
    process.exitCode = 2
    return
  }
  const report = run.report
  process.stdout.write(JSON.stringify(report, null, 2) + "\n")
  if (report.ok) {
    logger.info(
      `Serials consistent: ${report.checked.serials} serials, ${report.checked.ledger_entries} ledger entries, ` +
        `${report.checked.variant_locations} variant stock locations checked`
    )
  } else {
    logger.error(`Serial consistency check found ${report.problem_count} problem(s)`)
    process.exitCode = 1
  }
}
