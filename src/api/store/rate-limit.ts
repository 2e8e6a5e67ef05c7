import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type SerialModuleService from "../../modules/serial/service"

/**
 * A fixed one-minute window per client address (`req.ip`), kept in this process's memory.
 * Enough for one server process; several processes behind a load balancer each count on
 * their own, so they need a shared store (Redis) for a store-wide limit.
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
export function publicLookupRateLimit(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const service = req.scope.resolve<SerialModuleService>("serial")
  const limit = service.getOptions().public_lookup_rate_limit
  const key = `warranty:${req.ip ?? req.socket?.remoteAddress ?? "unknown"}`
  const { allowed, retryAfterSeconds } = hitRateLimit(key, limit)
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
