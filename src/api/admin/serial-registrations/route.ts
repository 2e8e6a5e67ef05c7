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
  // The page's proofs of purchase with URLs to open them, asked of the File Module at once.
  const proofs = await withFileUrls(req.scope, serial_registrations.map((r: any) => r.proof_of_purchase).filter(Boolean))
  const byFile = new Map(proofs.map((p) => [p.file_id, p]))
  res.json({
    serial_registrations: serial_registrations.map((r: any) => ({
      ...r,
      proof_of_purchase: r.proof_of_purchase ? byFile.get(r.proof_of_purchase.file_id) ?? null : null,
    })),
    count,
    offset,
    limit,
  })
}
