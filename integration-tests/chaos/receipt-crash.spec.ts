import { runConsistencyCheck } from "../helpers/consistency"
import { AxiosInstance } from "axios"
import {
  adminClient,
  chaosPort,
  createDatabase,
  MedusaProcess,
  portIsFree,
  prepareStore,
  sql,
  StoreSetup,
} from "./lib/cluster"
import { inStockSerials, serialContradictions, stockedQuantity } from "./lib/invariants"

const PORT = chaosPort(0)
const SERIALS = 100_000

/**
 * A real Medusa server process killed with SIGKILL while it posts a 100,000-serial
 * receipt, then started again: the receipt is wholly there or wholly absent, Medusa's
 * stock agrees with the serials, and nothing contradicts itself.
 */
describe("a server killed in the middle of a 100,000-serial receipt", () => {
  let databaseUrl: string
  let setup: StoreSetup
  let server: MedusaProcess
  let variantId: string

  const restart = async () => {
    await server.kill("SIGKILL")
    while (!(await portIsFree(PORT))) {
      await new Promise((r) => setTimeout(r, 200))
    }
    server = new MedusaProcess(`crash-server-${Date.now()}`, PORT, databaseUrl)
    await server.start()
    return adminClient(server, setup)
  }

  beforeAll(async () => {
    databaseUrl = await createDatabase("serial_chaos_crash")
    setup = await prepareStore(databaseUrl, ["CRASH-1"])
    variantId = setup.variants["CRASH-1"]
    server = new MedusaProcess("crash-server", PORT, databaseUrl)
    await server.start()
    const api = await adminClient(server, setup)
    await api.post(`/admin/serial-settings/${variantId}`, { is_serialized: true })
  })

  afterAll(async () => {
    await server?.kill("SIGTERM")
  })

  /** Posts the receipt; resolves with its answer or the connection error, never rejects. */
  const postReceipt = (api: AxiosInstance, prefix: string) =>
    api
      .post("/admin/serial-receipts", {
        stock_location_id: setup.location_a,
        supplier: { name: "Crash supplier", reference: prefix },
        items: [{ variant_id: variantId, quantity: SERIALS, range: { first: `${prefix}000001`, count: SERIALS } }],
      })
      .then(
        (res) => ({ answered: res.status }),
        (e) => ({ answered: e.response?.status ?? null, error: String(e.code ?? e.message) })
      )

  /** Waits until a Postgres backend of this database runs `what`; false if the request ends first. */
  const backendRuns = async (what: RegExp, request: Promise<unknown>) => {
    let ended = false
    request.then(() => (ended = true))
    while (!ended) {
      const rows = await sql(
        databaseUrl,
        `SELECT query FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid()`
      )
      if (rows.some((r) => what.test(r.query))) {
        return true
      }
      await new Promise((r) => setTimeout(r, 20))
    }
    return false
  }

  /** Everything of one receipt, read from Postgres. */
  const receiptState = async (prefix: string) => {
    const [serials] = await sql(
      databaseUrl,
      `SELECT COUNT(*)::int AS n FROM serial_number WHERE serial_number LIKE $1 AND deleted_at IS NULL`,
      [`${prefix}%`]
    )
    const [ledger] = await sql(
      databaseUrl,
      `SELECT COUNT(*)::int AS n FROM serial_ledger_entry WHERE serial_number LIKE $1 AND deleted_at IS NULL`,
      [`${prefix}%`]
    )
    const receipts = await sql(
      databaseUrl,
      `SELECT r.id, r.status, COALESCE(SUM(l.quantity), 0)::int AS quantity,
              (SELECT COUNT(*)::int FROM serial_number s WHERE s.receipt_id = r.id AND s.deleted_at IS NULL) AS serials
         FROM serial_receipt r LEFT JOIN serial_receipt_line l ON l.receipt_id = r.id AND l.deleted_at IS NULL
        WHERE r.supplier_reference = $1 AND r.deleted_at IS NULL GROUP BY r.id`,
      [prefix]
    )
    return { serials: serials.n, ledger: ledger.n, receipts }
  }

  const expectWholeOrNothing = async (api: AxiosInstance, prefix: string, stockBefore: number) => {
    const state = await receiptState(prefix)
    const stock = await stockedQuantity(databaseUrl, variantId, setup.location_a)
    if (state.serials === 0) {
      expect(state).toEqual({ serials: 0, ledger: 0, receipts: [] })
      expect(stock).toBe(stockBefore)
    } else {
      expect(state).toEqual({
        serials: SERIALS,
        ledger: SERIALS,
        receipts: [{ id: expect.any(String), status: "posted", quantity: SERIALS, serials: SERIALS }],
      })
      expect(stock).toBe(stockBefore + SERIALS)
    }
    expect(stock).toBe(await inStockSerials(databaseUrl, variantId, setup.location_a))
    expect(await serialContradictions(databaseUrl)).toEqual([])
    // The plugin's own consistency check, as a merchant runs it after an incident.
    const report = await runConsistencyCheck(api, {})
    expect(report.problems).toEqual([])
    expect(report.ok).toBe(true)
    return state.serials === 0 ? "absent" : "present"
  }

  it("killed while Postgres inserts the serials: after the restart the receipt is absent, and can be posted again", async () => {
    const api = await adminClient(server, setup)
    const stockBefore = await stockedQuantity(databaseUrl, variantId, setup.location_a)
    const request = postReceipt(api, "CRA")
    const inserting = await backendRuns(/insert\s+into\s+"?serial_number"?/i, request)
    expect(inserting).toBe(true)
    await server.kill("SIGKILL")
    expect(await request).toMatchObject({ answered: null })

    const after = await restart()
    // The insert's transaction died with the connection: nothing of the receipt is left.
    expect(await expectWholeOrNothing(after, "CRA", stockBefore)).toBe("absent")

    // The merchant posts it again on the restarted server: all of it arrives.
    const again = await postReceipt(after, "CRA")
    expect(again).toEqual({ answered: 201 })
    expect(await expectWholeOrNothing(after, "CRA", stockBefore)).toBe("present")
  })

  it("killed at the first sign of the receipt in Postgres: wholly there or wholly absent", async () => {
    const api = await adminClient(server, setup)
    const stockBefore = await stockedQuantity(databaseUrl, variantId, setup.location_a)
    const request = postReceipt(api, "CRB")
    // Any statement of the receipt: reading the settings, the receipt row, the serials.
    await backendRuns(/serial_(receipt|number|settings)/i, request)
    await server.kill("SIGKILL")
    const outcome = await request
    const after = await restart()
    const found = await expectWholeOrNothing(after, "CRB", stockBefore)
    // A receipt the server answered 201 for is never lost.
    if (outcome.answered === 201) {
      expect(found).toBe("present")
    }
  })
})
