// The store under test: embedded Postgres, the built plugin, the demo store (`demo/`)
// migrated and seeded once into a template database, copied fresh for every run, built for
// production (`medusa build`, admin bundle off) and served with `medusa start`.
const { spawn, execFileSync } = require("child_process")
const crypto = require("crypto")
const fs = require("fs")
const http = require("http")
const path = require("path")
const { startEmbeddedPostgres, ensureDatabase, portIsFree } = require("../../scripts/lib/postgres")

const root = path.resolve(__dirname, "..", "..")
const demoDir = path.join(root, "demo")
const stateDir = path.join(root, ".bench")
const cliPath = require.resolve("@medusajs/cli/cli.js", { paths: [root] })
const TEMPLATE_DB = "bench_template"
const RUN_DB = "medusa_bench"

const log = (m) => console.log(`\x1b[36m[bench]\x1b[0m ${m}`)

function newestMtime(p, skip = () => false) {
  let stat
  try {
    stat = fs.statSync(p)
  } catch {
    return 0
  }
  if (!stat.isDirectory()) {
    return stat.mtimeMs
  }
  // Files only: builds touch directories (the admin bundler writes and removes temp files).
  let newest = 0
  for (const entry of fs.readdirSync(p)) {
    if (!skip(entry)) {
      newest = Math.max(newest, newestMtime(path.join(p, entry), skip))
    }
  }
  return newest
}

const mtime = (p) => {
  try {
    return fs.statSync(p).mtimeMs
  } catch {
    return 0
  }
}

/** Hash of what decides the template database: migrations, links, Medusa version, demo seed. */
function schemaFingerprint() {
  const hash = crypto.createHash("sha1")
  const add = (p) => {
    let stat
    try {
      stat = fs.statSync(p)
    } catch {
      return
    }
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(p).sort()) {
        add(path.join(p, entry))
      }
    } else if (/\.(js|json|ts)$/.test(p)) {
      hash.update(path.relative(root, p)).update("\0").update(fs.readFileSync(p)).update("\0")
    }
  }
  hash.update(require(require.resolve("@medusajs/medusa/package.json", { paths: [root] })).version)
  const built = path.join(root, ".medusa", "server", "src")
  add(path.join(built, "links"))
  add(path.join(built, "migration-scripts"))
  add(path.join(built, "modules", "serial", "migrations"))
  add(path.join(demoDir, "medusa-config.ts"))
  add(path.join(demoDir, "src", "scripts", "seed.ts"))
  return hash.digest("hex")
}

/** Runs the Medusa CLI to completion; its output goes to the bench log file. */
function medusaRun(what, args, { cwd, env, logFile }) {
  const started = Date.now()
  log(`${what}...`)
  const out = fs.openSync(logFile, "a")
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, ...args], { cwd, env, stdio: ["ignore", out, out] })
    child.on("error", reject)
    child.on("exit", (code) => {
      fs.closeSync(out)
      if (code === 0) {
        log(`${what}: ${((Date.now() - started) / 1000).toFixed(1)} s`)
        resolve()
      } else {
        reject(new Error(`${what} failed (exit ${code}); see ${path.relative(root, logFile)}`))
      }
    })
  })
}

function get(url) {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: 5000, agent: false }, (res) => {
      res.resume()
      res.on("end", () => resolve(res.statusCode))
    })
    req.on("error", () => resolve(0))
    req.on("timeout", () => {
      req.destroy()
      resolve(0)
    })
  })
}

/**
 * Starts everything; returns { pg, port, baseUrl, databaseUrl, publishableKey, serverPid,
 * stop() }. `stop` ends Medusa (its whole process group) and then Postgres.
 */
