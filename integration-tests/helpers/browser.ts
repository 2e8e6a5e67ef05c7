// Browser tests: a fresh demo store (the store in demo/, loading the built plugin, migrated
// and seeded the way `npm run demo` does) on the Postgres of this jest run, and headless
// Chromium (from the npm package @sparticuz/chromium, or CHROMIUM_PATH) driven by
// playwright-core.
//
// A file declares its tests with browserSuite(): run by name, it starts its own store and
// Chromium; under `npm test` the browser shard (integration-tests/shards/browser.spec.ts)
// runs the files on one store and one Chromium, the store's database copied again from the
// seeded template before each file, so that each still starts from the seeded store.
// BROWSER_STORE_MODE=start (default) serves the production admin bundle built by `medusa
// build` (built once, reused while demo/ and .medusa/server are unchanged);
// BROWSER_STORE_MODE=develop serves the admin through Vite instead.
import fs from "fs"
import os from "os"
import path from "path"
import type { Browser, BrowserContext, Page } from "playwright-core"

// eslint-disable-next-line @typescript-eslint/no-var-requires
const store = require("../../scripts/lib/store")
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { freePort } = require("../../scripts/lib/postgres")

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
  /** Its database copied again from the seeded template, while it runs (Medusa reconnects). */
  reset: () => Promise<void>
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
    if (!taken.includes(p) && (await store.portIsFree(p))) {
      return p
    }
  }
  throw new Error(`No free port in ${base}..${base + 49} (BROWSER_STORE_PORT)`)
}

const TEMPLATE_DB: string = store.BROWSER_TEMPLATE_DB

/** Starts a fresh, seeded demo store; resolves once its API and admin answer. */
export async function startStore(label: string): Promise<RunningStore> {
  const t0 = Date.now()
  const mode = process.env.BROWSER_STORE_MODE || "start"
  const dbName = `serial_browser_${label.replace(/\W+/g, "_")}_${process.pid}`.toLowerCase().slice(0, 63)
  const serverUrl = (db: string): string => store.databaseUrlFromEnv(db)
  const databaseUrl = serverUrl(dbName)
  const logFile = path.join(os.tmpdir(), `${dbName}.log`)
  fs.writeFileSync(logFile, "")
  const run = (what: string, args: string[], opts: { cwd: string; env?: NodeJS.ProcessEnv }) =>
    store.runMedusa(what, args, { cwd: opts.cwd, env: opts.env ?? process.env, logFile, log: say })

  // One browser store at a time, for the whole of its test file: a store and its Chromium
  // take about 0.8 GB, and two side by side (one per jest worker) pushed a run past 3 GB.
  // The other worker runs HTTP tests meanwhile, or waits here. Holding it also means one
  // file builds and seeds what they all share (plugin, demo build, template database), and
  // the others find it done.
  const release = await store.holdServerLock(serverUrl, "serial-browser-store")
  try {
    const port = await pickPort()
    const env = store.storeEnv({ databaseUrl, port, mode, base: { ...process.env, LOG_LEVEL: "info" } })
    // Done before the workers started, under `npm test` (scripts/test.js).
    await store.ensureBrowserStoreBuilds(run, { mode, env, warn: say })
    await store.prepareTemplateDatabase({ serverUrl, name: TEMPLATE_DB, env, run })
    // A fresh copy of the seeded template, now and on reset(); in memory when the run has a
    // tablespace there (scripts/lib/ram-tablespace.js).
    const reset = async () => {
      await store.recreateDatabase(serverUrl, dbName, TEMPLATE_DB, process.env.SERIAL_TEST_TABLESPACE)
    }
    await reset()
    const publishableKey = await store.readSeedMarker(databaseUrl)

    let serverCwd = store.demoDir
    let serverArgs = ["develop", "--no-lint"]
    if (mode === "start") {
      serverCwd = store.demoBuildDir
      serverArgs = ["start"]
    } else {
      // Vite's websocket for hot reload; it must not take the store's port.
      env.HMR_PORT = String(await pickPort([port]))
    }
    const server = await store.startMedusa(serverArgs, { cwd: serverCwd, env, port, logFile })
    const stop = async () => {
      try {
        await server.stop({ graceMs: 10000 })
      } finally {
        await release()
      }
    }
    // The first request of the admin compiles it (develop) or warms the file cache (start).
    await store.get(`${server.url}/app`)
    say(`store (${mode}) ready on ${server.url} in ${((Date.now() - t0) / 1000).toFixed(1)} s; log: ${logFile}`)
    return { url: server.url, port, databaseUrl, publishableKey, logFile, reset, stop }
  } catch (e) {
    await release()
    throw e
  }
}

