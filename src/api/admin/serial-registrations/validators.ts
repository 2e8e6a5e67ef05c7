import { z } from "@medusajs/framework/zod"
import { REGISTRATION_STATUSES } from "../../../modules/serial/models/serial-registration"
import { freeText, idParam, oneOrMany, queryInt } from "../../utils/validators"

export const AdminGetSerialRegistrationsParams = z.object({
  status: oneOrMany(z.enum(REGISTRATION_STATUSES)).optional(),
  customer_id: oneOrMany(idParam).optional(),
  serial_number_id: oneOrMany(idParam).optional(),
  limit: queryInt("limit", 1, 1000, 50),
  offset: queryInt("offset", 0, 1_000_000_000, 0),
})
export type AdminGetSerialRegistrationsParamsType = z.infer<typeof AdminGetSerialRegistrationsParams>

/** Body of POST /admin/serial-registrations/:id. */
export const AdminDecideSerialRegistration = z.object({
  action: z.enum(["approve", "reject"], {
    error: (issue) => `Field 'action' must be "approve" or "reject", got: '${String(issue.input).slice(0, 60)}'`,
  }),
  note: freeText("note", 5000).nullish(),
})
export type AdminDecideSerialRegistrationType = z.infer<typeof AdminDecideSerialRegistration>
