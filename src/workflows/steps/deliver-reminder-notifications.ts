import type { CreateNotificationDTO, INotificationModuleService } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SERIAL_MODULE } from "../../modules/serial"
import type SerialModuleService from "../../modules/serial/service"
import type { OutboxRow, VisitRow, WarrantySubject } from "../../modules/serial/maintenance-types"
import { readDeliveryNotices, type DeliveryNotice } from "../utils/delivery-notices"

/** Template names of the plugin's notifications: a store's provider renders them. */
export const REMINDER_TEMPLATES = {
  visit_due: "serial-visit-due",
  visit_overdue: "serial-visit-overdue",
  warranty_expiring: "serial-warranty-expiring",
  serials_delivered: "serial-serials-delivered",
} as const

const NO_PROVIDER = /Could not find a notification provider for channel/

export const deliverReminderNotificationsStepId = "deliver-reminder-notifications-step"
/**
 * Sends one batch of the notifications' outbox through Medusa's notification module:
 * leases up to `limit` pending rows, sends each (visits due and warranties expiring to the
 * serial's customer, overdue visits to the plugin's `staff_email`, a fulfilment's
 * delivered serials to the order's email) and marks it sent as
 * soon as it went out. A crash leaves the unsent ones pending for the next pass; the
 * idempotency key of each keeps the notification module from sending one twice should a
 * crash fall between its send and its mark. A reminder with nobody to send it to, or with
 * no notification module or provider for the channel, is `skipped` (the events went out
 * when it was taken); another failure is retried later, up to five attempts.
 */
export const deliverReminderNotificationsStep = createStep(
  deliverReminderNotificationsStepId,
  async (input: { limit: number }, { container }) => {
    const service: SerialModuleService = container.resolve(SERIAL_MODULE)
    const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    const { rows, visits, serials: subjects } = await service.claimReminderNotifications(input.limit)
    if (!rows.length) {
      return new StepResponse({ claimed: 0, sent: 0 })
    }
    const notifications = container.resolve<INotificationModuleService | undefined>(Modules.NOTIFICATION, {
      allowUnregistered: true,
    })
    if (!notifications) {
      await service.finishReminderNotifications(rows.map((r) => r.id), "skipped")
      return new StepResponse({ claimed: rows.length, sent: 0 })
    }
    const { notification_channel: channel, staff_email } = service.getOptions()
    const visitById = new Map(visits.map((v) => [v.id, v]))
    const subjectById = new Map(subjects.map((s) => [s.id, s]))
    const serialIds = [...new Set([...visits.map((v) => v.serial_number_id), ...subjects.map((s) => s.id)])]
    // One query for every serial of the batch, with its customer through the read-only link.
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = serialIds.length
      ? await query.graph({
          entity: "serial_number",
          fields: ["id", "serial_number", "customer_id", "customer.email", "customer.first_name", "customer.last_name"],
          filters: { id: serialIds },
        })
      : { data: [] }
    const serials = new Map((data as any[]).map((s) => [s.id, s]))
    const deliveries = await readDeliveryNotices(query, rows.filter((r) => r.kind === "serials_delivered"))

    let sent = 0
    const skipped: string[] = []
    for (const [i, row] of rows.entries()) {
      const notification = notificationOf(row, { visitById, subjectById, serials, deliveries, channel, staff_email })
      if (!notification) {
        skipped.push(row.id)
        continue
      }
      try {
        await notifications.createNotifications([notification])
      } catch (e) {
        if (NO_PROVIDER.test((e as Error).message)) {
          logger.warn(
            `medusa-plugin-serial-numbers: no notification provider serves the channel "${channel}"; ` +
              `${rows.length - i} reminder(s) were announced as events only. Configure a provider for it, or set the plugin option notification_channel.`
          )
          skipped.push(...rows.slice(i).map((r) => r.id))
          break
        }
        await service.failReminderNotification(row, (e as Error).message ?? String(e))
        continue
      }
      await service.finishReminderNotifications([row.id], "sent")
      sent++
    }
    await service.finishReminderNotifications(skipped, "skipped")
    return new StepResponse({ claimed: rows.length, sent })
  },
  // A message that went out cannot be recalled; what was not sent stays pending.
  async () => {}
)

/** The notification of one outbox row, or null when there is nobody to send it to (or its subject is gone). */
function notificationOf(
  row: OutboxRow,
  ctx: {
    visitById: Map<string, VisitRow>
    subjectById: Map<string, WarrantySubject>
    serials: Map<string, any>
    deliveries: Map<string, DeliveryNotice>
    channel: string
    staff_email: string | null | undefined
  }
): CreateNotificationDTO | null {
  if (row.kind === "serials_delivered") {
    const delivery = ctx.deliveries.get(row.subject_id)
    if (!delivery?.order.email || !delivery.items.length) {
      return null
    }
    return {
      to: delivery.order.email,
      channel: ctx.channel,
      template: REMINDER_TEMPLATES.serials_delivered,
      data: delivery,
      trigger_type: "serial_number.delivered",
      resource_id: row.subject_id,
      resource_type: "fulfillment",
      receiver_id: delivery.order.customer_id ?? undefined,
      idempotency_key: `serial:serials_delivered:${row.subject_id}`,
    }
  }
  if (row.kind === "warranty_expiring") {
    const s = ctx.subjectById.get(row.subject_id)
    const serial = ctx.serials.get(row.subject_id)
    const to = serial?.customer?.email
    if (!s || !to) {
      return null
    }
    return {
      to,
      channel: ctx.channel,
      template: REMINDER_TEMPLATES.warranty_expiring,
      data: { serial_number_id: s.id, serial_number: s.serial_number, warranty_expires_at: row.key, customer: customerData(serial) },
      trigger_type: "serial_number.warranty_expiring",
      resource_id: s.id,
      resource_type: "serial_number",
      receiver_id: serial.customer_id,
      idempotency_key: `serial:warranty_expiring:${s.id}:${row.key}`,
    }
  }
  const v = ctx.visitById.get(row.subject_id)
  // A visit done or cancelled since the reminder was taken needs none.
  if (!v || v.status !== "pending") {
    return null
  }
  const serial = ctx.serials.get(v.serial_number_id)
  // The day the reminder was taken for: the sent-log key.
  const day = row.key
  if (row.kind === "visit_overdue") {
    if (!ctx.staff_email) {
      return null
    }
    return {
      to: ctx.staff_email,
      channel: ctx.channel,
      template: REMINDER_TEMPLATES.visit_overdue,
      data: visitData(v, serial, day),
      trigger_type: "maintenance_visit.overdue",
      resource_id: v.id,
      resource_type: "maintenance_visit",
      idempotency_key: `serial:visit_overdue:${v.id}:${day}`,
    }
  }
  const to = serial?.customer?.email
  if (!to) {
    return null
  }
  return {
    to,
    channel: ctx.channel,
    template: REMINDER_TEMPLATES.visit_due,
    data: visitData(v, serial, day),
    trigger_type: "maintenance_visit.due",
    resource_id: v.id,
    resource_type: "maintenance_visit",
    receiver_id: serial.customer_id,
    idempotency_key: `serial:visit_due:${v.id}:${day}`,
  }
}

function customerData(serial: any) {
  return serial?.customer
    ? { id: serial.customer_id, email: serial.customer.email, first_name: serial.customer.first_name, last_name: serial.customer.last_name }
    : null
}

function visitData(v: VisitRow, serial: any, day: string) {
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
