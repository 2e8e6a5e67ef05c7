import fc from "fast-check"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { adminHeaders } from "../helpers/admin"
import { expectConsistent } from "../helpers/consistency"
import { registerCustomer } from "../helpers/customer"
import { databaseChecksum } from "../helpers/db"
import { createStockedVariant, createStore, receiveSerials, serialsBy, TestStore } from "../helpers/store"
import { fillPath, PluginRoute, pluginRoutes } from "../helpers/routes"

jest.setTimeout(600_000)

/** Runs per route (each one request mixing path, query and body); about 2,000 requests in all. */
const RUNS = Number(process.env.HOSTILE_RUNS ?? 50)

/** Texts that have broken parsers before: encodings, SQL, paths, control characters, sizes. */
const NASTY_TEXT = [
  "",
  " ",
  "%",
  "%E0%A4%A",
  "%00",
  "\u0000",
  "..",
  "../../etc/passwd",
  "' OR 1=1 --",
  "\"; DROP TABLE serial_number; --",
  "null",
  "undefined",
  "NaN",
  "-1",
  "1e309",
  "9".repeat(400),
  "x".repeat(5000),
  "2026-13-45",
  "0000-00-00T00:00:00Z",
  "[object Object]",
  "__proto__",
  "constructor",
  "🔥💥",
  "\uD800",
  "a.b.c",
  "$where",
]

const nastyText = fc.oneof(fc.constantFrom(...NASTY_TEXT), fc.string({ maxLength: 40 }), fc.string({ unit: "binary", maxLength: 20 }))

/**
 * Percent-encodes text; a lone surrogate (which encodeURIComponent refuses) goes as the
 * bytes Node would send. `light` keeps what a careless client leaves unencoded (`%`, `[`,
 * `]`, `,`, `+`) and encodes only what an HTTP request line cannot carry.
 */
function encode(text: string, light = false): string {
  const bytes = Buffer.from(text, "utf8")
  let out = ""
  for (const b of bytes) {
    const c = String.fromCharCode(b)
    const plain = light ? b > 0x20 && b < 0x7f && c !== "&" && c !== "#" && c !== "=" : /[A-Za-z0-9\-_.!~*'()]/.test(c)
    out += plain ? c : `%${b.toString(16).toUpperCase().padStart(2, "0")}`
  }
  return out
}

/** A value of any shape, wrong for most fields. */
const anyValue = fc.oneof(
  nastyText,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(nastyText, { maxLength: 3 }),
  fc.dictionary(nastyText, nastyText, { maxKeys: 3 }),
  fc.constant({ $gt: "" }),
  fc.constant([[[[]]]])
)

/**
 * Every route's known body and query keys, so that generated input reaches the
 * validators' field rules and not only their unknown-key check.
 */
const KNOWN_KEYS = [
  "serial_numbers", "variant_id", "product_id", "status", "stock_location_id", "notes", "metadata", "end_of_life_at",
  "warranty_starts_at", "warranty_expires_at", "name", "pattern", "is_serialized", "series_id", "warranty", "contract",
  "fulfillment_policy", "supplier", "received_at", "items", "line_item_id", "swap", "serials", "restock", "serial_number_ids",
  "type", "periodicity", "interval", "start_date", "end_date", "visit_count", "first_visit_on_start", "assignee",
  "serial_number_id", "scheduled_date", "completed_at", "technician", "description", "resolution", "replacement_serial_number_id",
  "action", "reason", "serial_number", "purchased_at", "limit", "offset", "order", "fields", "q", "within_days", "from", "to",
  "count", "customer_id", "order_id", "reference_id", "reference_type", "due", "overdue", "created_at",
]
const key = fc.oneof(fc.constantFrom(...KNOWN_KEYS), nastyText)

/**
 * Body: anything JSON can carry (arrays, primitives, deep objects), or known keys with
 * values of any shape. An object always carries a key no route knows, so that no body
 * is valid by chance (a valid `{ "notes": "x" }` would rightly change a serial); the
 * validators still judge every other field of it.
 */
const hostileBody = fc
  .oneof(
    fc.jsonValue({ maxDepth: 3 }),
    fc.dictionary(key, anyValue, { maxKeys: 6 }),
    fc.dictionary(key, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 })
  )
  .chain((body) =>
    body !== null && typeof body === "object" && !Array.isArray(body)
      ? anyValue.map((v) => ({ ...(body as object), "not-a-field": v }))
      : fc.constant(body)
  )

/** Routes that take no body: they act on their path alone, so they get no existing id. */
const ACTS_ON_PATH_ALONE = (r: PluginRoute) => r.method === "DELETE" || r.path.endsWith("/cancel")

/** Query string, built by hand so that keys and values may be oddly encoded or not at all. */
const hostileQuery = fc
  .array(
    fc.tuple(
      fc.oneof(key, fc.constantFrom("a[b][c]", "a.b.c", "fields[]", "limit[$gt]", "order[]", "q[]", "status[0][1]")),
      fc.oneof(nastyText, fc.constantFrom("%", "%zz", "1,2", "-created_at", "*", "+")),
      fc.boolean()
    ),
    { maxLength: 5 }
  )
  .map((pairs) =>
    pairs
      .map(([k, v, raw]) => (raw ? `${encode(k, true)}=${encode(v, true)}` : `${encode(k)}=${encode(v)}`))
      .join("&")
  )

