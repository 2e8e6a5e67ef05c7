import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { checkSerialConsistencyWorkflow } from "../workflows/check-serial-consistency"

/**
 * The serial consistency check from the command line, run in a store's folder:
 *
 *   npx medusa exec ./node_modules/medusa-plugin-serial-numbers/.medusa/server/src/scripts/check-serial-consistency.js
 *
 * Prints the report as JSON on stdout and exits with status 1 when a problem was found
 * (0 when the serials are consistent), so it can run from cron or CI. An optional
 * argument is the number of problems to list per part of the check (default 1000).
 */
export default async function checkSerialConsistency({ container, args }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const limit = args?.[0] !== undefined ? Number(args[0]) : undefined
  if (limit !== undefined && !(Number.isInteger(limit) && limit >= 1)) {
    logger.error(`The problem limit must be a whole number of at least 1, got '${args[0]}'`)
    process.exitCode = 2
    return
  }
  const { result } = await checkSerialConsistencyWorkflow(container).run({ input: { limit } })
  process.stdout.write(JSON.stringify(result, null, 2) + "\n")
  if (result.ok) {
    logger.info(
      `Serials consistent: ${result.checked.serials} serials, ${result.checked.ledger_entries} ledger entries, ` +
        `${result.checked.variant_locations} variant stock locations checked`
    )
  } else {
    logger.error(`Serial consistency check found ${result.problem_count} problem(s)`)
    process.exitCode = 1
  }
}
