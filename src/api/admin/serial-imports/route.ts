import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { respondWithImport } from "./respond-with-import"
import type { AdminImportSerialsParamsType } from "./validators"

/** Imports serials from the CSV file in the body (docs/admin-api.md, "CSV import and export"). */
export const POST = async (
  req: AuthenticatedMedusaRequest<unknown, AdminImportSerialsParamsType>,
  res: MedusaResponse
) => {
  await respondWithImport(req, res)
}