/** A path parameter: an existing record's id (valid route, malformed input) or nonsense. */
const hostileParam = (existing: string[]) =>
  fc.oneof(
    fc.constantFrom(...existing).map((v) => ({ value: v, raw: false })),
    nastyText.filter((v) => v.length > 0).map((v) => ({ value: v, raw: false })),
    fc.constantFrom("%", "%E0%A4%A", "%zz", "a%2Fb", "..", "%2e%2e").map((v) => ({ value: v, raw: true }))
  )

/**
 * Property-based hostile input (fast-check) on every route of the plugin, read from
 * `src/api`: malformed bodies, query strings and path parameters, with a valid login.
 * Never a 5xx; nothing in the database changes (plugin tables and the Medusa tables its
 * flows write).
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let headers: any
    let store: TestStore
    let customerHeaders: Record<string, string>
    let existing: string[]

    beforeAll(() => {
      // Sanity: the routes list really is read from src/api.
      expect(pluginRoutes().map((r) => `${r.method} ${r.path}`)).toEqual(
        expect.arrayContaining(["GET /admin/serial-numbers", "GET /store/serial-numbers/:serial/warranty", "GET /admin/serial-reports/:report"])
      )
    })

    beforeEach(async () => {
      const container = getContainer()
      headers = await adminHeaders(api, container)
      store = await createStore(container)
      const { variant: drill } = await createStockedVariant(container, store, { title: "Drill", sku: "DRILL-1" })
      await api.post(`/admin/serial-settings/${drill.id}`, { is_serialized: true }, headers)
      const receipt = await receiveSerials(api, headers, { location_id: store.locationA.id, variant_id: drill.id, serials: ["DR-1", "DR-2"] })
      const series = (await api.post("/admin/serial-series", { name: "Drills", pattern: "D-#####" }, headers)).data.serial_series
      const serial = (await serialsBy(api, headers, `variant_id=${drill.id}`))["DR-1"]
      const alice = await registerCustomer(api, store.publishableKey, "alice@serials.test")
      customerHeaders = alice.headers.headers
      existing = [drill.id, receipt.id, series.id, serial.id, "DR-1", "summary", "ledger", "consistency", "warranty-expiry"]
    })

    const send = (route: PluginRoute, url: string, body: unknown) => {
      const auth = route.path.startsWith("/store/")
        ? { "x-publishable-api-key": store.publishableKey, ...(route.path.startsWith("/store/customers/me") ? customerHeaders : {}) }
        : headers.headers
      return api.request({
        method: route.method,
        url,
        // Send the JSON text as is (axios would not send a bare `null` or a string as JSON).
        data: route.method === "GET" ? undefined : JSON.stringify(body),
        headers: { ...auth, "content-type": "application/json" },
        validateStatus: () => true,
        transformRequest: [(d: unknown) => d],
      })
    }

    const groups = [
      ["admin", (r: PluginRoute) => r.path.startsWith("/admin/")],
      ["store", (r: PluginRoute) => r.path.startsWith("/store/")],
    ] as const

    it("a query key nested too deeply is a 400 naming it on every route, Medusa's own included", async () => {
      // The plugin's error handler wraps Medusa's, which answers this parse error with a 500.
      for (const url of ["/admin/orders?a.b.c=1", "/admin/serial-imports?a.b.c=1", "/admin/serial-numbers?x.y.z=1"]) {
        const res = await api.request({ method: url.includes("imports") ? "POST" : "GET", url, headers: headers.headers, validateStatus: () => true })
        expect({ url, status: res.status }).toEqual({ url, status: 400 })
        expect(res.data.message).toContain(url.split("?")[1].split("=")[0])
      }
    })

    for (const [group, inGroup] of groups) {
      it(`${group} routes: malformed bodies, queries and path parameters never answer 5xx, never change the database`, async () => {
        const routes = pluginRoutes().filter(inGroup)
        const before = await databaseChecksum(getContainer())
        const serverErrors: string[] = []
        const accepted: string[] = []
        let requests = 0
        for (const route of routes) {
          await fc.assert(
            fc.asyncProperty(
              fc.record({
                params: fc.dictionary(
                  fc.constantFrom(...(route.params.length ? route.params : ["_"])),
                  hostileParam(ACTS_ON_PATH_ALONE(route) ? ["sn_not_there", "DR-404"] : existing)
                ),
                query: hostileQuery,
                body: hostileBody,
              }),
              async ({ params, query, body }) => {
                const values: Record<string, string> = {}
                for (const name of route.params) {
                  const p = params[name] ?? { value: ACTS_ON_PATH_ALONE(route) ? "sn_not_there" : existing[0], raw: false }
                  values[name] = p.raw ? p.value : encode(p.value)
                }
                const url = fillPath(route, values, { encode: false }) + (query ? `?${query}` : "")
                const res = await send(route, url, body)
                requests++
                const line = `${route.method} ${url.slice(0, 300)} body=${JSON.stringify(body)?.slice(0, 300)} -> ${res.status} ${JSON.stringify(res.data)?.slice(0, 300)}`
                if (res.status >= 500) {
                  serverErrors.push(line)
                } else if (route.method !== "GET" && res.status < 300) {
                  accepted.push(line)
                }
                // Every run is recorded above; the property itself never stops the run early.
                return true
              }
            ),
            { numRuns: RUNS, seed: Number(process.env.HOSTILE_SEED ?? 20261125) }
          )
        }
        expect(requests).toBeGreaterThanOrEqual(routes.length * RUNS)
        expect(serverErrors).toEqual([])
        // Malformed input is refused: no write route accepted any of it.
        expect(accepted).toEqual([])
        expect(await databaseChecksum(getContainer())).toEqual(before)
        await expectConsistent(api, headers)
      })
    }
  },
})
