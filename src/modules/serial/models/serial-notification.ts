import { model } from "@medusajs/framework/utils"

/**
 * What the daily job has announced: one row per reminder (visit due, visit overdue,
 * warranty expiring) and subject, keyed by the date it was about. The unique index makes
 * the job send each reminder once, however often it runs and on however many servers;
 * a rescheduled visit or an extended warranty has a new key, so it is announced again.
 */
const SerialNotification = model
  .define("serial_notification", {
    id: model.id({ prefix: "snntf" }).primaryKey(),
    kind: model.text(),
    subject_id: model.text(),
    key: model.text(),
  })
  .indexes([
    {
      name: "IDX_serial_notification_unique",
      on: ["kind", "subject_id", "key"],
      unique: true,
      where: "deleted_at IS NULL",
    },
  ])

export default SerialNotification
