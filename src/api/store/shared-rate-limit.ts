import path from "path"

/**
 * The look-up rate limit kept in Redis, shared by every server process of a store: one
 * counter per client and window, raised and given its expiry in one atomic script, so
 * processes racing on the same client never lose a count or leave a key that never expires.
 */
const HIT = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return { n, ttl }
`
const KEY_PREFIX = "medusa-plugin-serial-numbers:rate:"

const clients = new Map<string, any>()

/**
 * The Redis client of this process for a URL. The plugin uses the `ioredis` that Medusa
 * itself is installed with (its Redis modules and sessions use it), found next to
 * `@medusajs/framework`, rather than adding a second copy.
 */
function client(url: string) {
  let c = clients.get(url)
  if (!c) {
    const frameworkDir = path.dirname(require.resolve("@medusajs/framework/utils"))
    const Redis = require(require.resolve("ioredis", { paths: [frameworkDir] }))
    // One try and a short timeout: a look-up never waits long for a Redis that is gone.
    c = new Redis(url, { maxRetriesPerRequest: 1, connectTimeout: 2000, commandTimeout: 2000 })
    c.on("error", () => {}) // reported by the caller when a command fails
    clients.set(url, c)
  }
  return c
}

export async function hitSharedRateLimit(
  url: string,
  key: string,
  limit: number,
  windowMs: number
): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  const [count, ttl] = (await client(url).eval(HIT, 1, KEY_PREFIX + key, String(windowMs))) as [number, number]
  return { allowed: count <= limit, retryAfterSeconds: Math.max(1, Math.ceil(ttl / 1000)) }
}
