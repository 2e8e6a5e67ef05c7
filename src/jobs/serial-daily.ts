import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { SERIAL_MODULE } from "../modules/serial"
import type SerialModuleService from "../modules/serial/service"
import { expireEndOfLifeSerialsWorkflow } from "../workflows/expire-end-of-life-serials"
import { sendSerialRemindersWorkflow } from "../workflows/send-serial-reminders"
import { deliverSerialNotificationsWorkflow } from "../workflows/deliver-serial-notifications"
import type { EndOfLifeCursor } from "../modules/serial/maintenance-types"

/**
 * The plugin's daily job (03:00 UTC): serials past their end of life become `expired`,
 * and visits due, visits overdue and expiring warranties are announced (events, and
 * notifications when the store has a notification provider). Safe to run any number of
 * times, on any number of servers: each reminder is announced once.
 */
export default async function serialDailyJob(container: MedusaContainer) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const result = await runSerialDailyJob(container)
  logger.info(
    `medusa-plugin-serial-numbers daily job: ${result.expired} serial(s) expired, ${result.visit_due} visit(s) due, ` +
      `${result.visit_overdue} overdue, ${result.warranty_expiring} warranty(ies) expiring, ${result.notifications} notification(s) sent`
  )
}

export const config = {
  name: "serial-numbers-daily",
  schedule: "0 3 * * *",
}

export type SerialDailyJobResult = {
  expired: number
  visit_due: number
  visit_overdue: number
  warranty_expiring: number
  notifications: number
}

/** The job's work, in batches of `batchSize`, as of `now`. */
export async function runSerialDailyJob(
  container: MedusaContainer,
  { now = new Date(), batchSize = 1000 }: { now?: Date; batchSize?: number } = {}
): Promise<SerialDailyJobResult> {
  const service: SerialModuleService = container.resolve(SERIAL_MODULE)
  const options = service.getOptions()
  const totals: SerialDailyJobResult = { expired: 0, visit_due: 0, visit_overdue: 0, warranty_expiring: 0, notifications: 0 }

  // By cursor: each batch starts after the last serial of the one before.
  let after: EndOfLifeCursor | null = null
  for (;;) {
    const { result } = await expireEndOfLifeSerialsWorkflow(container).run({
      input: { now: now.toISOString(), limit: batchSize, after },
    })
    totals.expired += result.ids.length
    if (!result.next) {
      break
    }
    after = result.next
  }
  for (;;) {
    const { result } = await sendSerialRemindersWorkflow(container).run({
      input: {
        now: now.toISOString(),
        limit: batchSize,
        visit_due_days: options.visit_due_days,
        warranty_expiring_days: options.warranty_expiring_days,
      },
    })
    totals.visit_due += result.visit_due.length
    totals.visit_overdue += result.visit_overdue.length
    totals.warranty_expiring += result.warranty_expiring.length
    if (Math.max(result.visit_due.length, result.visit_overdue.length, result.warranty_expiring.length) < batchSize) {
      break
    }
  }
  // The outbox: what this run took, and whatever an earlier run left unsent.
  for (;;) {
    const { result } = await deliverSerialNotificationsWorkflow(container).run({ input: { limit: batchSize } })
    totals.notifications += result.sent
    if (result.claimed < batchSize) {
      break
    }
  }
  return totals
}
