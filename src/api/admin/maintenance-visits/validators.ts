import { z } from "@medusajs/framework/zod"
import { VISIT_KINDS, VISIT_STATUSES } from "../../../modules/serial/models/maintenance-schedule"
import { calendarDay, exactFieldsParam, freeText, idParam, isoDate, listParams, oneOrMany, queryInt } from "../../utils/validators"

export const VISIT_FIELDS = [
  "id",
  "schedule_id",
  "serial_number_id",
  "scheduled_date",
  "status",
  "kind",
  "completed_at",
  "technician",
  "notes",
  "warranty_claim_id",
  "created_by",
  "created_at",
  "updated_at",
]
const VISIT_ALLOWED_FIELDS = [...VISIT_FIELDS, "schedule"]

export const listMaintenanceVisitsConfig = { defaults: VISIT_FIELDS, allowed: VISIT_ALLOWED_FIELDS, isList: true }

const technician = freeText("technician", 200, { trim: true, singleLine: true })

export const AdminGetMaintenanceVisitsParams = listParams(
  ["scheduled_date", "created_at", "updated_at", "completed_at"],
  VISIT_ALLOWED_FIELDS,
  50
).extend({
  fields: exactFieldsParam(VISIT_ALLOWED_FIELDS),
  status: oneOrMany(z.enum(VISIT_STATUSES)).optional(),
  kind: oneOrMany(z.enum(VISIT_KINDS)).optional(),
  schedule_id: oneOrMany(idParam).optional(),
  serial_number_id: oneOrMany(idParam).optional(),
  warranty_claim_id: oneOrMany(idParam).optional(),
  technician: oneOrMany(technician).optional(),
  /** Pending visits from today up to and including today + N days. */
  due_within_days: queryInt("due_within_days", 0, 3650, undefined as unknown as number).optional(),
  /** `true`: pending visits whose day has passed. */
  overdue: z
    .enum(["true", "false"], {
      error: (issue) => `Field 'overdue' must be true or false, got: '${String(issue.input).slice(0, 60)}'`,
    })
    .optional(),
})
export type AdminGetMaintenanceVisitsParamsType = z.infer<typeof AdminGetMaintenanceVisitsParams>

/** Body of POST /admin/maintenance-visits: a visit no schedule generated. */
export const AdminLogMaintenanceVisit = z.object({
  serial_number_id: idParam,
  kind: z.enum(["unscheduled", "breakdown"]),
  scheduled_date: calendarDay("scheduled_date").optional(),
  status: z.enum(["pending", "completed", "partially_completed"]).optional(),
  completed_at: isoDate("completed_at").nullish(),
  technician: technician.nullish(),
  notes: freeText("notes", 5000).nullish(),
  schedule_id: idParam.nullish(),
  warranty_claim_id: idParam.nullish(),
})
export type AdminLogMaintenanceVisitType = z.infer<typeof AdminLogMaintenanceVisit>

/** Body of POST /admin/maintenance-visits/:id: complete, partially complete, cancel, reschedule, annotate. */
export const AdminUpdateMaintenanceVisit = z.object({
  status: z.enum(["completed", "partially_completed", "cancelled"]).optional(),
  scheduled_date: calendarDay("scheduled_date").optional(),
  completed_at: isoDate("completed_at").nullish(),
  technician: technician.nullish(),
  notes: freeText("notes", 5000).nullish(),
})
export type AdminUpdateMaintenanceVisitType = z.infer<typeof AdminUpdateMaintenanceVisit>
