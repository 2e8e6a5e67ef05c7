import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { releaseOrderSerialsWorkflow } from "../../../../../../workflows/release-order-serials"
import type { AdminReleaseOrderSerialsType } from "../../../validators"
import { readOrderSerials } from "../read-order-serials"
import type { AdminOrderSerialsResponse } from "../../../../../../shared/http/admin"

/**
 * Frees serials reserved for the order (`{ serial_numbers }`, or all of them with an empty
 * body): back `active` where they are, for any order. Answers the order's serials.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminReleaseOrderSerialsType>,
  res: MedusaResponse<AdminOrderSerialsResponse>
) => {
  await releaseOrderSerialsWorkflow(req.scope).run({
    input: {
      order_id: req.params.id,
      serial_numbers: req.validatedBody.serial_numbers,
      actor_id: req.auth_context?.actor_id ?? null,
      reason: "released by an admin",
    },
  })
  res.json({ order_serial_numbers: await readOrderSerials(req.scope, req.params.id) })
}