// ----------------------------------------------------------------------------- suites

/** What a browser test file runs on: a seeded store and a Chromium, started for it or shared. */
export type BrowserSession = { running: RunningStore; browser: Browser }
type BrowserSuiteBody = (session: () => BrowserSession) => void
type CollectedBrowserSuite = { file: string; title: string; body: BrowserSuiteBody }

// Starting the store may build it first (`medusa build`, minutes on a busy machine).
const STORE_START_TIMEOUT = 30 * 60 * 1000

/** Set while the browser shard loads its files: they register here instead of starting a store. */
let collecting: CollectedBrowserSuite[] | null = null

/** The session the shard or the file started (read in the file's own beforeAll). */
let current: BrowserSession | null = null
const session = (): BrowserSession => {
  if (!current) {
    throw new Error("Chromium or the browser store did not start (see the first failure of this file)")
  }
  return current
}

// Chromium first: a browser that cannot start fails the file in a second, before a store
// start it would not use.
async function startSession(label: string): Promise<BrowserSession> {
  const browser = await launchBrowser()
  try {
    return { running: await startStore(label), browser }
  } catch (e) {
    await browser.close()
    throw e
  }
}

async function stopSession() {
  const s = current
  current = null
  try {
    await s?.browser.close()
  } finally {
    await s?.running.stop()
  }
}

/**
 * Declares a browser test file: `browserSuite(__filename, "title", (session) => { ... })`,
 * its hooks reading `session()` for the store and the browser. The tests are grouped under
 * the file's path, as the reporter expects of a shard's files.
 */
export function browserSuite(file: string, title: string, body: BrowserSuiteBody) {
  if (collecting) {
    collecting.push({ file, title, body })
    return
  }
  describe(path.relative(store.root, file), () => {
    beforeAll(async () => {
      current = await startSession(path.basename(file, ".spec.ts"))
    }, STORE_START_TIMEOUT)
    afterAll(stopSession, 60 * 1000)
    describe(title, () => body(session))
  })
}

/**
 * Runs the browser test files `files` (paths from the repository root) on one store and
 * one Chromium: each store start costs about 8 s of a busy machine, and Chromium's a
 * second. Before each file but the first, the store's database is copied again from the
 * seeded template (the running store reconnects), so that every file starts from the
 * seeded store as it would on its own; what the store keeps in memory (sessions, rate-limit
 * counters) carries over, and each file logs in with a new browser context.
 */
export function runBrowserShard(files: string[]) {
  collecting = []
  for (const file of files) {
    require(path.join(store.root, file))
  }
  const suites = collecting
  collecting = null
  // Each file set its own timeout when it loaded; the last one would count for all.
  jest.setTimeout(15 * 60_000)
  beforeAll(async () => {
    current = await startSession("shard")
  }, STORE_START_TIMEOUT)
  afterAll(stopSession, 60 * 1000)
  suites.forEach((suite, i) => {
    describe(path.relative(store.root, suite.file), () => {
      if (i > 0) {
        beforeAll(() => session().running.reset())
      }
      describe(suite.title, () => suite.body(session))
    })
  })
}

// ----------------------------------------------------------------------------- chromium

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--no-zygote",
  "--disable-dev-shm-usage",
  // Without these, chromium's own outbound connections fail on a closed network and slow it.
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
]

/**
 * Headless Chromium: the one in CHROMIUM_PATH, or else the build the npm package
 * `@sparticuz/chromium` ships (unpacked into the temp folder on first use; it brings its
 * own libraries, so a machine with only Node runs it). A browser that cannot start fails
 * the test file with one line that says which and why.
 */
export async function launchBrowser(): Promise<Browser> {
  const { chromium } = await import("playwright-core")
  let executablePath = process.env.CHROMIUM_PATH
  let from = "CHROMIUM_PATH"
  try {
    if (!executablePath) {
      from = "@sparticuz/chromium"
      const packaged = (await import("@sparticuz/chromium")).default
      executablePath = await packaged.executablePath()
    }
    return await chromium.launch({ executablePath, args: CHROMIUM_ARGS })
  } catch (e) {
    const reason = String((e as Error).message).split("\n").find((l) => l.trim()) ?? String(e)
    throw new Error(`Headless Chromium (${from}${executablePath ? `: ${executablePath}` : ""}) cannot start: ${reason.slice(0, 300)}`)
  }
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
  // A drawer or menu still sliding in would be caught half-transparent.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"))
  if (target?.locator) {
    await target.locator.scrollIntoViewIfNeeded()
    await target.locator.screenshot({ path: file })
  } else {
    await page.screenshot({ path: file, fullPage: true })
  }
  return file
}
