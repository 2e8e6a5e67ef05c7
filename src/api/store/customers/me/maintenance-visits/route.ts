import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type SerialModuleService from "../../../../../modules/serial/service"
import { presentVisit } from "../../../present"
import type { StoreMaintenanceVisitsResponse } from "../../../../../shared/http/store"

/** Pending visits, from today on, of the serials the logged-in customer owns; soonest first. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreMaintenanceVisitsResponse>) => {
  const service = req.scope.resolve<SerialModuleService>("serial")
  const visits = (await service.storefrontListCustomerVisits(req.auth_context.actor_id)).map(presentVisit)
  res.json({ maintenance_visits: visits, count: visits.length })
}
