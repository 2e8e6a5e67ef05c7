import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

type Middleware = (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => unknown

/**
 * Runs the plugin's follow-up of one of Medusa's own routes that changes an order without
 * an event or a workflow hook to attach to (a draft order's deletion, an order transfer):
 * `before` reads what the route is about to change, and once the route has succeeded
 * `after` runs, before the answer leaves, so the caller sees both done together. A route
 * that fails (status 400 and above) runs nothing. A follow-up that fails is logged and the
 * route's own answer still goes out: Medusa's change has committed by then.
 */
export function afterMedusaRoute<T>(
  label: string,
  before: (req: MedusaRequest) => Promise<T>,
  after: (req: MedusaRequest, captured: T) => Promise<unknown>
): Middleware {
  return async (req, res, next) => {
    let captured: T
    try {
      captured = await before(req)
    } catch (e) {
      return next(e)
    }
    const send = res.json.bind(res)
    res.json = ((body: unknown) => {
      if (res.statusCode >= 400) {
        return send(body)
      }
      after(req, captured)
        .catch((e) => {
          const logger = req.scope.resolve(ContainerRegistrationKeys.LOGGER)
          logger.error(`Serial numbers: ${label} failed after ${req.method} ${req.originalUrl}: ${e?.message ?? e}`)
        })
        .finally(() => send(body))
      return res
    }) as MedusaResponse["json"]
    next()
  }
}
