// The store that `npm run test:chaos` starts as real Medusa processes. It loads the BUILT
// plugin from this checkout (`.medusa/server`), as a merchant's store does.
//
// Environment (set by integration-tests/chaos/lib/cluster.ts):
//   DATABASE_URL        one Postgres for every process
//   PORT                HTTP port of this process
//   MEDUSA_WORKER_MODE  shared | server | worker (Medusa's own variable)
//   REDIS_URL           when set, Medusa's Redis event bus, workflow engine, locking and
//                       cache modules, and the plugin's rate limiter, share state through it
const path = require("path")
const { defineConfig } = require("@medusajs/framework/utils")

const pluginRoot = path.resolve(__dirname, "../../..")
const redisUrl = process.env.REDIS_URL

const redisModules = redisUrl
  ? [
      { resolve: "@medusajs/medusa/event-bus-redis", options: { redisUrl } },
      { resolve: "@medusajs/medusa/workflow-engine-redis", options: { redis: { redisUrl } } },
      { resolve: "@medusajs/medusa/cache-redis", options: { redisUrl } },
      {
        resolve: "@medusajs/medusa/locking",
        options: {
          providers: [
            { resolve: "@medusajs/medusa/locking-redis", id: "locking-redis", is_default: true, options: { redisUrl } },
          ],
        },
      },
    ]
  : []

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    workerMode: process.env.MEDUSA_WORKER_MODE || "shared",
    redisUrl,
    http: {
      storeCors: "http://localhost",
      adminCors: "http://localhost",
      authCors: "http://localhost",
      jwtSecret: "chaos-jwt-secret",
      cookieSecret: "chaos-cookie-secret",
    },
  },
  admin: { disable: true },
  plugins: [
    {
      resolve: pluginRoot,
      options: {
        uniqueness_scope: "global",
        default_fulfillment_policy: "auto",
        public_lookup_rate_limit: process.env.SERIAL_PUBLIC_LOOKUP_RATE_LIMIT
          ? Number(process.env.SERIAL_PUBLIC_LOOKUP_RATE_LIMIT)
          : undefined,
        ...(redisUrl ? { rate_limit_redis_url: redisUrl } : {}),
      },
    },
  ],
  modules: redisModules,
})
