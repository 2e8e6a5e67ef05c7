// Browser tests: a fresh demo store (the store in demo/, loading the built plugin, migrated
// and seeded the way `npm run demo` does) on the Postgres of this jest run, and Debian's
// chromium driven by playwright-core.
//
// One store per test file (call startStore() in beforeAll, stop() in afterAll).
// BROWSER_STORE_MODE=start (default) serves the production admin bundle built by `medusa
// build` (built once, reused while demo/ and .medusa/server are unchanged);
// BROWSER_STORE_MODE=develop serves the admin through Vite instead.
import crypto from "crypto"
import fs from "fs"
import os from "os"
import path from "path"
import type { Browser, BrowserContext, Page } from "playwright-core"

// eslint-disable-next-line @typescript-eslint/no-var-requires
const store = require("../../scripts/lib/store")
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { freePort, portIsFree } = require("../../scripts/lib/postgres")

export const ADMIN_EMAIL: string = store.ADMIN_EMAIL
export const ADMIN_PASSWORD: string = store.ADMIN_PASSWORD
export const SCREENSHOT_DIR = path.join(store.root, "integration-tests", "screenshots")

export type RunningStore = {
  /** http://localhost:<port> */
  url: string
  port: number
  databaseUrl: string
  publishableKey: string
  /** The store's own output (migrate, seed, server), for the failure message. */
  logFile: string
  stop: () => Promise<void>
}

function say(msg: string) {
  process.stderr.write(`[browser-store] ${msg}\n`)
}

/**
 * A port for the store: BROWSER_STORE_PORT and up (the first free one of the next 50 that is
 * not in `taken`), or any free port.
 */
async function pickPort(taken: number[] = []): Promise<number> {
  const base = Number(process.env.BROWSER_STORE_PORT || 0)
  if (!base) {
    for (;;) {
      const p = await freePort()
      if (!taken.includes(p)) {
        return p
      }
    }
  }
  for (let p = base; p < base + 50; p++) {
    if (!taken.includes(p) && (await portIsFree(p))) {
      return p
    }
  }
  throw new Error(`No free port in ${base}..${base + 49} (BROWSER_STORE_PORT)`)
}

function databaseServerUrl(name: string): string {
  const { DB_HOST, DB_PORT, DB_USERNAME, DB_PASSWORD } = process.env
  if (!DB_HOST) {
    throw new Error("DB_HOST is not set: browser tests run under `npm test`, whose global setup starts Postgres")
  }
  const auth = `${encodeURIComponent(DB_USERNAME || "postgres")}:${encodeURIComponent(DB_PASSWORD || "")}`
  return `postgres://${auth}@${DB_HOST}:${DB_PORT || 5432}/${name}`
}

/**
 * Every Medusa process started here. When a test times out while the store is starting,
 * nothing else would stop them: they are killed when the test process exits.
 */
const started = new Set<any>()
process.on("exit", () => {
  for (const child of started) {
    store.killTree(child, "SIGKILL")
  }
})

function spawnTracked(args: string[], opts: { cwd: string; env: NodeJS.ProcessEnv; log: number }) {
  const spawned = store.spawnMedusa(args, { cwd: opts.cwd, env: opts.env, stdio: ["ignore", opts.log, opts.log] })
  started.add(spawned.child)
  spawned.exited.finally(() => started.delete(spawned.child))
  return spawned
}

async function runStep(what: string, args: string[], opts: { cwd: string; env: NodeJS.ProcessEnv; log: number }) {
  const t0 = Date.now()
  const code = await spawnTracked(args, opts).exited
  if (code !== 0) {
    throw new Error(`${what} failed (exit code ${code})`)
  }
  say(`${what}: ${((Date.now() - t0) / 1000).toFixed(1)} s`)
}

