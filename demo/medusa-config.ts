// The demo store started by `npm run demo` (scripts/demo.js). It loads the BUILT plugin
// from this checkout (`.medusa/server`, written by `medusa plugin:build`), the way a
// merchant's store loads it from node_modules.
import path from "path"
import { defineConfig, loadEnv } from "@medusajs/framework/utils"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

// This checkout's root: `..` from here, and still found when `medusa build` copies this
// file to demo/.medusa/server.
function pluginRoot(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    try {
      if (require(path.join(dir, "package.json")).name === "medusa-plugin-serial-numbers") {
        return dir
      }
    } catch {}
    if (path.dirname(dir) === dir) {
      return path.resolve(__dirname, "..")
    }
  }
}

const port = process.env.PORT || "9000"
const self = `http://localhost:${port}`

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    http: {
      storeCors: process.env.STORE_CORS || `http://localhost:8000,${self}`,
      adminCors: process.env.ADMIN_CORS || self,
      authCors: process.env.AUTH_CORS || `http://localhost:8000,${self}`,
      jwtSecret: process.env.JWT_SECRET || "demo-jwt-secret",
      cookieSecret: process.env.COOKIE_SECRET || "demo-cookie-secret",
    },
    // The demo is served over plain http on localhost. With NODE_ENV=production (`--mode
    // start`) Medusa marks the admin session cookie Secure, so it would never be set and the
    // admin login would fail.
    cookieOptions: { secure: false, sameSite: "lax" },
  },
  // `npm run bench` serves the API only: building the admin bundle costs minutes it does
  // not measure.
  admin: { disable: process.env.DEMO_ADMIN_DISABLED === "true" },
  plugins: [
    {
      resolve: pluginRoot(),
      options: {
        uniqueness_scope: "global",
        default_fulfillment_policy: "auto",
        // The bench drives the public look-up from one address at full speed.
        public_lookup_rate_limit: Number(process.env.DEMO_PUBLIC_LOOKUP_RATE_LIMIT) || 60,
        visit_due_days: 7,
        notification_channel: "email",
        // The QR code of every label opens this page with the serial (a storefront's
        // warranty look-up page; the demo has no storefront, so it is an example address).
        warranty_url_template: "https://shop.example.com/warranty/{serial}",
      },
    },
  ],
  modules: [
    {
      // Medusa's local file provider keeps claims' photos and customers' proofs of purchase
      // in the server's `static` folder, which Medusa serves; its links must name this
      // store's own address (its default is port 9000 whatever the port).
      resolve: "@medusajs/medusa/file",
      options: {
        providers: [
          {
            resolve: "@medusajs/medusa/file-local",
            id: "local",
            options: { backend_url: `${self}/static` },
          },
        ],
      },
    },
    {
      // Medusa's local notification provider writes notifications to the log instead of
      // sending them: the plugin's daily reminders (visit due, warranty expiring) show there.
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
