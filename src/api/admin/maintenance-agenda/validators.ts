import { z } from "@medusajs/framework/zod"
import { calendarDay, freeText, idParam } from "../../utils/validators"

/** Query of GET /admin/maintenance-agenda: any day of the week wanted (default: this week). */
export const AdminGetMaintenanceAgendaParams = z
  .object({
    week: calendarDay("week").optional(),
    technician: freeText("technician", 200, { trim: true, singleLine: true }).optional(),
    stock_location_id: idParam.optional(),
  })
  .strict()
export type AdminGetMaintenanceAgendaParamsType = z.infer<typeof AdminGetMaintenanceAgendaParams>
