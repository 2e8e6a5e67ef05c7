// The demo store in demo/, as `npm run demo` and the browser tests start it: build the
// plugin when stale, link it into demo/node_modules, migrate when the schema changed, seed
// once per database, build the store's admin (production mode) and serve.
const { spawn } = require("child_process")
const crypto = require("crypto")
const fs = require("fs")
const http = require("http")
const path = require("path")

const root = path.resolve(__dirname, "..", "..")
const demoDir = path.join(root, "demo")
const cliPath = require.resolve("@medusajs/cli/cli.js", { paths: [root] })
const PLUGIN_NAME = require(path.join(root, "package.json")).name
const ADMIN_EMAIL = "admin@example.com"
const ADMIN_PASSWORD = "supersecret"
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

/** Whether .medusa/server (the built plugin) is missing or older than src/. */
function pluginBuildIsStale() {
  const builtMarker = path.join(root, ".medusa", "server", "src", "modules", "serial", "index.js")
  const sourceTime = Math.max(
    newestMtime(path.join(root, "src")),
    mtime(path.join(root, "package.json")),
    mtime(path.join(root, "tsconfig.json"))
  )
  return !fs.existsSync(builtMarker) || mtime(builtMarker) < sourceTime
}

/** Where `medusa build` writes the demo store, and whether that build is missing or stale. */
const demoBuildDir = path.join(demoDir, ".medusa", "server")
function demoBuildIsStale() {
  const builtAt = mtime(path.join(demoBuildDir, "medusa-config.js"))
  const inputsAt = Math.max(
    newestMtime(path.join(root, ".medusa", "server")),
    newestMtime(demoDir, (e) => e === "node_modules" || e === ".medusa")
  )
  return !builtAt || builtAt < inputsAt || !fs.existsSync(path.join(demoBuildDir, "public", "admin", "index.html"))
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

/** The environment the demo store's Medusa processes run with. */
function storeEnv({ databaseUrl, port, mode, base = process.env }) {
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
  delete env.SERIAL_DEMO_SUPERVISED
  return env
}

/**
 * Runs the Medusa CLI in its own process group (so that it and everything it starts can be
 * stopped together). Returns the child; `exited` resolves with its exit code.
 */
function spawnMedusa(args, { cwd, env, stdio = ["ignore", "inherit", "inherit"] }) {
  const child = spawn(process.execPath, [cliPath, ...args], { cwd, env, stdio, detached: !isWindows })
  const exited = new Promise((resolve, reject) => {
    child.on("error", reject)
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)))
  })
  return { child, exited }
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
  readState,
  writeState,
  pluginBuildIsStale,
  demoBuildIsStale,
  linkPluginIntoDemo,
  storeEnv,
  spawnMedusa,
  running,
  alive,
  killTree,
  stopTree,
  get,
  waitForServer,
}
