// Starting a store of this plugin, shared by `npm run demo`, the browser tests, the
// benchmarks (`npm run bench`) and the chaos tests: the plugin build when stale, the demo
// store in demo/ (linked to this checkout, migrated when the schema changed, seeded once per
// database, or copied from a template database migrated and seeded once), its production
// build, Medusa processes in their own process groups, waiting for /health, stopping.
const { spawn } = require("child_process")
const crypto = require("crypto")
const fs = require("fs")
const http = require("http")
const os = require("os")
const path = require("path")
const { portIsFree } = require("./postgres")

const root = path.resolve(__dirname, "..", "..")
const demoDir = path.join(root, "demo")
const cliPath = require.resolve("@medusajs/cli/cli.js", { paths: [root] })
const PLUGIN_NAME = require(path.join(root, "package.json")).name
const ADMIN_EMAIL = "admin@example.com"
const ADMIN_PASSWORD = "supersecret"
/** The browser tests' demo store, migrated and seeded: each store copies it. */
const BROWSER_TEMPLATE_DB = "serial_browser_template"
const isWindows = process.platform === "win32"

/**
 * The newest modification time of the files under `p`. Directories' own times do not
 * count: builds create and delete temporary files in src/admin, which touches the folder.
 */
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
    return newest
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

/** Creates the database named in `url` when the server does not have it yet. */
async function ensureDatabaseFromUrl(url, log = () => {}) {
  const client = pgClient(url)
  try {
    await client.connect()
    await client.end()
    return
  } catch (e) {
    await client.end().catch(() => {})
    if (e.code !== "3D000") {
      throw new Error(`Cannot connect to ${url.replace(/:[^:@/]*@/, ":***@")}: ${e.message}`)
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
    const { rows } = await client.query("SELECT publishable_key FROM serial_demo_seed WHERE id = 'demo'")
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

/**
 * A hash of the Medusa version and of the `.js`, `.json` and `.ts` files under `paths`
 * (files or folders; missing ones count as empty): what a migrated database was made from.
 */
function fingerprint(paths) {
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
  // All @medusajs packages are pinned to one version; @medusajs/medusa stands for them.
  hash.update(`medusa@${require(require.resolve("@medusajs/medusa/package.json", { paths: [root] })).version}\n`)
  for (const p of paths) {
    add(p)
  }
  return hash.digest("hex")
}

/** The plugin's migrations under `src` (its modules' `migrations` folders). */
function migrationFolders(src) {
  try {
    return fs
      .readdirSync(path.join(src, "modules"))
      .sort()
      .map((m) => path.join(src, "modules", m, "migrations"))
  } catch {
    return []
  }
}

/**
 * What decides whether a database needs `medusa db:migrate` (the plugin's migrations and
 * links, the Medusa version, the store's config) and, with `seed`, the demo seed script too.
 */
function schemaFingerprint({ seed = false } = {}) {
  const built = path.join(root, ".medusa", "server", "src")
  return fingerprint([
    path.join(built, "links"),
    path.join(built, "migration-scripts"),
    ...migrationFolders(built),
    path.join(demoDir, "medusa-config.ts"),
    ...(seed ? [path.join(demoDir, "src", "scripts", "seed.ts")] : []),
  ])
}

/** The same for the database the integration tests boot this checkout's `src` on. */
function testSchemaFingerprint() {
  const src = path.join(root, "src")
  return fingerprint([path.join(src, "links"), ...migrationFolders(src), path.join(root, "medusa-config.ts")])
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

const pluginBuildMarker = path.join(root, ".medusa", "server", "src", "modules", "serial", "index.js")

/** Whether .medusa/server (the built plugin) is missing or older than src/. */
function pluginBuildIsStale() {
  const sourceTime = Math.max(
    newestMtime(path.join(root, "src")),
    mtime(path.join(root, "package.json")),
    mtime(path.join(root, "tsconfig.json"))
  )
  return !fs.existsSync(pluginBuildMarker) || mtime(pluginBuildMarker) < sourceTime
}

/**
 * Builds the plugin when its build is stale; `run(what, args, { cwd })` runs the Medusa CLI.
 * The build is dated from its start: sources edited while it ran leave it stale.
 */
async function ensurePluginBuild(run) {
  if (!pluginBuildIsStale()) {
    return false
  }
  const startedAt = new Date()
  await run("Building the plugin (medusa plugin:build)", ["plugin:build"], { cwd: root })
  fs.utimesSync(pluginBuildMarker, startedAt, startedAt)
  return true
}

/**
 * Where `medusa build` writes the demo store, and whether that build is missing or stale.
 * The admin bundle holds the plugin's admin extensions, so with `admin` the plugin build
 * counts too; without it the store loads the plugin from .medusa/server by path at run
 * time, and only the store's own files decide.
 */
const demoBuildDir = path.join(demoDir, ".medusa", "server")
function demoBuildIsStale({ admin = true } = {}) {
  const builtAt = mtime(path.join(demoBuildDir, "medusa-config.js"))
  const inputsAt = Math.max(
    admin ? newestMtime(path.join(root, ".medusa", "server")) : 0,
    newestMtime(demoDir, (e) => e === "node_modules" || e === ".medusa")
  )
  return !builtAt || builtAt < inputsAt || (admin && !fs.existsSync(path.join(demoBuildDir, "public", "admin", "index.html")))
}

/** Whether ensureBrowserStoreBuilds has anything to build, for a store served in `mode`. */
function browserStoreBuildsAreStale(mode = "start") {
  return pluginBuildIsStale() || (mode === "start" && demoBuildIsStale())
}

/**
 * What the browser tests' demo store needs built before it starts: the plugin, and (in
 * `start` mode, the default) the store's production build with its admin bundle. Each is
 * built only when stale. `npm test` calls this before the HTTP and browser files start, so
 * that the builds (a minute and 2.2 GB on 2 cores) never run beside them, and has
 * `besideDemoBuild` make the browser stores' template database meanwhile (the demo build
 * keeps one core busy); the browser helper calls it too and finds it done.
 */
async function ensureBrowserStoreBuilds(run, { mode = "start", env = process.env, warn = () => {}, besideDemoBuild = async () => {} } = {}) {
  await ensurePluginBuild(run)
  linkPluginIntoDemo(warn)
  const steps = await Promise.allSettled([
    mode === "start" && demoBuildIsStale() ? run("medusa build (demo store and admin)", ["build"], { cwd: demoDir, env }) : null,
    besideDemoBuild(),
  ])
  const failed = steps.find((s) => s.status === "rejected")
  if (failed) {
    throw failed.reason
  }
}

/**
 * The store's admin bundle imports `<plugin name>/admin`; a merchant has the plugin in
 * node_modules. Here a link demo/node_modules/<name> -> this checkout stands in for that
 * (only the admin bundler uses the name; the server loads the plugin by path).
 */
function linkPluginIntoDemo(warn = () => {}) {
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
    warn(
      "demo/node_modules/@medusajs exists (someone ran npm install in demo/): that is a second copy of Medusa. Delete demo/node_modules if the store fails to start."
    )
  }
}

/**
 * The environment the demo store's Medusa processes run with. `admin: false` serves the API
 * only (no admin bundle to build).
 */
function storeEnv({ databaseUrl, port, mode, admin = true, base = process.env }) {
  const nodePath = [path.join(demoDir, "node_modules"), base.NODE_PATH].filter(Boolean)
  const env = {
    ...base,
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    NODE_ENV: mode === "start" ? "production" : "development",
    JWT_SECRET: base.JWT_SECRET || "demo-jwt-secret",
    COOKIE_SECRET: base.COOKIE_SECRET || "demo-cookie-secret",
    MEDUSA_DISABLE_TELEMETRY: base.MEDUSA_DISABLE_TELEMETRY ?? "true",
    // Lets the admin bundler's require.resolve("<plugin>/admin") find the link above.
    NODE_PATH: nodePath.join(path.delimiter),
  }
  if (!admin) {
    env.DEMO_ADMIN_DISABLED = "true"
  }
  delete env.SERIAL_DEMO_SUPERVISED
  return env
}

/**
 * Every Medusa process started here and not yet exited. Whatever ends this process (a test
 * timing out while a store starts, an uncaught error), they end with it.
 */
const started = new Set()
process.on("exit", () => {
  for (const child of started) {
    killTree(child, "SIGKILL")
  }
})

/**
 * Runs the Medusa CLI in its own process group (so that it and everything it starts can be
 * stopped together). Output goes to `stdio`, or is appended to `logFile`; `nodeArgs` go to
 * node (e.g. --cpu-prof). Returns the child; `exited` resolves with its exit code.
 */
function spawnMedusa(args, { cwd, env, stdio = ["ignore", "inherit", "inherit"], logFile, nodeArgs = [], priority = 0 }) {
  let fd = null
  if (logFile) {
    fd = fs.openSync(logFile, "a")
    stdio = ["ignore", fd, fd]
  }
  let child
  try {
    child = spawn(process.execPath, [...nodeArgs, cliPath, ...args], { cwd, env, stdio, detached: !isWindows })
  } finally {
    if (fd !== null) {
      fs.closeSync(fd) // the child has its own copy
    }
  }
  started.add(child)
  if (priority) {
    // A niceness (what it starts inherits it): work that should only take CPU time others leave.
    try {
      os.setPriority(child.pid, priority)
    } catch {}
  }
  const exited = new Promise((resolve, reject) => {
    child.on("error", (e) => {
      started.delete(child)
      reject(e)
    })
    child.on("exit", (code, signal) => {
      started.delete(child)
      resolve(code ?? (signal ? 1 : 0))
    })
  })
  exited.catch(() => {}) // a caller that never awaits it must not see an unhandled rejection
  return { child, exited }
}

/** The last `lines` lines of a log file ("" when there is none). */
function tail(file, lines = 40) {
  try {
    return fs.readFileSync(file, "utf8").split("\n").slice(-lines).join("\n")
  } catch {
    return ""
  }
}

/**
 * Runs a Medusa CLI command to completion (output to `logFile` or `stdio`); rejects naming
 * `what`, with the end of the log. `log` reports its start and duration.
 */
async function runMedusa(what, args, { cwd, env, logFile, stdio, log = () => {}, priority = 0 }) {
  const t0 = Date.now()
  log(`${what}...`)
  const code = await spawnMedusa(args, { cwd, env, logFile, stdio, priority }).exited
  if (code !== 0) {
    throw new Error(`${what} failed (exit code ${code})${logFile ? `; log: ${logFile}\n${tail(logFile)}` : ""}`)
  }
  log(`${what}: ${((Date.now() - t0) / 1000).toFixed(1)} s`)
}

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

/** SIGTERM, then SIGKILL after `graceMs` (or at once when `forced()` turns true). */
async function stopTree(child, { graceMs = 15000, forced = () => false } = {}) {
  if (!alive(child)) {
    return
  }
  killTree(child, "SIGTERM")
  const deadline = Date.now() + graceMs
  while (alive(child) && !forced() && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200))
  }
  killTree(child, "SIGKILL")
}

function get(url, timeout = 120000) {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout, agent: false }, (res) => {
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

/** Waits for /health to answer 200; false when the server exits first or time runs out. */
async function waitForServer(child, port, timeoutMs = 10 * 60 * 1000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (!running(child)) {
      return false
    }
    if ((await get(`http://localhost:${port}/health`)) === 200) {
      return true
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  return false
}

/**
 * Starts a Medusa server (`args`: ["start"], ["develop", ...]) and waits until /health on
 * `port` answers. Returns { child, exited, url, stop({ graceMs }) }; when the server exits
 * or does not answer within `timeoutMs`, stops it and throws with the end of its log.
 */
async function startMedusa(args, { cwd, env, port, logFile, stdio, nodeArgs, timeoutMs = 5 * 60 * 1000 }) {
  const { child, exited } = spawnMedusa(args, { cwd, env, logFile, stdio, nodeArgs })
  const stop = (options = {}) => stopTree(child, options)
  if (!(await waitForServer(child, port, timeoutMs))) {
    const exitedEarly = !running(child)
    await stop({ graceMs: 10000 })
    throw new Error(
      `medusa ${args[0]} ${exitedEarly ? "exited" : "did not answer"} on port ${port}${logFile ? `; log: ${logFile}\n${tail(logFile)}` : ""}`
    )
  }
  return { child, exited, url: `http://localhost:${port}`, stop }
}

/** The URL of database `name` on the server that DB_HOST, DB_PORT, DB_USERNAME, DB_PASSWORD name (the jest run's). */
function databaseUrlFromEnv(name, env = process.env) {
  if (!env.DB_HOST) {
    throw new Error("DB_HOST is not set: these tests run under `npm test`, whose global setup starts Postgres")
  }
  const auth = `${encodeURIComponent(env.DB_USERNAME || "postgres")}:${encodeURIComponent(env.DB_PASSWORD || "")}`
  return `postgres://${auth}@${env.DB_HOST}:${env.DB_PORT || 5432}/${name}`
}

const quoteIdent = (name) => `"${name.replace(/"/g, '""')}"`

async function withClient(url, fn) {
  const client = pgClient(url)
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

/**
 * Waits for, then holds, a Postgres advisory lock named `key` on the server of `serverUrl`
 * until the answered function is called (or the process ends, which closes its connection).
 */
async function holdServerLock(serverUrl, key) {
  const client = pgClient(serverUrl("postgres"))
  await client.connect()
  await client.query("SELECT pg_advisory_lock(hashtext($1))", [key])
  return async () => {
    await client.end().catch(() => {})
  }
}

/**
 * Database `name` dropped (whoever is connected) and created again: empty, or a copy of
 * `template`, in `tablespace` if one is named. `serverUrl(db)` names a database on the
 * server. Returns the URL of `name`.
 */
async function recreateDatabase(serverUrl, name, template, tablespace) {
  await withClient(serverUrl("postgres"), async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`)
    await c.query(
      `CREATE DATABASE ${quoteIdent(name)}${template ? ` TEMPLATE ${quoteIdent(template)}` : ""}${tablespace ? ` TABLESPACE ${quoteIdent(tablespace)}` : ""}`
    )
  })
  return serverUrl(name)
}

/**
 * Makes `name` a template of the demo store, migrated and seeded, to copy with
 * recreateDatabase: a copy takes a second, migrate and seed take minutes. The database's
 * comment records what it was made for (schemaFingerprint with the seed); a template made
 * for an older schema, or left half-made, is brought up to date, since migrations are
 * incremental and the seed is idempotent. `run(what, args, { cwd, env })` runs the CLI.
 */
async function prepareTemplateDatabase({ serverUrl, name, env, run }) {
  const fingerprint = schemaFingerprint({ seed: true })
  const { rows } = await withClient(serverUrl("postgres"), (c) =>
    c.query("SELECT shobj_description(oid, 'pg_database') AS note FROM pg_database WHERE datname = $1", [name])
  )
  if (rows[0]?.note === fingerprint) {
    return
  }
  if (!rows.length) {
    await withClient(serverUrl("postgres"), (c) => c.query(`CREATE DATABASE ${quoteIdent(name)}`))
  }
  const setupEnv = { ...env, DATABASE_URL: serverUrl(name), NODE_ENV: "development" }
  await run("Migrating the template database (medusa db:migrate)", ["db:migrate"], { cwd: demoDir, env: setupEnv })
  await run("Seeding the demo store (medusa exec ./src/scripts/seed.ts)", ["exec", "./src/scripts/seed.ts"], {
    cwd: demoDir,
    env: setupEnv,
  })
  await withClient(serverUrl("postgres"), (c) => c.query(`COMMENT ON DATABASE ${quoteIdent(name)} IS '${fingerprint}'`))
}

module.exports = {
  root,
  demoDir,
  demoBuildDir,
  PLUGIN_NAME,
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  isWindows,
  ensureDatabaseFromUrl,
  readSeedMarker,
  schemaFingerprint,
  testSchemaFingerprint,
  readState,
  writeState,
  pluginBuildIsStale,
  BROWSER_TEMPLATE_DB,
  ensurePluginBuild,
  demoBuildIsStale,
  ensureBrowserStoreBuilds,
  browserStoreBuildsAreStale,
  linkPluginIntoDemo,
  storeEnv,
  spawnMedusa,
  runMedusa,
  startMedusa,
  tail,
  portIsFree,
  databaseUrlFromEnv,
  recreateDatabase,
  prepareTemplateDatabase,
  holdServerLock,
  running,
  alive,
  killTree,
  stopTree,
  get,
  waitForServer,
}
