import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type SerialModuleService from "../../../modules/serial/service"
import type { AdminGetSerialRegistrationsParamsType } from "./validators"
import { withFileUrls } from "../../utils/stored-files"

/** Storefront registrations (plugin option `registration_requires_approval`), newest first. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetSerialRegistrationsParamsType>, res: MedusaResponse) => {
  const { limit, offset, ...filters } = req.validatedQuery as AdminGetSerialRegistrationsParamsType
  const service = req.scope.resolve<SerialModuleService>("serial")
  const [serial_registrations, count] = await service.listAndCountSerialRegistrations(filters as any, {
    take: limit,
    skip: offset,
    order: { created_at: "DESC", id: "DESC" },
  })
  // Each proof of purchase with a URL to open it (the File Module's, possibly presigned).
  const withProof = await Promise.all(
    serial_registrations.map(async (r: any) => ({
      ...r,
      proof_of_purchase: r.proof_of_purchase ? (await withFileUrls(req.scope, [r.proof_of_purchase]))[0] : null,
    }))
  )
  res.json({ serial_registrations: withProof, count, offset, limit })
}