async function withServer<T>(fn: (client: any) => Promise<T>): Promise<T> {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { Client } = require("pg")
  const client = new Client({ connectionString: databaseServerUrl("postgres") })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`

/**
 * A migrated, seeded database to copy: made once per schema, seed script and Postgres
 * server (`CREATE DATABASE ... TEMPLATE` then takes a second instead of migrate and seed).
 */
async function templateDatabase(env: NodeJS.ProcessEnv, logFd: number): Promise<string> {
  const hash = crypto
    .createHash("sha1")
    .update(store.schemaFingerprint())
    .update(fs.readFileSync(path.join(store.demoDir, "src", "scripts", "seed.ts")))
    .digest("hex")
    .slice(0, 16)
  const name = `serial_browser_template_${hash}`
  const url = databaseServerUrl(name)
  const exists = await withServer(async (c) => (await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount > 0)
  if (exists && (await store.readSeedMarker(url))) {
    return name
  }
  if (exists) {
    // Left half-made by an interrupted run.
    await withServer((c) => c.query(`DROP DATABASE ${quoteIdent(name)} WITH (FORCE)`))
  }
  await store.ensureDatabaseFromUrl(url)
  const setupEnv = { ...env, DATABASE_URL: url, NODE_ENV: "development" }
  await runStep("medusa db:migrate", ["db:migrate"], { cwd: store.demoDir, env: setupEnv, log: logFd })
  await runStep("seed", ["exec", "./src/scripts/seed.ts"], { cwd: store.demoDir, env: setupEnv, log: logFd })
  return name
}

function tail(file: string, lines = 40): string {
  try {
    return fs.readFileSync(file, "utf8").split("\n").slice(-lines).join("\n")
  } catch {
    return ""
  }
}

/** Starts a fresh, seeded demo store; resolves once its API and admin answer. */
export async function startStore(label: string): Promise<RunningStore> {
  const t0 = Date.now()
  const mode = process.env.BROWSER_STORE_MODE || "start"
  const dbName = `serial_browser_${label.replace(/\W+/g, "_")}_${process.pid}`.toLowerCase().slice(0, 63)
  const databaseUrl = databaseServerUrl(dbName)
  const logFile = path.join(os.tmpdir(), `${dbName}.log`)
  const logFd = fs.openSync(logFile, "w")

  if (store.pluginBuildIsStale()) {
    await runStep("medusa plugin:build", ["plugin:build"], { cwd: store.root, env: process.env, log: logFd })
  }
  store.linkPluginIntoDemo(say)
  const port = await pickPort()
  const env = store.storeEnv({ databaseUrl, port, mode, base: { ...process.env, LOG_LEVEL: "info" } })
  const template = await templateDatabase(env, logFd)
  await withServer(async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${quoteIdent(dbName)} WITH (FORCE)`)
    await c.query(`CREATE DATABASE ${quoteIdent(dbName)} TEMPLATE ${quoteIdent(template)}`)
  })
  const publishableKey = await store.readSeedMarker(databaseUrl)

  let serverCwd = store.demoDir
  let serverArgs = ["develop", "--no-lint"]
  if (mode === "start") {
    if (store.demoBuildIsStale()) {
      await runStep("medusa build (demo store and admin)", ["build"], { cwd: store.demoDir, env, log: logFd })
    }
    serverCwd = store.demoBuildDir
    serverArgs = ["start"]
  } else {
    // Vite's websocket for hot reload; it must not take the store's port.
    env.HMR_PORT = String(await pickPort([port]))
  }
  const { child } = spawnTracked(serverArgs, { cwd: serverCwd, env, log: logFd })
  const url = `http://localhost:${port}`
  const stop = async () => {
    await store.stopTree(child, { graceMs: 10000 })
    fs.closeSync(logFd)
  }
  if (!(await store.waitForServer(child, port, 5 * 60 * 1000))) {
    await stop()
    throw new Error(`The store did not start (log: ${logFile}):\n${tail(logFile)}`)
  }
  // The first request of the admin compiles it (develop) or warms the file cache (start).
  await store.get(`${url}/app`)
  say(`store (${mode}) ready on ${url} in ${((Date.now() - t0) / 1000).toFixed(1)} s; log: ${logFile}`)
  return { url, port, databaseUrl, publishableKey, logFile, stop }
}

// ----------------------------------------------------------------------------- chromium

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  // Without these, chromium's own outbound connections fail on a closed network and slow it.
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
]

export async function launchBrowser(): Promise<Browser> {
  const { chromium } = await import("playwright-core")
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
  })
}

/** A page with a wide viewport (the dashboard's two-column layout) and a logged-in admin. */
export async function adminPage(browser: Browser, running: RunningStore): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: running.url, viewport: { width: 1440, height: 1000 } })
  context.setDefaultTimeout(30000)
  const page = await context.newPage()
  await login(page)
  return { context, page }
}

/** Logs in through the dashboard's login form. */
export async function login(page: Page) {
  // The first page of a develop-mode store waits for Vite to compile the dashboard.
  await page.goto("/app/login", { timeout: process.env.BROWSER_STORE_MODE === "develop" ? 5 * 60 * 1000 : 60 * 1000 })
  await page.locator('input[name="email"]').fill(ADMIN_EMAIL)
  await page.locator('input[name="password"]').fill(ADMIN_PASSWORD)
  await page.getByRole("button", { name: /continue with email/i }).click()
  await page.waitForURL((u) => !u.pathname.startsWith("/app/login"), { timeout: 60000 })
}

/** Saves a PNG under integration-tests/screenshots/ (git-ignored); returns its path. */
export async function screenshot(page: Page, name: string, target?: { locator?: import("playwright-core").Locator }) {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true })
  const file = path.join(SCREENSHOT_DIR, `${name}.png`)
  if (target?.locator) {
    await target.locator.scrollIntoViewIfNeeded()
    await target.locator.screenshot({ path: file })
  } else {
    await page.screenshot({ path: file, fullPage: true })
  }
  return file
}
