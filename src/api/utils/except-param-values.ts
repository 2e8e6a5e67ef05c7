import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"

type Middleware = (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => unknown

/**
 * Express runs the middlewares of every matcher a path fits, so `/admin/serial-numbers/:id`
 * also fits the action `/admin/serial-numbers/scrap`, whose own middlewares have run by
 * then (Medusa registers static paths first). These wrappers step aside when the path
 * parameter is one of those action names, and the action's route answers alone.
 */
export const exceptParamValues = (param: string, values: string[], middlewares: Middleware[]): Middleware[] =>
  middlewares.map((middleware) => (req, res, next) => (values.includes(req.params?.[param]) ? next() : middleware(req, res, next)))
