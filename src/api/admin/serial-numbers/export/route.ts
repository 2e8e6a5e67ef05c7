import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminGetSerialNumbersParamsType } from "../validators"
import { withWarrantyFilter } from "../warranty-filter"
import { writeSerialExport } from "./write-export"

/**
 * A CSV download of the serials `GET /admin/serial-numbers` would list with the same
 * filters (all of them, not one page), in the columns the import reads.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetSerialNumbersParamsType>,
  res: MedusaResponse
) => {
  // All pages, so the list's page cursor is not a filter here.
  const { after: _page, ...filters } = req.filterableFields
  await writeSerialExport(req, res, withWarrantyFilter(filters))
}
