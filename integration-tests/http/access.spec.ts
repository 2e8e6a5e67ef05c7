import { adminHeaders } from "../helpers/admin"
import { expectConsistent } from "../helpers/consistency"
import { registerCustomer } from "../helpers/customer"
import { databaseChecksum } from "../helpers/db"
import { createStockedVariant, createStore, placeOrder, receiveSerials, TestStore } from "../helpers/store"
import { fillPath, pluginRoutes } from "../helpers/routes"
import { httpSuite } from "../helpers/suite"

jest.setTimeout(240_000)

/** SQL put where a search text goes; each must be taken as text and nothing else. */
const SQL_FRAGMENTS = [
  "' OR '1'='1",
  "DR-A1' --",
  "x'; DROP TABLE serial_number; --",
  "%' OR serial_number LIKE '%",
  "\\'; SELECT pg_sleep(0); --",
  "DR-A1\" OR 1=1 --",
  "1) UNION SELECT id, customer_id FROM serial_number --",
  "%",
  "_",
]

/**
 * Access: no admin route of the plugin answers without an admin login; the customer's
 * routes never without a customer login (see also store-customer-serials.spec.ts for
 * another customer's data); search texts with SQL in them are plain text.
 */
httpSuite(__filename, ({ api, getContainer }) => {
  let headers: any
  let store: TestStore
  let pk: Record<string, string>
  let drill: any
  let alice: { customer: any; headers: any }

  // Once per file: the runner snapshots the database after this and restores it before
  // every test, so each test starts from these rows, and the tokens stay valid.
  beforeAll(async () => {
    const container = getContainer()
    headers = await adminHeaders(api, container)
    store = await createStore(container)
    pk = { "x-publishable-api-key": store.publishableKey }
    ;({ variant: drill } = await createStockedVariant(container, store, { title: "Drill", sku: "DRILL-1" }))
    await api.post(`/admin/serial-settings/${drill.id}`, { is_serialized: true, warranty: { value: 1, unit: "year" } }, headers)
    await receiveSerials(api, headers, { location_id: store.locationA.id, variant_id: drill.id, serials: ["DR-A1", "DR-STOCK"] })
    alice = await registerCustomer(api, store.publishableKey, "alice@serials.test")
    const order = await placeOrder(container, store, [{ variant_id: drill.id, quantity: 1 }], "alice@serials.test")
    await api.post(
      `/admin/orders/${order.id}/fulfillments`,
      {
        location_id: store.locationA.id,
        items: [{ id: order.items[0].id, quantity: 1 }],
        additional_data: { serial_numbers: { [order.items[0].id]: ["DR-A1"] } },
      },
      headers
    )
  })

  const send = (method: string, url: string, config: any, body: any = {}) =>
    api.request({ method, url, data: method === "GET" ? undefined : body, validateStatus: () => true, ...config })

  it("every admin route of the plugin answers 401 without a login, and with a customer's token, changing nothing", async () => {
    const admin = pluginRoutes().filter((r) => r.path.startsWith("/admin/"))
    expect(admin.length).toBeGreaterThanOrEqual(35)
    const before = await databaseChecksum(getContainer())
    const answers: string[] = []
    for (const route of admin) {
      const url = fillPath(route, { id: "sn_anything", variant_id: drill.id, report: "summary" })
      for (const [who, config] of [
        ["anonymous", {}],
        ["customer", { headers: { ...alice.headers.headers } }],
      ] as const) {
        const res = await send(route.method, url, config, { serial_numbers: ["X"] })
        answers.push(`${route.method} ${route.path} ${who}: ${res.status}`)
      }
    }
    expect(answers.filter((a) => !a.endsWith(": 401"))).toEqual([])
    expect(await databaseChecksum(getContainer())).toEqual(before)
  })

  it("every customer route answers 401 without a customer login", async () => {
    const customer = pluginRoutes().filter((r) => r.path.startsWith("/store/customers/me"))
    expect(customer.length).toBeGreaterThanOrEqual(5)
    const answers: string[] = []
    for (const route of customer) {
      for (const [who, config] of [
        ["no token", { headers: pk }],
        ["admin token", { headers: { ...pk, ...headers.headers } }],
        ["forged token", { headers: { ...pk, authorization: "Bearer eyJhbGciOiJub25lIn0.eyJhY3Rvcl9pZCI6ImN1c18xIn0." } }],
      ] as const) {
        const res = await send(route.method, route.path, config, { serial_number: "DR-A1", description: "x", purchased_at: "2026-01-01" })
        answers.push(`${route.method} ${route.path} ${who}: ${res.status}`)
      }
    }
    expect(answers.filter((a) => !a.endsWith(": 401"))).toEqual([])
  })

  it("search texts with SQL in them are plain text: no match, no error, no change", async () => {
    const before = await databaseChecksum(getContainer())
    for (const fragment of SQL_FRAGMENTS) {
      const q = encodeURIComponent(fragment)
      const list = await send("GET", `/admin/serial-numbers?q=${q}`, headers)
      expect([fragment, list.status]).toEqual([fragment, 200])
      // "%" and "_" are searched for as characters: no serial holds them.
      expect([fragment, list.data.count]).toEqual([fragment, 0])
      const receipts = await send("GET", `/admin/serial-receipts?q=${q}`, headers)
      expect([fragment, receipts.status, receipts.data.count]).toEqual([fragment, 200, 0])
      for (const url of [
        `/admin/warranty-claims?q=${q}`,
        `/admin/serial-reports/ledger?type=${q}`,
      ]) {
        const res = await send("GET", url, headers)
        expect([url, res.status < 500]).toEqual([url, true])
      }
      const lookup = await send("GET", `/store/serial-numbers/${q}/warranty`, { headers: pk })
      // Refused as malformed (400) or not found (404): never a serial, never an error.
      expect([fragment, [400, 404].includes(lookup.status)]).toEqual([fragment, true])
      const register = await send("POST", "/store/customers/me/serial-numbers", alice.headers, {
        serial_number: fragment,
        purchased_at: "2026-01-01",
      })
      expect([fragment, register.status >= 400 && register.status < 500]).toEqual([fragment, true])
      const claim = await send("POST", "/store/customers/me/warranty-claims", alice.headers, { serial_number: fragment, description: "broken" })
      expect([fragment, claim.status >= 400 && claim.status < 500]).toEqual([fragment, true])
    }
    // The sold serial is still found by its own text, and only it.
    const own = await send("GET", `/admin/serial-numbers?q=DR-A1`, headers)
    expect(own.data.serial_numbers.map((s: any) => s.serial_number)).toEqual(["DR-A1"])
    expect((await send("GET", "/store/serial-numbers/DR-A1/warranty", { headers: pk })).status).toBe(200)
    expect(await databaseChecksum(getContainer())).toEqual(before)
    await expectConsistent(api, headers)
  })
})
