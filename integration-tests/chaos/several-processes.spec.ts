import axios, { AxiosInstance } from "axios"
import { runConsistencyCheck } from "../helpers/consistency"
import {
  adminClient,
  chaosPort,
  createDatabase,
  MedusaProcess,
  placeOrderHttp,
  prepareStore,
  REDIS_PORT,
  sql,
  startRedis,
  StoreSetup,
} from "./lib/cluster"
import { inStockSerials, serialContradictions, stockedQuantity } from "./lib/invariants"

const RATE_LIMIT = 6

/**
 * A store run as Medusa recommends at scale: two `server` processes answering HTTP and one
 * `worker` running subscribers and jobs, sharing one Postgres and Medusa's Redis event bus,
 * workflow engine, cache and locking. Receipts and fulfilments go through both servers at
 * once; afterwards every invariant holds.
 */
describe("several Medusa processes on one Postgres and Redis", () => {
  let redis: { url: string; stop: () => Promise<void> }
  let databaseUrl: string
  let setup: StoreSetup
  let variantId: string
  let processes: MedusaProcess[] = []
  let serverA: MedusaProcess
  let serverB: MedusaProcess
  let apiA: AxiosInstance
  let apiB: AxiosInstance

  beforeAll(async () => {
    redis = await startRedis(REDIS_PORT)
    databaseUrl = await createDatabase("serial_chaos_cluster")
    setup = await prepareStore(databaseUrl, ["MULTI-1"])
    const env = { REDIS_URL: redis.url, SERIAL_PUBLIC_LOOKUP_RATE_LIMIT: String(RATE_LIMIT) }
    serverA = new MedusaProcess("server-a", chaosPort(10), databaseUrl, { ...env, MEDUSA_WORKER_MODE: "server" })
    serverB = new MedusaProcess("server-b", chaosPort(11), databaseUrl, { ...env, MEDUSA_WORKER_MODE: "server" })
    const worker = new MedusaProcess("worker", chaosPort(12), databaseUrl, { ...env, MEDUSA_WORKER_MODE: "worker" })
    processes = [serverA, serverB, worker]
    const started = await Promise.allSettled(processes.map((p) => p.start()))
    const failed = started.find((s) => s.status === "rejected") as PromiseRejectedResult | undefined
    if (failed) {
      throw failed.reason
    }
    apiA = await adminClient(serverA, setup)
    apiB = await adminClient(serverB, setup)
    variantId = setup.variants["MULTI-1"]
    await apiA.post(`/admin/serial-settings/${variantId}`, { is_serialized: true })
  })

  afterAll(async () => {
    await Promise.allSettled(processes.map((p) => p.kill("SIGTERM")))
    await redis?.stop()
  })

  const settle = (p: Promise<any>) =>
    p.then(
      (res) => ({ status: res.status as number, data: res.data }),
      (e) => ({ status: (e.response?.status ?? 0) as number, data: e.response?.data })
    )

  const consistency = async () => await runConsistencyCheck(apiB, {})

  it("concurrent receipts and fulfilments through both servers: distinct serials, none sold twice, stock equals serials in stock", async () => {
    // 8 receipts at once, 4 ranges each posted through both servers: every range arrives
    // exactly once, the other post of it is refused naming a serial.
    const ranges = ["MA", "MB", "MC", "MD"]
    const receipts = await Promise.all(
      ranges.flatMap((prefix) =>
        [apiA, apiB].map((api) =>
          settle(
            api.post("/admin/serial-receipts", {
              stock_location_id: setup.location_a,
              supplier: { name: "Cluster supplier" },
              items: [{ variant_id: variantId, quantity: 10, range: { first: `${prefix}-001`, count: 10 } }],
            })
          )
        )
      )
    )
    for (const [i, prefix] of ranges.entries()) {
      const pair = receipts.slice(2 * i, 2 * i + 2)
      const posted = pair.filter((r) => r.status === 201)
      const refused = pair.filter((r) => r.status !== 201)
      expect(posted).toHaveLength(1)
      // 400 when the plugin's own check sees the other receipt's serials, 422 when both
      // passed it at once and the unique index refused the later insert: either way a
      // refusal that names the serial.
      expect(refused.map((r) => [400, 422].includes(r.status))).toEqual([true])
      expect(refused[0].data.message).toContain(`${prefix}-0`)
    }
    expect(await stockedQuantity(databaseUrl, variantId, setup.location_a)).toBe(40)
    expect(await inStockSerials(databaseUrl, variantId, setup.location_a)).toBe(40)

    // 12 orders of 3 units, placed through both servers, then fulfilled all at once
    // through both: each fulfilment takes 3 serials no other one took.
    const orders = []
    for (let i = 0; i < 12; i++) {
      orders.push(
        await placeOrderHttp(i % 2 ? serverB : serverA, setup, [{ variant_id: variantId, quantity: 3 }], `shopper${i}@chaos.test`)
      )
    }
    // Medusa's own fulfilment workflow takes its locking module's lock on the inventory
    // item (Redis here) with a timeout: on a busy machine some of twelve requests for one
    // item time out inside Medusa (409) before the plugin runs, and a client sends them
    // again. After every round, exactly the fulfilled orders hold serials, 3 each.
    const outcome = new Map<string, number>()
    const messages: string[] = []
    for (let round = 0; round < 10; round++) {
      const pending = orders.filter((o) => outcome.get(o.id) !== 200)
      if (!pending.length) {
        break
      }
      const results = await Promise.all(
        pending.map((order, i) =>
          settle(
            (i % 2 ? apiA : apiB).post(`/admin/orders/${order.id}/fulfillments`, {
              location_id: setup.location_a,
              items: [{ id: order.items[0].id, quantity: 3 }],
            })
          )
        )
      )
      results.forEach((r, i) => {
        outcome.set(pending[i].id, r.status)
        if (r.status !== 200) {
          messages.push(`${r.status} ${r.data?.message}`)
        }
      })
      expect(results.every((r) => r.status === 200 || r.status === 409)).toBe(true)
      const holding = await sql(
        databaseUrl,
        `SELECT order_id, COUNT(*)::int AS n FROM serial_number
          WHERE status = 'delivered' AND deleted_at IS NULL GROUP BY order_id`
      )
      expect(Object.fromEntries(holding.map((h) => [h.order_id, h.n]))).toEqual(
        Object.fromEntries(orders.filter((o) => outcome.get(o.id) === 200).map((o) => [o.id, 3]))
      )
    }
    expect({ fulfilled: orders.filter((o) => outcome.get(o.id) === 200).length, messages }).toMatchObject({ fulfilled: 12 })

    const delivered = await sql(
      databaseUrl,
      `SELECT order_id, COUNT(*)::int AS n, COUNT(DISTINCT serial_number)::int AS distinct_serials
         FROM serial_number WHERE status = 'delivered' AND deleted_at IS NULL GROUP BY order_id`
    )
    expect(delivered).toHaveLength(12)
    expect(delivered.every((d) => d.n === 3 && d.distinct_serials === 3)).toBe(true)
    expect(new Set(delivered.map((d) => d.order_id))).toEqual(new Set(orders.map((o) => o.id)))

    expect(await stockedQuantity(databaseUrl, variantId, setup.location_a)).toBe(4)
    expect(await inStockSerials(databaseUrl, variantId, setup.location_a)).toBe(4)
    expect(await serialContradictions(databaseUrl)).toEqual([])
    const report = await consistency()
    expect(report.problems).toEqual([])
    expect(report.ok).toBe(true)
  })

  it("the worker runs the plugin's subscribers: a shipment through a server stamps its serials shipped", async () => {
    const [line] = await sql(
      databaseUrl,
      `SELECT order_id, fulfillment_id, line_item_id FROM serial_number
        WHERE status = 'delivered' AND deleted_at IS NULL LIMIT 1`
    )
    const shipped = await settle(
      apiA.post(`/admin/orders/${line.order_id}/fulfillments/${line.fulfillment_id}/shipments`, {
        items: [{ id: line.line_item_id, quantity: 3 }],
      })
    )
    expect(shipped.status).toBe(200)
    // Servers in `server` mode run no subscribers: only the worker, through the Redis
    // event bus, can stamp these.
    let stamped: any[] = []
    for (let i = 0; i < 240 && stamped.length < 3; i++) {
      stamped = await sql(
        databaseUrl,
        `SELECT serial_number FROM serial_number WHERE fulfillment_id = $1 AND shipped_at IS NOT NULL AND deleted_at IS NULL`,
        [line.fulfillment_id]
      )
      await new Promise((r) => setTimeout(r, 250))
    }
    expect(stamped).toHaveLength(3)
    expect((await consistency()).ok).toBe(true)
  })

  it("the public look-up limit counts across both servers through Redis", async () => {
    const lookup = (server: MedusaProcess) =>
      settle(
        axios.get(`${server.url}/store/serial-numbers/MA-001/warranty`, {
          headers: { "x-publishable-api-key": setup.publishable_key },
        })
      )
    const statuses: number[] = []
    for (let i = 0; i < RATE_LIMIT; i++) {
      statuses.push((await lookup(i % 2 ? serverB : serverA)).status)
    }
    expect(statuses.every((s) => s !== 429)).toBe(true)
    // Each server saw only half the limit, yet the next look-up is refused on either.
    const refusedA = await lookup(serverA)
    const refusedB = await lookup(serverB)
    expect([refusedA.status, refusedB.status]).toEqual([429, 429])
    expect(refusedA.data.message).toContain(`at most ${RATE_LIMIT} a minute`)
  })
})