async function startStore({ port, pgPort, logFile }) {
  fs.mkdirSync(stateDir, { recursive: true })
  if (!(await portIsFree(port))) {
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
    if (server && server.exitCode === null && server.signalCode === null) {
      try {
        process.kill(-server.pid, "SIGTERM")
      } catch {}
      const deadline = Date.now() + 10000
      while (Date.now() < deadline) {
        try {
          process.kill(-server.pid, 0)
        } catch {
          break
        }
        await new Promise((r) => setTimeout(r, 200))
      }
      try {
        process.kill(-server.pid, "SIGKILL")
      } catch {}
    }
    await pg.stop().catch(() => {})
  }
  try {
    const env = {
      ...process.env,
      MEDUSA_DISABLE_TELEMETRY: "true",
      DEMO_ADMIN_DISABLED: "true",
      // One client drives the public look-up at full speed in the bench.
      DEMO_PUBLIC_LOOKUP_RATE_LIMIT: "100000",
      JWT_SECRET: "bench-jwt-secret",
      COOKIE_SECRET: "bench-cookie-secret",
      PORT: String(port),
    }

    // The plugin build.
    const builtMarker = path.join(root, ".medusa", "server", "src", "modules", "serial", "index.js")
    const sourceTime = Math.max(newestMtime(path.join(root, "src")), mtime(path.join(root, "package.json")))
    if (!fs.existsSync(builtMarker) || mtime(builtMarker) < sourceTime) {
      const buildStart = new Date()
      await medusaRun("Building the plugin (medusa plugin:build)", ["plugin:build"], { cwd: root, env, logFile })
      // Sources edited while the build ran are newer than the build: the next run rebuilds.
      fs.utimesSync(builtMarker, buildStart, buildStart)
    }

    // The template database: migrated and seeded once per schema.
    const fingerprint = schemaFingerprint()
    const admin = pg.client("postgres")
    await admin.connect()
    try {
      const { rows } = await admin.query(
        "SELECT shobj_description(oid, 'pg_database') AS note FROM pg_database WHERE datname = $1",
        [TEMPLATE_DB]
      )
      if (rows[0]?.note !== fingerprint) {
        // Migrations are incremental and the demo seed is idempotent: a template made for
        // an older schema is brought up to date rather than rebuilt.
        if (!rows.length) {
          await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`)
        }
        const setupEnv = { ...env, DATABASE_URL: pg.url(TEMPLATE_DB), NODE_ENV: "development" }
        await medusaRun("Migrating the template database (medusa db:migrate)", ["db:migrate"], {
          cwd: demoDir,
          env: setupEnv,
          logFile,
        })
        await medusaRun("Seeding the demo store (medusa exec ./src/scripts/seed.ts)", ["exec", "./src/scripts/seed.ts"], {
          cwd: demoDir,
          env: setupEnv,
          logFile,
        })
        await admin.query(`COMMENT ON DATABASE ${TEMPLATE_DB} IS '${fingerprint}'`)
      }
      if (process.env.BENCH_SLOW_SQL_MS) {
      // Development aid: statements slower than this go to .bench/postgres.log.
      await admin.query(`ALTER SYSTEM SET log_min_duration_statement = ${Number(process.env.BENCH_SLOW_SQL_MS)}`)
    } else {
      await admin.query(`ALTER SYSTEM RESET log_min_duration_statement`)
    }
    await admin.query(`SELECT pg_reload_conf()`)
    await admin.query(`DROP DATABASE IF EXISTS ${RUN_DB}`)
      await admin.query(`CREATE DATABASE ${RUN_DB} TEMPLATE ${TEMPLATE_DB}`)
    } finally {
      await admin.end()
    }
    const databaseUrl = pg.url(RUN_DB)

    // The production build of the store.
    const buildDir = path.join(demoDir, ".medusa", "server")
    const builtAt = mtime(path.join(buildDir, "medusa-config.js"))
    // The store loads the plugin from this checkout's .medusa/server by path, so only the
    // store's own files decide whether its build is current.
    const inputsAt = newestMtime(demoDir, (e) => e === "node_modules" || e === ".medusa")
    if (!builtAt || builtAt < inputsAt) {
      await medusaRun("Building the store (medusa build, admin off)", ["build"], {
        cwd: demoDir,
        env: { ...env, NODE_ENV: "production" },
        logFile,
      })
    }

    log(`Starting Medusa (medusa start) on port ${port}...`)
    const out = fs.openSync(logFile, "a")
    // BENCH_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") profiles the server.
    const nodeArgs = (process.env.BENCH_NODE_ARGS || "").split(" ").filter(Boolean)
    server = spawn(process.execPath, [...nodeArgs, cliPath, "start"], {
      cwd: buildDir,
      env: { ...env, NODE_ENV: "production", DATABASE_URL: databaseUrl },
      stdio: ["ignore", out, out],
      detached: true,
    })
    // However this process ends, the server (its own process group) ends with it.
    const started = server
    process.on("exit", () => {
      try {
        process.kill(-started.pid, "SIGKILL")
      } catch {}
    })
    for (const sig of ["SIGINT", "SIGTERM"]) {
      process.once(sig, () => process.exit(130))
    }
    const baseUrl = `http://localhost:${port}`
    const deadline = Date.now() + 5 * 60 * 1000
    while ((await get(`${baseUrl}/health`)) !== 200) {
      if (server.exitCode !== null || Date.now() > deadline) {
        throw new Error(`Medusa did not start; see ${path.relative(root, logFile)}`)
      }
      await new Promise((r) => setTimeout(r, 500))
    }
    const db = pg.client(RUN_DB)
    await db.connect()
    const { rows } = await db.query("SELECT publishable_key FROM serial_demo_seed WHERE id = 'demo'")
    await db.end()
    return { pg, port, baseUrl, databaseUrl, publishableKey: rows[0].publishable_key, serverPid: server.pid, stop }
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
