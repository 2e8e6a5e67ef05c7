import type { MedusaRequest, MiddlewareRoute } from "@medusajs/framework/http"
import { moveOrderSerialsToCustomerWorkflow } from "../../../workflows/move-order-serials-to-customer"
import { releaseUnneededOrderSerialsWorkflow } from "../../../workflows/release-unneeded-order-serials"
import { readOrderCustomerId } from "../../../workflows/steps/read-order-customer"
import { afterMedusaRoute } from "../../utils/after-medusa-route"

const actorOf = (req: MedusaRequest) => ((req as any).auth_context?.actor_type === "user" ? (req as any).auth_context.actor_id : null)

const releaseUnneeded = (reason: string) =>
  afterMedusaRoute(
    `releasing serials (${reason})`,
    async () => null,
    (req) =>
      releaseUnneededOrderSerialsWorkflow(req.scope).run({ input: { order_id: req.params.id, reason, actor_id: actorOf(req) } })
  )

const serialsFollowTheOrder = afterMedusaRoute(
  "moving serials to the order's new customer",
  (req) => readOrderCustomerId(req.scope, req.params.id),
  async (req, fromCustomerId) => {
    if (fromCustomerId) {
      await moveOrderSerialsToCustomerWorkflow(req.scope).run({
        input: { order_id: req.params.id, from_customer_id: fromCustomerId, actor_id: actorOf(req) },
      })
    }
  }
)

/**
 * Medusa routes that change an order's lines or customer without an event the plugin can
 * subscribe to (order edits emit `order-edit.confirmed`, handled by a subscriber): the
 * serials follow once the route has succeeded.
 */
export const orderChangeMiddlewares: MiddlewareRoute[] = [
  { method: ["DELETE"], matcher: "/admin/draft-orders/:id", middlewares: [releaseUnneeded("draft order deleted")] },
  { method: ["POST"], matcher: "/admin/draft-orders/:id/edit/confirm", middlewares: [releaseUnneeded("draft order edited")] },
  { method: ["POST"], matcher: "/admin/orders/:id/transfer/guest", middlewares: [serialsFollowTheOrder] },
  { method: ["POST"], matcher: "/store/orders/:id/transfer/accept", middlewares: [serialsFollowTheOrder] },
]
