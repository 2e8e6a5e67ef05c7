// Used by the test runners and `medusa plugin:db:generate`: it boots this repository's own
// `src` as an app, with the serial module registered directly. Stores load the built
// plugin instead (see demo/medusa-config.ts).
import { loadEnv, defineConfig } from "@medusajs/framework/utils"
import os from "node:os"
import path from "node:path"

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
      // Each test file sets the options it is about on the running app, over test
      // defaults (integration-tests/helpers/suite.ts); here only what no file changes.
      options: {
        uniqueness_scope: "global",
        default_fulfillment_policy: "auto",
        staff_email: "service@serials.test",
      },
    },
    {
      // Medusa's local file provider, storing claims' files and proofs of purchase in a
      // directory of the machine's temp folder instead of the repository's `static`.
      resolve: "@medusajs/medusa/file",
      options: {
        providers: [
          {
            resolve: "@medusajs/medusa/file-local",
            id: "local",
            options: {
              upload_dir: path.join(os.tmpdir(), "serial-plugin-test-files"),
              private_upload_dir: path.join(os.tmpdir(), "serial-plugin-test-files"),
            },
          },
        ],
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
    {
      // Medusa's email-and-password auth with a cheap password hash: each test file registers
      // and logs in its admin and customers (over a hundred hashes in `npm test`), and scrypt at
      // Medusa's default cost (logN 15) takes 0.12 s of CPU each; at logN 10, 4 ms. The
      // routes and tokens are Medusa's own either way.
      resolve: "@medusajs/medusa/auth",
      options: {
        providers: [
          {
            resolve: "@medusajs/medusa/auth-emailpass",
            id: "emailpass",
            options: { hashConfig: { logN: 10, r: 8, p: 1 } },
          },
        ],
      },
    },
  ],
})
