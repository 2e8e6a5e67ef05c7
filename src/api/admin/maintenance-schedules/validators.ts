import { z } from "@medusajs/framework/zod"
import { SCHEDULE_STATUSES, SCHEDULE_TYPES } from "../../../modules/serial/models/maintenance-schedule"
import { INTERVAL_UNITS, MAX_VISITS, PERIODICITIES } from "../../../modules/serial/lib/schedule"
import {
  calendarDay,
  freeText,
  exactFieldsParam,
  idParam,
  listParams,
  metadataSchema,
  oneOrMany,
  wholeNumber,
} from "../../utils/validators"
import { SCHEDULE_ALLOWED_FIELDS } from "./query-config"

const assignee = freeText("assignee", 200, { trim: true, singleLine: true })

/** Body of POST /admin/maintenance-schedules. */
export const AdminCreateMaintenanceSchedule = z.object({
  serial_number_ids: z.array(idParam).min(1).max(1000),
  type: z.enum(SCHEDULE_TYPES),
  periodicity: z.enum(PERIODICITIES),
  interval: z
    .object({ value: wholeNumber("interval.value", 1, 1000), unit: z.enum(INTERVAL_UNITS) })
    .strict()
    .nullish(),
  start_date: calendarDay("start_date"),
  end_date: calendarDay("end_date").nullish(),
  visit_count: wholeNumber("visit_count", 1, MAX_VISITS).nullish(),
  first_visit_on_start: z.boolean().optional(),
  assignee: assignee.nullish(),
  customer_id: idParam.nullish(),
  notes: freeText("notes", 5000).nullish(),
  metadata: metadataSchema.nullish(),
})
export type AdminCreateMaintenanceScheduleType = z.infer<typeof AdminCreateMaintenanceSchedule>

/** A schedule's rules: what plans its visit days. */
const SCHEDULE_RULES = {
  periodicity: true,
  interval: true,
  start_date: true,
  end_date: true,
  visit_count: true,
  first_visit_on_start: true,
} as const

/** Body of POST /admin/maintenance-schedule-plans: a schedule's rules, to see its visit days before saving. */
export const AdminPlanMaintenanceSchedule = AdminCreateMaintenanceSchedule.pick({ type: true, ...SCHEDULE_RULES }).strict()
export type AdminPlanMaintenanceScheduleType = z.infer<typeof AdminPlanMaintenanceSchedule>

/**
 * Body of POST /admin/maintenance-schedules/:id/replan: new rules for an active schedule
 * (the type, serials and customer stay), and optionally another technician.
 */
export const AdminReplanMaintenanceSchedule = AdminCreateMaintenanceSchedule.pick({ ...SCHEDULE_RULES, assignee: true }).strict()
export type AdminReplanMaintenanceScheduleType = z.infer<typeof AdminReplanMaintenanceSchedule>

/** Body of POST /admin/maintenance-schedules/:id: the assignee, notes, or cancel / complete it. */
export const AdminUpdateMaintenanceSchedule = z.object({
  assignee: assignee.nullish(),
  status: z.enum(["cancelled", "completed"]).optional(),
  notes: freeText("notes", 5000).nullish(),
  metadata: metadataSchema.nullish(),
})
export type AdminUpdateMaintenanceScheduleType = z.infer<typeof AdminUpdateMaintenanceSchedule>

export const AdminGetMaintenanceSchedulesParams = listParams(
  ["created_at", "updated_at", "start_date", "end_date", "display_id"],
  SCHEDULE_ALLOWED_FIELDS
).extend({
  fields: exactFieldsParam(SCHEDULE_ALLOWED_FIELDS),
  status: oneOrMany(z.enum(SCHEDULE_STATUSES)).optional(),
  type: oneOrMany(z.enum(SCHEDULE_TYPES)).optional(),
  periodicity: oneOrMany(z.enum(PERIODICITIES)).optional(),
  customer_id: oneOrMany(idParam).optional(),
  assignee: oneOrMany(assignee).optional(),
  serial_number_id: idParam.optional(),
})
export type AdminGetMaintenanceSchedulesParamsType = z.infer<typeof AdminGetMaintenanceSchedulesParams>

export const AdminGetMaintenanceScheduleParams = z.object({ fields: exactFieldsParam(SCHEDULE_ALLOWED_FIELDS) })
