import fc from "fast-check"
import { adminHeaders } from "../helpers/admin"
import { expectConsistent } from "../helpers/consistency"
import { registerCustomer } from "../helpers/customer"
import { databaseChecksum } from "../helpers/db"
import { createStockedVariant, createStore, placeOrder, receiveSerials, serialsBy, TestStore } from "../helpers/store"
import { fillPath, PluginRoute, pluginRoutes } from "../helpers/routes"
import { httpSuite } from "../helpers/suite"

jest.setTimeout(600_000)

/**
 * Runs per route (each one request mixing path, query and body): about 1,200 requests in all
 * with a fixed seed; `HOSTILE_RUNS=200 HOSTILE_SEED=$RANDOM npm test -- hostile-input` goes further.
 */
const RUNS = Number(process.env.HOSTILE_RUNS ?? 30)
/** Runs per write route of the poisoned-field test. */
const POISON_RUNS = Number(process.env.HOSTILE_POISON_RUNS ?? 12)

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
httpSuite(__filename, ({ api, getContainer }) => {
  let headers: any
  let store: TestStore
  let customerHeaders: Record<string, string>
  let existing: string[]

  // Once per file: the runner snapshots the database after this and restores it before
  // every test, so each test starts from these rows, and the tokens stay valid.
  beforeAll(async () => {
    // Sanity: the routes list really is read from src/api.
    expect(pluginRoutes().map((r) => `${r.method} ${r.path}`)).toEqual(
      expect.arrayContaining(["GET /admin/serial-numbers", "GET /store/serial-numbers/:serial/warranty", "GET /admin/serial-reports/:report"])
    )
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

  describe("one poisoned field in an otherwise valid body", () => {
    /** What stored text and dates may not hold (the text and date rules of every write). */
    const POISON_CHARS = ["\u0000", "\u200b", "\u200f", "\u202e", "\u2066", "\ufeff", "\ud800", "\udfff", "\ufffd"]
    const POISON_DATES = ["2027-02-30", "2025-02-29T10:00:00Z", "0000-01-01", "0999-12-31", "99999-01-01", "+099999-01-01T00:00:00Z"]
    const isDateField = (path: string) => /(_at|_date|^from|^to)$/.test(path.split(".").pop()!)

    type Template = { route: string; url: string; auth: "admin" | "customer"; body: any; csv?: boolean }
    let templates: Template[]
    /** The saw owner's login. Not `customerHeaders`: the tests after this block use that one. */
    let ownerHeaders: Record<string, string>

    // Per test: a nested beforeAll would run after the runner's snapshot, and its rows
    // would be gone at the next restore.
    beforeEach(async () => {
      const container = getContainer()
      const { variant: drill } = await createStockedVariant(container, store, { title: "Saw", sku: "SAW-1" })
      await api.post(`/admin/serial-settings/${drill.id}`, { is_serialized: true, warranty: { value: 1, unit: "year" } }, headers)
      const stocked = await receiveSerials(api, headers, { location_id: store.locationA.id, variant_id: drill.id, serials: ["SW-1", "SW-2", "SW-3"] })
      await api.post("/admin/serial-numbers", { variant_id: drill.id, serial_numbers: ["SW-REG"] }, headers)
      const alice = await registerCustomer(api, store.publishableKey, "saw-owner@serials.test")
      ownerHeaders = alice.headers.headers
      // SW-1 and SW-2 delivered to Alice; one unit returned, so the return leaves a choice.
      const sold = await placeOrder(container, store, [{ variant_id: drill.id, quantity: 2 }], "saw-owner@serials.test")
      const line = sold.items[0].id
      await api.post(
        `/admin/orders/${sold.id}/fulfillments`,
        { location_id: store.locationA.id, items: [{ id: line, quantity: 2 }], additional_data: { serial_numbers: { [line]: ["SW-1", "SW-2"] } } },
        headers
      )
      const ret = (await api.post("/admin/returns", { order_id: sold.id, location_id: store.locationA.id }, headers)).data.return
      await api.post(`/admin/returns/${ret.id}/request-items`, { items: [{ id: line, quantity: 1 }] }, headers)
      await api.post(`/admin/returns/${ret.id}/request`, {}, headers)
      await api.post(`/admin/returns/${ret.id}/receive`, {}, headers)
      await api.post(`/admin/returns/${ret.id}/receive-items`, { items: [{ id: line, quantity: 1 }] }, headers)
      await api.post(`/admin/returns/${ret.id}/receive/confirm`, {}, headers)
      // An order still to fulfil, for reservations.
      const open = await placeOrder(container, store, [{ variant_id: drill.id, quantity: 1 }], "saw-owner@serials.test")
      const sw1 = (await serialsBy(api, headers, `variant_id=${drill.id}`))["SW-1"]
      const series = (await api.post("/admin/serial-series", { name: "Saws", pattern: "S-#####" }, headers)).data.serial_series
      const schedule = (
        await api.post(
          "/admin/maintenance-schedules",
          { serial_number_ids: [sw1.id], type: "preventive", periodicity: "monthly", start_date: "2027-01-01", visit_count: 2 },
          headers
        )
      ).data.maintenance_schedule
      const visit = (await api.post("/admin/maintenance-visits", { serial_number_id: sw1.id, kind: "breakdown" }, headers)).data.maintenance_visit
      const claim = (await api.post("/admin/warranty-claims", { serial_number_id: sw1.id, description: "Noisy" }, headers)).data.warranty_claim
      const registration = (
        await api.post("/store/customers/me/serial-numbers", { serial_number: "SW-REG", purchased_at: "2026-01-01" }, alice.headers)
      ).data.registration
      const receipt = { stock_location_id: store.locationA.id, supplier: { name: "Acme", reference: "PO-1" }, received_at: "2026-01-01" }
      templates = [
        { route: "POST /admin/serial-numbers", url: "/admin/serial-numbers", auth: "admin", body: { variant_id: drill.id, serial_numbers: ["NEW-1"], notes: "shelf 3", metadata: { plan: "paid" }, end_of_life_at: "2030-01-01" } },
        { route: "POST /admin/serial-numbers/:id", url: `/admin/serial-numbers/${sw1.id}`, auth: "admin", body: { notes: "checked", metadata: { plan: "trial" }, end_of_life_at: "2030-01-01", warranty_starts_at: "2026-01-01", warranty_expires_at: "2027-01-01" } },
        { route: "POST /admin/serial-series", url: "/admin/serial-series", auth: "admin", body: { name: "Blades", pattern: "BL-#####", metadata: { line: "b" } } },
        { route: "POST /admin/serial-series/:id", url: `/admin/serial-series/${series.id}`, auth: "admin", body: { name: "Saws 2", pattern: "SA-####" } },
        { route: "POST /admin/serial-settings/:variant_id", url: `/admin/serial-settings/${drill.id}`, auth: "admin", body: { is_serialized: true, series_id: series.id, warranty: { value: 2, unit: "year" }, fulfillment_policy: "strict" } },
        { route: "POST /admin/serial-receipts", url: "/admin/serial-receipts", auth: "admin", body: { ...receipt, notes: "dock 2", metadata: { pallet: "7" }, items: [{ variant_id: drill.id, quantity: 1, serial_numbers: ["NEW-2"] }] } },
        { route: "POST /admin/orders/:id/serial-numbers", url: `/admin/orders/${open.id}/serial-numbers`, auth: "admin", body: { line_item_id: open.items[0].id, serial_numbers: ["SW-3"] } },
        { route: "POST /admin/orders/:id/serial-numbers/release", url: `/admin/orders/${open.id}/serial-numbers/release`, auth: "admin", body: { serial_numbers: ["SW-3"] } },
        { route: "POST /admin/serial-transfers", url: "/admin/serial-transfers", auth: "admin", body: { from_location_id: store.locationA.id, to_location_id: store.locationB.id, serial_numbers: ["SW-3"], note: "to the shop" } },
        { route: "POST /admin/serial-numbers/scrap", url: "/admin/serial-numbers/scrap", auth: "admin", body: { serial_numbers: ["SW-3"], reason: "Dropped" } },
        { route: "POST /admin/serial-stock-takes/preview", url: "/admin/serial-stock-takes/preview", auth: "admin", body: { location_id: store.locationA.id, serial_numbers: ["SW-3", "NEW-9"], variant_ids: [drill.id], new_serials: [{ serial_number: "NEW-9", variant_id: drill.id }] } },
        { route: "POST /admin/serial-stock-takes", url: "/admin/serial-stock-takes", auth: "admin", body: { location_id: store.locationA.id, serial_numbers: ["SW-3", "NEW-9"], variant_ids: [drill.id], new_serials: [{ serial_number: "NEW-9", variant_id: drill.id }], note: "aisle 2" } },
        { route: "POST /admin/serial-receipts/:id/cancel", url: `/admin/serial-receipts/${stocked.id}/cancel`, auth: "admin", body: { serial_numbers: ["SW-3"] } },
        { route: "POST /admin/serial-receipts/:id/vendor-returns", url: `/admin/serial-receipts/${stocked.id}/vendor-returns`, auth: "admin", body: { serial_numbers: ["SW-3"], reason: "faulty" } },
        { route: "POST /admin/serial-numbers/:id/owner", url: `/admin/serial-numbers/${sw1.id}/owner`, auth: "admin", body: { customer_id: alice.customer.id, note: "resold" } },
        { route: "POST /admin/returns/:id/serial-numbers", url: `/admin/returns/${ret.id}/serial-numbers`, auth: "admin", body: { serial_numbers: [{ serial_number: "SW-2", restock: true }] } },
        { route: "POST /admin/maintenance-schedules", url: "/admin/maintenance-schedules", auth: "admin", body: { serial_number_ids: [sw1.id], type: "preventive", periodicity: "monthly", start_date: "2027-01-01", visit_count: 2, assignee: "Tom", notes: "yearly check" } },
        { route: "POST /admin/maintenance-schedule-plans", url: "/admin/maintenance-schedule-plans", auth: "admin", body: { type: "preventive", periodicity: "monthly", start_date: "2027-01-01", visit_count: 2, first_visit_on_start: true } },
        { route: "POST /admin/maintenance-schedules/:id", url: `/admin/maintenance-schedules/${schedule.id}`, auth: "admin", body: { assignee: "Ann", notes: "moved", status: "cancelled" } },
        { route: "POST /admin/maintenance-schedules/:id/replan", url: `/admin/maintenance-schedules/${schedule.id}/replan`, auth: "admin", body: { periodicity: "monthly", start_date: "2027-02-01", visit_count: 2, assignee: "Ann" } },
        { route: "POST /admin/maintenance-visits", url: "/admin/maintenance-visits", auth: "admin", body: { serial_number_id: sw1.id, kind: "breakdown", scheduled_date: "2027-01-05", technician: "Tom", notes: "blade" } },
        { route: "POST /admin/maintenance-visits/:id", url: `/admin/maintenance-visits/${visit.id}`, auth: "admin", body: { status: "completed", completed_at: "2026-11-01T10:00:00Z", technician: "Tom", notes: "done" } },
        { route: "POST /admin/warranty-claims", url: "/admin/warranty-claims", auth: "admin", body: { serial_number_id: sw1.id, description: "Wobbles", metadata: { photo: "no" } } },
        { route: "POST /admin/warranty-claims/:id", url: `/admin/warranty-claims/${claim.id}`, auth: "admin", body: { status: "in_progress", resolution: "Sent to repair" } },
        { route: "POST /admin/warranty-claims/:id/decision", url: `/admin/warranty-claims/${claim.id}/decision`, auth: "admin", body: { decision: "repair", repair_cost: 12, currency_code: "eur", resolution: "New blade" } },
        { route: "POST /admin/serial-registrations/:id", url: `/admin/serial-registrations/${registration.id}`, auth: "admin", body: { action: "reject", note: "No receipt" } },
        { route: "POST /admin/serial-imports", url: "/admin/serial-imports", auth: "admin", csv: true, body: { serial_number: "NEW-3", sku: "SAW-1", status: "inactive", supplier: "Acme", notes: "old stock", end_of_life_at: "2030-01-01" } },
        { route: "POST /store/customers/me/serial-numbers", url: "/store/customers/me/serial-numbers", auth: "customer", body: { serial_number: "SW-REG", purchased_at: "2026-01-01" } },
        { route: "POST /store/customers/me/warranty-claims", url: "/store/customers/me/warranty-claims", auth: "customer", body: { serial_number: "SW-2", description: "Stops" } },
      ]
    })

    /** Paths of the text leaves of a body: `items[0].serial_numbers[0]`, `supplier.name`. */
    const textLeaves = (value: any, path = ""): string[] =>
      typeof value === "string"
        ? [path]
        : value && typeof value === "object"
          ? Object.entries(value).flatMap(([k, v]) => textLeaves(v, Array.isArray(value) ? `${path}[${k}]` : path ? `${path}.${k}` : k))
          : []
    const setLeaf = (body: any, path: string, value: string) => {
      const copy = structuredClone(body)
      const keys = path.replace(/\[(\d+)\]/g, ".$1").split(".")
      let at = copy
      for (const k of keys.slice(0, -1)) {
        at = at[k]
      }
      at[keys[keys.length - 1]] = value
      return copy
    }
    const leafOf = (body: any, path: string) => path.replace(/\[(\d+)\]/g, ".$1").split(".").reduce((at, k) => at[k], body)

    it("every write route refuses a NUL, an invisible or broken character or an impossible date in any field, with a 4xx, changing nothing", async () => {
      // Every write route that reads a body has a template: one added later must get one.
      // Bodies without a text or date field have nothing to poison (the fuzz above covers them).
      // File uploads take multipart bodies, not JSON: their text (a file's name) and their
      // content are checked in claim-attachments.spec.ts.
      const WITHOUT_TEXT = [
        "POST /admin/serial-reports/consistency/runs",
        "POST /admin/warranty-claims/:id/attachments",
        "POST /store/customers/me/serial-registrations/:id/proof-of-purchase",
      ]
      expect([...templates.map((t) => t.route), ...WITHOUT_TEXT].sort()).toEqual(
        pluginRoutes()
          .filter((r) => r.method === "POST")
          .map((r) => `${r.method} ${r.path}`)
          .sort()
      )
      const before = await databaseChecksum(getContainer())
      const problems: string[] = []
      let requests = 0
      for (const template of templates) {
        const leaves = textLeaves(template.body)
        await fc.assert(
          fc.asyncProperty(
            fc.constantFrom(...leaves),
            fc.constantFrom(...POISON_CHARS),
            fc.nat(),
            fc.constantFrom(...POISON_DATES),
            async (leaf, char, at, date) => {
              const original: string = leafOf(template.body, leaf)
              const poisoned = isDateField(leaf) && at % 2 ? date : original.slice(0, at % (original.length + 1)) + char + original.slice(at % (original.length + 1))
              const body = setLeaf(template.body, leaf, poisoned)
              const auth = template.auth === "admin" ? headers.headers : { "x-publishable-api-key": store.publishableKey, ...ownerHeaders }
              const res = await api.request({
                method: "POST",
                url: template.url,
                data: template.csv ? `${Object.keys(body).join(",")}\n${Object.values(body).join(",")}\n` : JSON.stringify(body),
                headers: { ...auth, "content-type": template.csv ? "text/csv" : "application/json" },
                validateStatus: () => true,
                transformRequest: [(d: unknown) => d],
              })
              requests++
              // A 429 would be the rate limit answering, not the rules this test is about.
              if (res.status < 400 || res.status >= 500 || res.status === 429) {
                problems.push(`${template.route} ${leaf}=${JSON.stringify(poisoned)} -> ${res.status} ${JSON.stringify(res.data).slice(0, 300)}`)
              }
              return true
            }
          ),
          { numRuns: POISON_RUNS, seed: Number(process.env.HOSTILE_SEED ?? 20261204) }
        )
      }
      // Every run of every template sent its request.
      expect(requests).toBe(templates.length * POISON_RUNS)
      expect(problems).toEqual([])
      expect(await databaseChecksum(getContainer())).toEqual(before)
      await expectConsistent(api, headers)
    })
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
      expect(requests).toBe(routes.length * RUNS)
      expect(serverErrors).toEqual([])
      // Malformed input is refused: no write route accepted any of it.
      expect(accepted).toEqual([])
      expect(await databaseChecksum(getContainer())).toEqual(before)
      await expectConsistent(api, headers)
    })
  }
})
