import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type SerialModuleService from "../../../modules/serial/service"
import type { AdminGetSerialRegistrationsParamsType } from "./validators"

/** Storefront registrations (plugin option `registration_requires_approval`), newest first. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetSerialRegistrationsParamsType>, res: MedusaResponse) => {
  const { limit, offset, ...filters } = req.validatedQuery as AdminGetSerialRegistrationsParamsType
  const service = req.scope.resolve<SerialModuleService>("serial")
  const [serial_registrations, count] = await service.listAndCountSerialRegistrations(filters as any, {
    take: limit,
    skip: offset,
    order: { created_at: "DESC", id: "DESC" },
  })
  res.json({ serial_registrations, count, offset, limit })
}
