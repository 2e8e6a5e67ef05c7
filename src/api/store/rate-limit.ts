import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type SerialModuleService from "../../modules/serial/service"
import { hitSharedRateLimit } from "./shared-rate-limit"

/**
 * A fixed one-minute window per client address (`req.ip`). Kept in this process's memory,
 * unless the plugin option `rate_limit_redis_url` names a Redis: then every server process
 * of the store counts in the same window (see shared-rate-limit.ts).
 */
const WINDOW_MS = 60_000
const windows = new Map<string, { start: number; count: number }>()
let lastSweep = 0

export function hitRateLimit(key: string, limit: number, now = Date.now()): { allowed: boolean; retryAfterSeconds: number } {
  if (now - lastSweep > WINDOW_MS) {
    // Forget finished windows so the map does not grow with every address ever seen.
    for (const [k, w] of windows) {
      if (now - w.start >= WINDOW_MS) {
        windows.delete(k)
      }
    }
    lastSweep = now
  }
  let w = windows.get(key)
  if (!w || now - w.start >= WINDOW_MS) {
    w = { start: now, count: 0 }
    windows.set(key, w)
  }
  w.count++
  const retryAfterSeconds = Math.max(1, Math.ceil((w.start + WINDOW_MS - now) / 1000))
  return { allowed: w.count <= limit, retryAfterSeconds }
}

/** Middleware of the public warranty look-up: `public_lookup_rate_limit` per minute and address. */
export async function publicLookupRateLimit(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const service = req.scope.resolve<SerialModuleService>("serial")
  const { public_lookup_rate_limit: limit, rate_limit_redis_url: redisUrl } = service.getOptions()
  const key = `warranty:${req.ip ?? req.socket?.remoteAddress ?? "unknown"}`
  let hit: { allowed: boolean; retryAfterSeconds: number } | null = null
  if (redisUrl) {
    try {
      hit = await hitSharedRateLimit(redisUrl, key, limit, WINDOW_MS)
    } catch (e) {
      // Redis out of reach: look-ups go on, counted by this process alone, rather than
      // the public warranty page failing for every customer.
      req.scope
        .resolve(ContainerRegistrationKeys.LOGGER)
        .warn(`Serial look-up rate limit: Redis unavailable (${(e as Error).message}); counting in this process`)
    }
  }
  const { allowed, retryAfterSeconds } = hit ?? hitRateLimit(key, limit)
  if (!allowed) {
    res.setHeader("Retry-After", String(retryAfterSeconds))
    res.status(429).json({
      type: "too_many_requests",
      message: `Too many warranty look-ups: at most ${limit} a minute; try again in ${retryAfterSeconds} seconds`,
    })
    return
  }
  next()
}
