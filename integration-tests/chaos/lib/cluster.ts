// Real processes for the chaos tests: Medusa servers and workers started with `medusa start`
// in integration-tests/chaos/store (which loads the built plugin), a Redis server from the
// system's `redis-server`, and a database of its own per test file on the run's Postgres
// (started by the jest global setup, see integration-tests/setup/global-setup.js).
import axios, { AxiosInstance } from "axios"
import { ChildProcess, spawn, spawnSync } from "child_process"
import fs from "fs"
import net from "net"
import os from "os"
import path from "path"
import { Client } from "pg"

export const ROOT = path.resolve(__dirname, "../../..")
export const STORE_DIR = path.resolve(__dirname, "../store")
const CLI = require.resolve("@medusajs/cli/cli.js", { paths: [ROOT] })
const LOG_DIR = path.join(os.tmpdir(), `serial-chaos-logs-${process.pid}`)

export type StoreSetup = {
  admin: { email: string; password: string }
  publishable_key: string
  location_a: string
  location_b: string
  region_id: string
  sales_channel_id: string
  shipping_option_id: string
  variants: Record<string, string>
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Newest file under a folder (folders' own times change when the build passes by). */
function newestMtime(p: string): number {
  const stat = fs.statSync(p)
  if (!stat.isDirectory()) {
    return stat.mtimeMs
  }
  return Math.max(0, ...fs.readdirSync(p).map((e) => newestMtime(path.join(p, e))))
}

/** `medusa plugin:build` when .medusa/server is missing or older than src/ (CI builds first). */
export function ensurePluginBuilt() {
  const marker = path.join(ROOT, ".medusa/server/src/modules/serial/index.js")
  if (fs.existsSync(marker) && fs.statSync(marker).mtimeMs >= newestMtime(path.join(ROOT, "src"))) {
    return
  }
  const run = spawnSync(process.execPath, [CLI, "plugin:build"], { cwd: ROOT, encoding: "utf8" })
  if (run.status !== 0) {
    throw new Error(`medusa plugin:build failed:\n${run.stdout}\n${run.stderr}`)
  }
}

/** A fresh database on the run's Postgres; returns its URL. */
export async function createDatabase(name: string): Promise<string> {
  const { DB_HOST, DB_PORT, DB_USERNAME, DB_PASSWORD } = process.env
  const base = `postgres://${DB_USERNAME}:${DB_PASSWORD}@${DB_HOST}:${DB_PORT}`
  const admin = new Client({ connectionString: `${base}/postgres` })
  await admin.connect()
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
    await admin.query(`CREATE DATABASE "${name}"`)
  } finally {
    await admin.end()
  }
  return `${base}/${name}`
}

export async function sql<T = any>(databaseUrl: string, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    return (await client.query(text, params)).rows
  } finally {
    await client.end()
  }
}

function storeEnv(databaseUrl: string, extra: Record<string, string>) {
  return {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NODE_ENV: "development",
    MEDUSA_DISABLE_TELEMETRY: "true",
    LOG_LEVEL: process.env.CHAOS_LOG_LEVEL || "warn",
    ...extra,
  }
}

/** Runs a Medusa CLI command in the test store to completion; throws with its output on failure. */
export async function medusaCli(args: string[], databaseUrl: string, extra: Record<string, string> = {}) {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: STORE_DIR, env: storeEnv(databaseUrl, extra) })
  let output = ""
  child.stdout.on("data", (d) => (output += d))
  child.stderr.on("data", (d) => (output += d))
  const code = await new Promise<number | null>((resolve) => child.on("exit", (c) => resolve(c)))
  if (code !== 0) {
    throw new Error(`medusa ${args.join(" ")} exited with ${code}:\n${output.slice(-4000)}`)
  }
}

/** Migrates the database and builds the store of setup-store.ts in it. */
export async function prepareStore(databaseUrl: string, skus: string[]): Promise<StoreSetup> {
  ensurePluginBuilt()
  await medusaCli(["db:migrate"], databaseUrl)
  const out = path.join(os.tmpdir(), `serial-chaos-setup-${process.pid}-${Date.now()}.json`)
  await medusaCli(["exec", "./src/scripts/setup-store.ts"], databaseUrl, {
    CHAOS_SETUP_OUT: out,
    CHAOS_VARIANT_SKUS: skus.join(","),
  })
  const setup = JSON.parse(fs.readFileSync(out, "utf8"))
  fs.rmSync(out, { force: true })
  return setup
}

