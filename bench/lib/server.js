// The store under test: embedded Postgres, the built plugin, the demo store (`demo/`)
// migrated and seeded once into a template database, copied fresh for every run, built for
// production (`medusa build`, admin bundle off) and served with `medusa start`.
const { execFileSync } = require("child_process")
const fs = require("fs")
const path = require("path")
const { startEmbeddedPostgres } = require("../../scripts/lib/postgres")
const store = require("../../scripts/lib/store")

const { root, demoDir } = store
const stateDir = path.join(root, ".bench")
const TEMPLATE_DB = "bench_template"
const RUN_DB = "medusa_bench"

const log = (m) => console.log(`\x1b[36m[bench]\x1b[0m ${m}`)

/**
 * Starts everything; returns { pg, port, baseUrl, databaseUrl, publishableKey, serverPid,
 * stop() }. `stop` ends Medusa (its whole process group) and then Postgres.
 */
async function startStore({ port, pgPort, logFile }) {
  fs.mkdirSync(stateDir, { recursive: true })
  if (!(await store.portIsFree(port))) {
    throw new Error(`Port ${port} is taken; set BENCH_PORT to a free one`)
  }
  const pgLog = fs.createWriteStream(path.join(stateDir, "postgres.log"), { flags: "a" })
  log(`Starting Postgres (data in .bench/postgres)...`)
  const pg = await startEmbeddedPostgres({
    dataDir: path.join(stateDir, "postgres"),
    port: pgPort,
    persistent: true,
    log: (m) => pgLog.write(m),
  })
  let server = null
  const stop = async () => {
    await server?.stop({ graceMs: 10000 })
    await pg.stop().catch(() => {})
  }
  try {
    const databaseUrl = pg.url(RUN_DB)
    const base = {
      ...process.env,
      MEDUSA_DISABLE_TELEMETRY: "true",
      // One client drives the public look-up at full speed in the bench.
      DEMO_PUBLIC_LOOKUP_RATE_LIMIT: "100000",
      JWT_SECRET: "bench-jwt-secret",
      COOKIE_SECRET: "bench-cookie-secret",
    }
    // The production store (NODE_ENV=production), API only.
    const env = store.storeEnv({ databaseUrl, port, mode: "start", admin: false, base })
    // Every Medusa CLI step writes to the bench log file.
    const run = (what, args, { cwd, env: stepEnv = base }) => store.runMedusa(what, args, { cwd, env: stepEnv, logFile, log })

    await store.ensurePluginBuild(run)

    // The template database: migrated and seeded once per schema, copied for this run.
    await store.prepareTemplateDatabase({ serverUrl: pg.url, name: TEMPLATE_DB, env, run })
    const admin = pg.client("postgres")
    await admin.connect()
    try {
      if (process.env.BENCH_SLOW_SQL_MS) {
        // Development aid: statements slower than this go to .bench/postgres.log.
        await admin.query(`ALTER SYSTEM SET log_min_duration_statement = ${Number(process.env.BENCH_SLOW_SQL_MS)}`)
      } else {
        await admin.query(`ALTER SYSTEM RESET log_min_duration_statement`)
      }
      await admin.query(`SELECT pg_reload_conf()`)
    } finally {
      await admin.end()
    }
    await store.recreateDatabase(pg.url, RUN_DB, TEMPLATE_DB)

    // The production build of the store, API only.
    if (store.demoBuildIsStale({ admin: false })) {
      await run("Building the store (medusa build, admin off)", ["build"], { cwd: demoDir, env })
    }

    log(`Starting Medusa (medusa start) on port ${port}...`)
    // BENCH_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") profiles the server.
    const nodeArgs = (process.env.BENCH_NODE_ARGS || "").split(" ").filter(Boolean)
    // However this process ends, the server (its own process group) ends with it: Ctrl-C
    // runs the exit handlers.
    for (const sig of ["SIGINT", "SIGTERM"]) {
      process.once(sig, () => process.exit(130))
    }
    server = await store.startMedusa(["start"], { cwd: store.demoBuildDir, env, port, logFile, nodeArgs })
    const publishableKey = await store.readSeedMarker(databaseUrl)
    return { pg, port, baseUrl: server.url, databaseUrl, publishableKey, serverPid: server.child.pid, stop }
  } catch (e) {
    await stop()
    throw e
  }
}

/** Resident memory (bytes) of the server's process group: the CLI and what it started. */
function serverMemory(pid) {
  try {
    const out = execFileSync("ps", ["-eo", "pgid=,rss="], { encoding: "utf8" })
    let kb = 0
    for (const line of out.split("\n")) {
      const [pgid, rss] = line.trim().split(/\s+/).map(Number)
      if (pgid === pid) {
        kb += rss
      }
    }
    return kb * 1024
  } catch {
    return 0
  }
}

module.exports = { startStore, serverMemory, root, log }
