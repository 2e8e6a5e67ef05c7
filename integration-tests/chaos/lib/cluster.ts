// Real processes for the chaos tests: Medusa servers and workers started with `medusa start`
// in integration-tests/chaos/store (which loads the built plugin), a Redis server from the
// system's `redis-server`, and a database of its own per test file on the run's Postgres
// (started by the jest global setup, see integration-tests/setup/global-setup.js). Building
// the plugin, spawning, waiting for /health and stopping are scripts/lib/store.js's.
//
// Ports: CHAOS_PORT_BASE (9610) and the next dozen for Medusa, CHAOS_REDIS_PORT (6391) for
// Redis; set them to run beside another run of these tests.
import axios, { AxiosInstance } from "axios"
import { ChildProcess, spawn } from "child_process"
import fs from "fs"
import net from "net"
import os from "os"
import path from "path"
import { Client } from "pg"
import { SHOPPER_ADDRESS } from "../../helpers/shopper"

// eslint-disable-next-line @typescript-eslint/no-var-requires
const store = require("../../../scripts/lib/store")

export const ROOT: string = store.root
export const STORE_DIR = path.resolve(__dirname, "../store")
const LOG_DIR = path.join(os.tmpdir(), `serial-chaos-logs-${process.pid}`)

/** The port `offset` above CHAOS_PORT_BASE. */
export const chaosPort = (offset: number) => Number(process.env.CHAOS_PORT_BASE || 9610) + offset
export const REDIS_PORT = Number(process.env.CHAOS_REDIS_PORT || 6391)

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

function logFile(name: string) {
  fs.mkdirSync(LOG_DIR, { recursive: true })
  return path.join(LOG_DIR, `${name}.log`)
}

/** `medusa plugin:build` when .medusa/server is missing or older than src/ (CI builds first). */
export async function ensurePluginBuilt() {
  await store.ensurePluginBuild((what: string, args: string[], { cwd }: { cwd: string }) =>
    store.runMedusa(what, args, { cwd, env: process.env, logFile: logFile("plugin-build") })
  )
}

/** A fresh database on the run's Postgres; returns its URL. */
export async function createDatabase(name: string): Promise<string> {
  return store.recreateDatabase((db: string) => store.databaseUrlFromEnv(db), name)
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
  await store.runMedusa(`medusa ${args.join(" ")}`, args, {
    cwd: STORE_DIR,
    env: storeEnv(databaseUrl, extra),
    logFile: logFile(`cli-${args[0].replace(/\W+/g, "-")}`),
  })
}

/** Migrates the database and builds the store of setup-store.ts in it. */
export async function prepareStore(databaseUrl: string, skus: string[]): Promise<StoreSetup> {
  await ensurePluginBuilt()
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

/** One `medusa start` process of the test store, in a process group of its own. */
export class MedusaProcess {
  child: ChildProcess | null = null
  readonly logFile: string
  /** Resolves with the exit code once the process has exited. */
  exited: Promise<number> = Promise.resolve(0)

  constructor(
    readonly name: string,
    readonly port: number,
    readonly databaseUrl: string,
    readonly env: Record<string, string> = {}
  ) {
    this.logFile = logFile(name)
  }

  get url() {
    return `http://localhost:${this.port}`
  }

  async start() {
    try {
      const server = await store.startMedusa(["start", "--port", String(this.port)], {
        cwd: STORE_DIR,
        env: storeEnv(this.databaseUrl, { PORT: String(this.port), ...this.env }),
        port: this.port,
        logFile: this.logFile,
      })
      this.child = server.child
      this.exited = server.exited
    } catch (e: any) {
      throw new Error(`${this.name}: ${e.message}`)
    }
  }

  /** SIGKILL: at once. SIGTERM: Medusa shuts down, SIGKILL after 20 s. */
  async kill(signal: NodeJS.Signals = "SIGTERM") {
    if (!store.alive(this.child)) {
      return
    }
    if (signal === "SIGKILL") {
      store.killTree(this.child, "SIGKILL")
      await this.exited
    } else {
      await store.stopTree(this.child, { graceMs: 20_000 })
    }
  }
}

/** Whether nothing listens on the port (a killed process's socket is gone). */
export const portIsFree: (port: number) => Promise<boolean> = store.portIsFree

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
    shipping_address: SHOPPER_ADDRESS,
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
