import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminGetSerialNumbersParamsType } from "../validators"
import { writeSerialExport } from "./write-export"

/**
 * A CSV download of the serials `GET /admin/serial-numbers` would list with the same
 * filters (all of them, not one page), in the columns the import reads.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetSerialNumbersParamsType>,
  res: MedusaResponse
) => {
  await writeSerialExport(req, res, req.filterableFields)
}
