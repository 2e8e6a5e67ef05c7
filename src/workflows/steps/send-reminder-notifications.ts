import type { CreateNotificationDTO, INotificationModuleService } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SERIAL_MODULE } from "../../modules/serial"
import type SerialModuleService from "../../modules/serial/service"
import type { TakenReminders } from "../../modules/serial/maintenance-types"
import { formatDay } from "../../modules/serial/lib/schedule"

/** Template names of the plugin's notifications: a store's provider renders them. */
export const REMINDER_TEMPLATES = {
  visit_due: "serial-visit-due",
  visit_overdue: "serial-visit-overdue",
  warranty_expiring: "serial-warranty-expiring",
} as const

const NO_PROVIDER = /Could not find a notification provider for channel/

export const sendReminderNotificationsStepId = "send-reminder-notifications-step"
/**
 * Sends the taken reminders through Medusa's notification module, when the store has
 * one: visits due and warranties expiring to the serial's customer, overdue visits to the
 * plugin's `staff_email`. Each carries an idempotency key, so a retried run never sends a
 * notification twice. Without a notification module, or without a provider for the
 * channel, nothing is sent (the events still are); another failure fails the run, whose
 * reminders are then released and retried by the next run.
 */
export const sendReminderNotificationsStep = createStep(
  sendReminderNotificationsStepId,
  async (taken: TakenReminders, { container }) => {
    const notifications = container.resolve<INotificationModuleService | undefined>(Modules.NOTIFICATION, {
      allowUnregistered: true,
    })
    if (!notifications) {
      return new StepResponse({ sent: 0 })
    }
    const service: SerialModuleService = container.resolve(SERIAL_MODULE)
    const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    const { notification_channel: channel, staff_email } = service.getOptions()

    const serialIds = [
      ...new Set([
        ...taken.visit_due.map((v) => v.serial_number_id),
        ...taken.visit_overdue.map((v) => v.serial_number_id),
        ...taken.warranty_expiring.map((s) => s.id),
      ]),
    ]
    if (!serialIds.length) {
      return new StepResponse({ sent: 0 })
    }
    // One query for every serial of the batch, with its customer through the read-only link.
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "serial_number",
      fields: ["id", "serial_number", "customer_id", "customer.email", "customer.first_name", "customer.last_name"],
      filters: { id: serialIds },
    })
    const serials = new Map((data as any[]).map((s) => [s.id, s]))

    const out: CreateNotificationDTO[] = []
    for (const v of taken.visit_due) {
      const serial = serials.get(v.serial_number_id)
      const to = serial?.customer?.email
      if (!to) {
        continue
      }
      const day = formatDay(new Date(v.scheduled_date))
      out.push({
        to,
        channel,
        template: REMINDER_TEMPLATES.visit_due,
        data: visitData(v, serial, day),
        trigger_type: "maintenance_visit.due",
        resource_id: v.id,
        resource_type: "maintenance_visit",
        receiver_id: serial.customer_id,
        idempotency_key: `serial:visit_due:${v.id}:${day}`,
      })
    }
    if (staff_email) {
      for (const v of taken.visit_overdue) {
        const day = formatDay(new Date(v.scheduled_date))
        out.push({
          to: staff_email,
          channel,
          template: REMINDER_TEMPLATES.visit_overdue,
          data: visitData(v, serials.get(v.serial_number_id), day),
          trigger_type: "maintenance_visit.overdue",
          resource_id: v.id,
          resource_type: "maintenance_visit",
          idempotency_key: `serial:visit_overdue:${v.id}:${day}`,
        })
      }
    }
    for (const s of taken.warranty_expiring) {
      const serial = serials.get(s.id)
      const to = serial?.customer?.email
      if (!to) {
        continue
      }
      const expires = new Date(s.warranty_expires_at).toISOString()
      out.push({
        to,
        channel,
        template: REMINDER_TEMPLATES.warranty_expiring,
        data: {
          serial_number_id: s.id,
          serial_number: s.serial_number,
          warranty_expires_at: expires,
          customer: customerData(serial),
        },
        trigger_type: "serial_number.warranty_expiring",
        resource_id: s.id,
        resource_type: "serial_number",
        receiver_id: serial.customer_id,
        idempotency_key: `serial:warranty_expiring:${s.id}:${expires}`,
      })
    }
    if (!out.length) {
      return new StepResponse({ sent: 0 })
    }
    try {
      await notifications.createNotifications(out)
    } catch (e) {
      if (NO_PROVIDER.test((e as Error).message)) {
        logger.warn(
          `medusa-plugin-serial-numbers: no notification provider serves the channel "${channel}"; ` +
            `${out.length} reminder(s) were announced as events only. Configure a provider for it, or set the plugin option notification_channel.`
        )
        return new StepResponse({ sent: 0 })
      }
      throw e
    }
    return new StepResponse({ sent: out.length })
  },
  // A message that went out cannot be recalled; the idempotency keys keep a retry from repeating it.
  async () => {}
)

function customerData(serial: any) {
  return serial?.customer
    ? { id: serial.customer_id, email: serial.customer.email, first_name: serial.customer.first_name, last_name: serial.customer.last_name }
    : null
}

function visitData(v: TakenReminders["visit_due"][number], serial: any, day: string) {
  return {
    visit_id: v.id,
    schedule_id: v.schedule_id,
    serial_number_id: v.serial_number_id,
    serial_number: serial?.serial_number ?? null,
    scheduled_date: day,
    technician: v.technician,
    customer: customerData(serial),
  }
}