/** One `medusa start` process of the test store. */
export class MedusaProcess {
  child: ChildProcess | null = null
  readonly logFile: string
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }> = Promise.resolve({ code: null, signal: null })

  constructor(
    readonly name: string,
    readonly port: number,
    readonly databaseUrl: string,
    readonly env: Record<string, string> = {}
  ) {
    fs.mkdirSync(LOG_DIR, { recursive: true })
    this.logFile = path.join(LOG_DIR, `${name}.log`)
  }

  get url() {
    return `http://localhost:${this.port}`
  }

  async start() {
    const log = fs.openSync(this.logFile, "a")
    this.child = spawn(process.execPath, [CLI, "start", "--port", String(this.port)], {
      cwd: STORE_DIR,
      env: storeEnv(this.databaseUrl, { PORT: String(this.port), ...this.env }),
      stdio: ["ignore", log, log],
    })
    fs.closeSync(log)
    const child = this.child
    this.exited = new Promise((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })))
    await this.waitReady()
  }

  private async waitReady() {
    const deadline = Date.now() + 5 * 60_000
    let gone = false
    this.exited.then(() => (gone = true))
    while (Date.now() < deadline && !gone) {
      try {
        const res = await axios.get(`${this.url}/health`, { timeout: 5000, validateStatus: () => true })
        if (res.status === 200) {
          return
        }
      } catch {}
      await sleep(500)
    }
    throw new Error(`${this.name} did not become ready${gone ? " (it exited)" : ""}:\n${this.logTail()}`)
  }

  logTail(chars = 4000) {
    try {
      return fs.readFileSync(this.logFile, "utf8").slice(-chars)
    } catch {
      return ""
    }
  }

  async kill(signal: NodeJS.Signals = "SIGTERM") {
    const child = this.child
    if (!child || child.exitCode !== null || child.signalCode !== null) {
      return
    }
    child.kill(signal)
    const timer = new Promise<boolean>((r) => setTimeout(() => r(false), 20_000).unref())
    const done = await Promise.race([this.exited.then(() => true), timer])
    if (!done) {
      child.kill("SIGKILL")
      await this.exited
    }
  }
}

/** Waits until nothing listens on the port (a killed process's socket is gone). */
export async function portIsFree(port: number) {
  return new Promise<boolean>((resolve) => {
    const srv = net.createServer()
    srv.once("error", () => resolve(false))
    srv.listen(port, "127.0.0.1", () => srv.close(() => resolve(true)))
  })
}

/** A Redis server on loopback without persistence, from the system's `redis-server`. */
export async function startRedis(port: number) {
  const bin = process.env.REDIS_SERVER || "redis-server"
  const child = spawn(bin, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
    stdio: "ignore",
  })
  const failed = new Promise<Error>((resolve) => child.on("error", (e) => resolve(e)))
  const deadline = Date.now() + 20_000
  while (Date.now() < deadline) {
    const up = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, "127.0.0.1", () => {
        s.end()
        resolve(true)
      })
      s.on("error", () => resolve(false))
    })
    if (up) {
      return {
        url: `redis://127.0.0.1:${port}`,
        stop: async () => {
          child.kill("SIGTERM")
          await new Promise((r) => (child.exitCode !== null ? r(null) : child.on("exit", r)))
        },
      }
    }
    const error = await Promise.race([failed, sleep(200).then(() => null)])
    if (error) {
      throw new Error(`Could not start ${bin} (install Debian's redis-server): ${error.message}`)
    }
  }
  child.kill("SIGKILL")
  throw new Error(`redis-server did not listen on ${port}`)
}

/** An axios client of one process, logged in as the store's admin. */
export async function adminClient(proc: MedusaProcess, setup: StoreSetup): Promise<AxiosInstance> {
  const login = await axios.post(`${proc.url}/auth/user/emailpass`, setup.admin)
  return axios.create({ baseURL: proc.url, headers: { authorization: `Bearer ${login.data.token}` } })
}

/**
 * Places an order through the storefront API, as a shopper does: cart, shipping method,
 * payment session with the system provider, complete.
 */
export async function placeOrderHttp(
  proc: MedusaProcess,
  setup: StoreSetup,
  items: Array<{ variant_id: string; quantity: number }>,
  email = "shopper@chaos.test"
) {
  const api = axios.create({ baseURL: proc.url, headers: { "x-publishable-api-key": setup.publishable_key } })
  const { data: c } = await api.post("/store/carts", {
    region_id: setup.region_id,
    sales_channel_id: setup.sales_channel_id,
    email,
    shipping_address: {
      first_name: "Ada",
      last_name: "Lovelace",
      address_1: "Hauptstr. 1",
      city: "Berlin",
      country_code: "de",
      postal_code: "10115",
    },
    items,
  })
  const cartId = c.cart.id
  await api.post(`/store/carts/${cartId}/shipping-methods`, { option_id: setup.shipping_option_id })
  const { data: pc } = await api.post("/store/payment-collections", { cart_id: cartId })
  await api.post(`/store/payment-collections/${pc.payment_collection.id}/payment-sessions`, {
    provider_id: "pp_system_default",
  })
  const { data: done } = await api.post(`/store/carts/${cartId}/complete`)
  if (done.type !== "order") {
    throw new Error(`cart ${cartId} did not complete: ${JSON.stringify(done.error ?? done)}`)
  }
  return done.order as { id: string; items: Array<{ id: string; variant_id: string; quantity: number }> }
}
