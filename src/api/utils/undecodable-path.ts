import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"

/**
 * A path whose percent-encoding is broken (`/admin/serial-numbers/%E0%A4%A`) makes Express
 * throw while decoding the route's parameters, which Medusa answers with a 500. Mounted
 * on a prefix without parameters or wildcard, this runs before that decoding and answers
 * a 400 naming the path. `onlyUnder`: refuse only paths ending so (for prefixes shared
 * with Medusa's own routes, whose answers stay Medusa's).
 */
export function refuseUndecodableAdminPath(onlyUnder?: RegExp) {
  return function refuseUndecodable(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
    if (onlyUnder && !onlyUnder.test(req.path)) {
      return next()
    }
    try {
      decodeURIComponent(req.path)
    } catch {
      return next(
        new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `Invalid path ${JSON.stringify(req.originalUrl.slice(0, 120))}: it is not valid percent-encoding`
        )
      )
    }
    next()
  }
}
