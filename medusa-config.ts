// Used by the test runners and `medusa plugin:db:generate`: it boots this repository's own
// `src` as an app, with the serial module registered directly. Stores load the built
// plugin instead (see demo/medusa-config.ts).
import { loadEnv, defineConfig } from "@medusajs/framework/utils"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    http: {
      storeCors: process.env.STORE_CORS || "http://localhost:8000",
      adminCors: process.env.ADMIN_CORS || "http://localhost:9000",
      authCors: process.env.AUTH_CORS || "http://localhost:9000",
      jwtSecret: process.env.JWT_SECRET || "supersecret",
      cookieSecret: process.env.COOKIE_SECRET || "supersecret",
    },
  },
  admin: { disable: true },
  modules: [
    {
      resolve: "./src/modules/serial",
      options: {
        uniqueness_scope: process.env.SERIAL_UNIQUENESS_SCOPE || "global",
        default_fulfillment_policy: process.env.SERIAL_FULFILLMENT_POLICY || "auto",
        staff_email: "service@serials.test",
        // Tests set a low limit to reach the 429; unset, the plugin default applies.
        public_lookup_rate_limit: process.env.SERIAL_PUBLIC_LOOKUP_RATE_LIMIT
          ? Number(process.env.SERIAL_PUBLIC_LOOKUP_RATE_LIMIT)
          : undefined,
        // Unset: the plugin default (registrations wait for an admin's approval).
        registration_requires_approval: process.env.SERIAL_REGISTRATION_REQUIRES_APPROVAL
          ? process.env.SERIAL_REGISTRATION_REQUIRES_APPROVAL === "true"
          : undefined,
        trusted_proxy_hops: process.env.SERIAL_TRUSTED_PROXY_HOPS ? Number(process.env.SERIAL_TRUSTED_PROXY_HOPS) : undefined,
        customer_write_rate_limit: process.env.SERIAL_CUSTOMER_WRITE_RATE_LIMIT
          ? Number(process.env.SERIAL_CUSTOMER_WRITE_RATE_LIMIT)
          : undefined,
        address_write_rate_limit: process.env.SERIAL_ADDRESS_WRITE_RATE_LIMIT
          ? Number(process.env.SERIAL_ADDRESS_WRITE_RATE_LIMIT)
          : undefined,
      },
    },
    {
      // Medusa's local notification provider (it logs instead of sending) on the "email"
      // channel, so that the plugin's reminder notifications are really created in tests.
      resolve: "@medusajs/medusa/notification",
      options: {
        providers: [
          {
            resolve: "@medusajs/medusa/notification-local",
            id: "local",
            options: { name: "Local Notification Provider", channels: ["email", "feed"] },
          },
        ],
      },
    },
  ],
})
