import type { AuthenticatedMedusaRequest, MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { SerialPluginOptions } from "../../modules/serial/lib/options"
import type SerialModuleService from "../../modules/serial/service"
import { hitSharedRateLimit } from "./shared-rate-limit"

/**
 * Fixed one-minute windows per key (a client address, a customer). Kept in this process's
 * memory, unless the plugin option `rate_limit_redis_url` names a Redis: then every server
 * process of the store counts in the same window (see shared-rate-limit.ts).
 */
const WINDOW_MS = 60_000
const windows = new Map<string, { start: number; count: number }>()
let lastSweep = 0

type Hit = { allowed: boolean; retryAfterSeconds: number }

export function hitRateLimit(key: string, limit: number, now = Date.now()): Hit {
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

/**
 * The address of the client that sent a request, for rate limits. Express' `req.ip` is not
 * used: Medusa sets `trust proxy`, so it is whatever the client writes first in
 * `X-Forwarded-For`, and a new value would start a new budget. Instead: the header a
 * trusted proxy sets (`client_address_header`); else, behind `trusted_proxy_hops`
 * proxies, the address the outermost of them appended to `X-Forwarded-For` (entries left
 * of it are the client's own words); else the connection's address.
 */
export function clientAddress(
  req: Pick<MedusaRequest, "headers" | "socket">,
  options: Pick<SerialPluginOptions, "trusted_proxy_hops" | "client_address_header">
): string {
  if (options.client_address_header) {
    const value = req.headers[options.client_address_header]
    const first = (Array.isArray(value) ? value[0] : value)?.split(",")[0]?.trim()
    if (first) {
      return first
    }
  }
  const socketAddress = req.socket?.remoteAddress ?? "unknown"
  if (options.trusted_proxy_hops > 0) {
    const header = req.headers["x-forwarded-for"]
    const chain = (Array.isArray(header) ? header.join(",") : header ?? "")
      .split(",")
      .map((a) => a.trim())
      .filter(Boolean)
    if (chain.length) {
      // Fewer entries than trusted proxies: the request skipped the outer ones, and the
      // first entry was still written by a proxy of ours.
      return chain[Math.max(0, chain.length - options.trusted_proxy_hops)]
    }
  }
  return socketAddress
}

/** Counts one hit on `key`: in Redis when configured and reachable, else in this process. */
async function countHit(req: MedusaRequest, options: SerialPluginOptions, key: string, limit: number): Promise<Hit> {
  if (options.rate_limit_redis_url) {
    try {
      return await hitSharedRateLimit(options.rate_limit_redis_url, key, limit, WINDOW_MS)
    } catch (e) {
      // Redis out of reach: requests go on, counted by this process alone, rather than the
      // storefront failing for every customer.
      req.scope
        .resolve(ContainerRegistrationKeys.LOGGER)
        .warn(`Serial rate limit: Redis unavailable (${(e as Error).message}); counting in this process`)
    }
  }
  return hitRateLimit(key, limit)
}

function refuse(res: MedusaResponse, retryAfterSeconds: number, message: string) {
  res.setHeader("Retry-After", String(retryAfterSeconds))
  res.status(429).json({ type: "too_many_requests", message: `${message}; try again in ${retryAfterSeconds} seconds` })
}

/** Middleware of the public warranty look-up: `public_lookup_rate_limit` per minute and address. */
export async function publicLookupRateLimit(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const options = req.scope.resolve<SerialModuleService>("serial").getOptions()
  const limit = options.public_lookup_rate_limit
  const { allowed, retryAfterSeconds } = await countHit(req, options, `warranty:${clientAddress(req, options)}`, limit)
  if (!allowed) {
    return refuse(res, retryAfterSeconds, `Too many warranty look-ups: at most ${limit} a minute`)
  }
  next()
}

/**
 * Middleware of the customer's writes (registrations, claims): at most
 * `customer_write_rate_limit` per minute for one customer, and `address_write_rate_limit`
 * from one address for all customers together, so that guessing serials is slow whether
 * one account or many are used.
 */
export async function storefrontWriteRateLimit(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const options = req.scope.resolve<SerialModuleService>("serial").getOptions()
  const customerId = (req as AuthenticatedMedusaRequest).auth_context?.actor_id
  const hits: Array<Hit & { message: string }> = []
  if (customerId) {
    const limit = options.customer_write_rate_limit
    hits.push({
      ...(await countHit(req, options, `store-write:customer:${customerId}`, limit)),
      message: `Too many registrations and claims: at most ${limit} a minute for one customer`,
    })
  }
  const limit = options.address_write_rate_limit
  hits.push({
    ...(await countHit(req, options, `store-write:address:${clientAddress(req, options)}`, limit)),
    message: `Too many registrations and claims from this address: at most ${limit} a minute`,
  })
  const refused = hits.filter((h) => !h.allowed)
  if (refused.length) {
    const wait = Math.max(...refused.map((h) => h.retryAfterSeconds))
    return refuse(res, wait, refused[0].message)
  }
  next()
}
