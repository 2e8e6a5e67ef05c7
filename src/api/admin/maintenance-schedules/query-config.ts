export const SCHEDULE_FIELDS = [
  "id",
  "display_id",
  "type",
  "periodicity",
  "interval_value",
  "interval_unit",
  "start_date",
  "end_date",
  "visit_count",
  "first_visit_on_start",
  "assignee",
  "status",
  "customer_id",
  "cancelled_at",
  "completed_at",
  "notes",
  "created_by",
  "metadata",
  "created_at",
  "updated_at",
  "serials.serial_number_id",
]

export const SCHEDULE_VISIT_FIELDS = [
  "visits.id",
  "visits.serial_number_id",
  "visits.scheduled_date",
  "visits.status",
  "visits.kind",
  "visits.technician",
  "visits.completed_at",
  "visits.notes",
  "visits.warranty_claim_id",
]

export const SCHEDULE_ALLOWED_FIELDS = [...SCHEDULE_FIELDS, ...SCHEDULE_VISIT_FIELDS, "serials", "visits"]

export const listMaintenanceSchedulesConfig = {
  defaults: SCHEDULE_FIELDS,
  allowed: SCHEDULE_ALLOWED_FIELDS,
  isList: true,
}

export const retrieveMaintenanceScheduleConfig = {
  defaults: [...SCHEDULE_FIELDS, ...SCHEDULE_VISIT_FIELDS],
  allowed: SCHEDULE_ALLOWED_FIELDS,
  isList: false,
}
