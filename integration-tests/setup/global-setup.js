// Starts the embedded Postgres for the whole run, unless DB_HOST names a server to use.
// Test files read DB_HOST / DB_PORT / DB_USERNAME / DB_PASSWORD, which Medusa's test
// runners use to create a database per suite.
const path = require("path")
const os = require("os")
const { startEmbeddedPostgres } = require("../../scripts/lib/postgres")

module.exports = async function globalSetup() {
  if (process.env.DB_HOST) {
    process.env.DB_USERNAME = process.env.DB_USERNAME || "postgres"
    return
  }
  const dataDir = path.join(os.tmpdir(), `serial-plugin-test-pg-${process.pid}`)
  const pg = await startEmbeddedPostgres({ dataDir, persistent: false })
  globalThis.__EMBEDDED_PG__ = pg
  process.env.DB_HOST = "localhost"
  process.env.DB_PORT = String(pg.port)
  process.env.DB_USERNAME = pg.user
  process.env.DB_PASSWORD = pg.password
}
