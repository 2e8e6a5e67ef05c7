import { errorHandler } from "@medusajs/framework/http"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"

/**
 * The app's error handler: Medusa's own, except that a path whose percent-encoding is
 * broken (`/admin/serial-numbers/%E0%A4%A`) is a 400 naming the path. Express fails
 * decoding such a path in a route layer of Medusa's (before any middleware of the plugin
 * could look at it) and Medusa's handler answers errors it does not know with a 500.
 * The same for a query key nested deeper than Medusa's query parser allows (`?a.b.c=1`),
 * which Medusa raises as an internal error (500) although the request is at fault.
 * A store that declares its own `errorHandler` in its middlewares replaces this one.
 */
export function pathDecodingErrorHandler() {
  const medusaHandler = errorHandler()
  return function handle(err: any, req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
    const undecodable = err instanceof URIError || /^Failed to decode param/.test(String(err?.message ?? ""))
    if (undecodable) {
      return medusaHandler(
        new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `Invalid path ${JSON.stringify(String(req.originalUrl ?? "").slice(0, 120))}: it is not valid percent-encoding`
        ),
        req as any,
        res as any,
        next
      )
    }
    const tooDeep = /^Key accessor more than 2 levels deep: (.*)$/.exec(String(err?.message ?? ""))
    if (tooDeep) {
      return medusaHandler(
        new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `Invalid query parameter ${JSON.stringify(tooDeep[1].slice(0, 120))}: a key may have at most 2 levels (a.b)`
        ),
        req as any,
        res as any,
        next
      )
    }
    return medusaHandler(err, req as any, res as any, next)
  }
}
