import { model } from "@medusajs/framework/utils"

/**
 * The reminders' outbox: one row per reminder (visit due, visit overdue, warranty
 * expiring) and subject, keyed by the date it was about. The unique index makes the daily
 * job take each reminder once, however often it runs and on however many servers; a
 * rescheduled visit or an extended warranty has a new key, so it is announced again.
 * A row is taken `pending` and sent afterwards, one by one, each marked `sent` (or
 * `skipped`, nobody to send it to; `failed` after MAX attempts) as it goes: a crash
 * between taking and sending leaves the unsent ones pending, and the next pass sends
 * those, once their lease (`claimed_until`) has run out.
 */
const SerialNotification = model
  .define("serial_notification", {
    id: model.id({ prefix: "snntf" }).primaryKey(),
    kind: model.text(),
    subject_id: model.text(),
    key: model.text(),
    /** pending, sent, skipped or failed (rows from before the outbox are sent). */
    status: model.text().default("sent"),
    attempts: model.number().default(0),
    /** A sender's lease: another pass leaves the row alone until then. */
    claimed_until: model.dateTime().nullable(),
    sent_at: model.dateTime().nullable(),
    last_error: model.text().nullable(),
  })
  .indexes([
    { name: "IDX_serial_notification_pending", on: ["created_at", "id"], where: "status = 'pending' AND deleted_at IS NULL" },
    {
      name: "IDX_serial_notification_unique",
      on: ["kind", "subject_id", "key"],
      unique: true,
      where: "deleted_at IS NULL",
    },
  ])

export default SerialNotification
