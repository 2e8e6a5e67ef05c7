import { adminHeaders } from "../helpers/admin"
import { registerCustomer } from "../helpers/customer"
import { failure } from "../helpers/http"
import { createStockedVariant, createStore, placeOrder, receiveSerials, serialDetail, TestStore } from "../helpers/store"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { httpSuite } from "../helpers/suite"
import { recordEvents } from "../helpers/events"
import { registerCustomerSerialWorkflow } from "../../src/workflows/register-customer-serial"

jest.setTimeout(180_000)


const DAY_MS = 86_400_000
const dayFromNow = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10)
/** The same day of the next calendar month (`YYYY-MM-DD`), the month's last day when it is shorter. */
const monthAfter = (day: string) => {
  const [y, m, d] = day.split("-").map(Number)
  // Date.UTC months count from 0: index m is the month after `day`'s.
  const lastOfNext = new Date(Date.UTC(y, m + 1, 0)).getUTCDate()
  return new Date(Date.UTC(y, m, Math.min(d, lastOfNext))).toISOString().slice(0, 10)
}

/**
 * The logged-in customer's routes under /store/customers/me: own serials, registering a
 * serial bought elsewhere (approved at once, as this file's store opts in), claims and visits; and that customer
 * B can never read, register or claim what is A's.
 */
httpSuite(__filename, ({ api, getContainer }) => {
  let headers: any
  let store: TestStore
  let pk: any
  let alice: { customer: any; headers: any }
  let bob: { customer: any; headers: any }
  let aliceOrder: { id: string; display_id: number }
  let drill: any

  const as = (who: any) => ({ ...who.headers, validateStatus: () => true })
  const get = (path: string, who: any) => api.get(path, as(who))
  const post = (path: string, body: any, who: any) => api.post(path, body, as(who))

  // Once per file: the runner snapshots the database after this and restores it before
  // every test, so each test starts from exactly this store, Alice's delivered order and
  // the serials in stock or entered without stock.
  beforeAll(async () => {
    const container = getContainer()
    headers = await adminHeaders(api, container)
    store = await createStore(container)
    pk = { headers: { "x-publishable-api-key": store.publishableKey } }
    ;({ variant: drill } = await createStockedVariant(container, store, { title: "Drill", sku: "DRILL-1" }))
    await api.post(`/admin/serial-settings/${drill.id}`, { is_serialized: true, warranty: { value: 1, unit: "year" } }, headers)
    await receiveSerials(api, headers, { location_id: store.locationA.id, variant_id: drill.id, serials: ["DR-A1", "DR-STOCK"] })
    // Entered without stock: units sold through resellers, registrable by their buyers.
    await api.post("/admin/serial-numbers", { variant_id: drill.id, serial_numbers: ["REG-1", "REG-2"] }, headers)
    // Alice before the order: the order of her email is hers.
    alice = await registerCustomer(api, store.publishableKey, "alice@serials.test")
    const order = await placeOrder(container, store, [{ variant_id: drill.id, quantity: 1 }], "alice@serials.test")
    expect(order.customer_id).toBe(alice.customer.id)
    aliceOrder = (await api.get(`/admin/orders/${order.id}?fields=id,display_id`, headers)).data.order
    const res = await api.post(
      `/admin/orders/${order.id}/fulfillments`,
      { location_id: store.locationA.id, items: [{ id: order.items[0].id, quantity: 1 }], additional_data: { serial_numbers: { [order.items[0].id]: ["DR-A1"] } } },
      headers
    )
    expect(res.status).toBe(200)
  })

  // Bob per test: registrations and claims count against a one-minute window per
  // customer (10 by default) kept in the app's memory, which the database restore does not
  // reset. Bob writes more than that across this file, so each test gets a new Bob, as it
  // did when all fixtures were per test. (Alice writes 4 times in the whole file.)
  beforeEach(async () => {
    bob = await registerCustomer(api, store.publishableKey, "bob@serials.test")
  })

  it("answers 401 on every customer route without a login (publishable key given)", async () => {
    const anonymous = { headers: pk }
    const answers = [
      await get("/store/customers/me/serial-numbers", anonymous),
      await post("/store/customers/me/serial-numbers", { serial_number: "REG-1", purchased_at: "2026-01-01" }, anonymous),
      await get("/store/customers/me/warranty-claims", anonymous),
      await post("/store/customers/me/warranty-claims", { serial_number: "DR-A1", description: "broken" }, anonymous),
      await get("/store/customers/me/maintenance-visits", anonymous),
    ]
    expect(answers.map((r) => r.status)).toEqual([401, 401, 401, 401, 401])
    // A token of another kind (an admin's) is no customer login either.
    const adminToken = { headers: { headers: { ...pk.headers, ...headers.headers } } }
    expect((await get("/store/customers/me/serial-numbers", adminToken)).status).toBe(401)
    // Nothing was registered or filed.
    expect((await serialDetail(api, headers, "REG-1")).customer_id).toBeNull()
    expect((await api.get("/admin/warranty-claims", headers)).data.count).toBe(0)
  })

  it("lists the customer's own serials with product, warranty, maintenance status and upcoming visits; another customer sees none", async () => {
    const dr = await serialDetail(api, headers, "DR-A1")
    await api.post(
      "/admin/maintenance-schedules",
      { serial_number_ids: [dr.id], type: "preventive", periodicity: "monthly", start_date: dayFromNow(1), visit_count: 2, first_visit_on_start: true },
      headers
    )
    const res = await get("/store/customers/me/serial-numbers", alice)
    expect(res.status).toBe(200)
    expect(res.data.count).toBe(1)
    expect(res.data.registrations).toEqual([])
    const [s] = res.data.serial_numbers
    expect(s).toMatchObject({
      id: dr.id,
      serial_number: "DR-A1",
      status: "delivered",
      product: { title: "Drill", thumbnail: null },
      variant: { id: drill.id, title: "Drill default", sku: "DRILL-1" },
      // Her order, to link to from her account.
      order: { id: aliceOrder.id, display_id: aliceOrder.display_id },
      warranty_starts_at: dr.warranty_starts_at,
      warranty_expires_at: dr.warranty_expires_at,
      maintenance_status: "under_warranty",
      next_visit_date: dayFromNow(1),
    })
    expect(aliceOrder.display_id).toEqual(expect.any(Number))
    // Monthly from tomorrow: tomorrow and a calendar month later.
    expect(s.upcoming_visits.map((v: any) => v.scheduled_date)).toEqual([dayFromNow(1), monthAfter(dayFromNow(1))])
    // Nothing of the supplier, cost or location in the customer's own list; of the order,
    // its id and number only.
    expect(JSON.stringify(res.data)).not.toMatch(/supplier|unit_cost|sloc_|line_item|fulfil/)
    expect(Object.keys(s.order)).toEqual(["id", "display_id"])

    const other = await get("/store/customers/me/serial-numbers", bob)
    expect(other.status).toBe(200)
    expect(other.data).toEqual({ serial_numbers: [], count: 0, next_cursor: null, registrations: [] })
  })

  it("registers a serial bought elsewhere: customer, warranty from the purchase date (calendar-aware), ledger row register", async () => {
    const res = await post("/store/customers/me/serial-numbers", { serial_number: "  reg-1 ", purchased_at: "2024-02-29" }, bob)
    expect(res.status).toBe(201)
    expect(res.data.serial_number).toMatchObject({
      serial_number: "REG-1",
      warranty_starts_at: "2024-02-29T00:00:00.000Z",
      // One year from Feb 29 is Feb 28 in a year without Feb 29.
      warranty_expires_at: "2025-02-28T00:00:00.000Z",
      maintenance_status: "out_of_warranty",
      days_left: 0,
    })
    const detail = await serialDetail(api, headers, "REG-1")
    expect(detail.customer_id).toBe(bob.customer.id)
    const register = detail.ledger.filter((e: any) => e.type === "register")
    expect(register).toHaveLength(1)
    expect(register[0]).toMatchObject({ reference_type: "customer", reference_id: bob.customer.id, actor_type: "customer" })
    // It is Bob's now: in his list, and the public look-up knows it as sold.
    const mine = await get("/store/customers/me/serial-numbers", bob)
    expect(mine.data.serial_numbers.map((s: any) => [s.serial_number, s.order])).toEqual([["REG-1", null]])
    const lookup = await api.get("/store/serial-numbers/REG-1/warranty", pk)
    expect(lookup.data.warranty.sold).toBe(true)
    // A receipt cannot take the customer's unit into stock.
    const receipt = await failure(
      api.post(
        "/admin/serial-receipts",
        { stock_location_id: store.locationA.id, supplier: { name: "Acme" }, items: [{ variant_id: drill.id, quantity: 1, serial_numbers: ["REG-1"] }] },
        headers
      )
    )
    expect(receipt.status).toBe(400)
    expect(receipt.message).toContain("REG-1 (registered to a customer)")
    expect((await serialDetail(api, headers, "REG-1")).customer_id).toBe(bob.customer.id)
  })

  it("announces a direct registration; one a store's own rule refuses is undone: the serial nobody's, its warranty and history as before", async () => {
    // The store's rule on the workflow's hook (registered once the app has loaded it).
    let refusedSerialId: string | null = null
    registerCustomerSerialWorkflow.hooks.serialRegistered(async ({ result }) => {
      if (result.serial_number_id && result.serial_number_id === refusedSerialId) {
        throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "The store's rule refuses this registration")
      }
    })
    const before = await serialDetail(api, headers, "REG-2")
    refusedSerialId = before.id
    const stop = recordEvents(getContainer(), ["serial_number.registered"])
    const refused = await post("/store/customers/me/serial-numbers", { serial_number: "REG-2", purchased_at: "2025-06-01" }, bob)
    expect(refused.status).toBe(400)
    expect(refused.data.message).toBe("The store's rule refuses this registration")
    const after = await serialDetail(api, headers, "REG-2")
    expect(after).toMatchObject({ customer_id: null, warranty_starts_at: before.warranty_starts_at, warranty_expires_at: before.warranty_expires_at })
    expect(after.ledger).toEqual(before.ledger)

    const res = await post("/store/customers/me/serial-numbers", { serial_number: "REG-1", purchased_at: "2025-06-01" }, bob)
    expect(res.status).toBe(201)
    const reg1 = await serialDetail(api, headers, "REG-1")
    expect(stop()).toEqual([{ name: "serial_number.registered", data: { ids: [reg1.id], customer_id: bob.customer.id, registration_id: null } }])
  })

  it("pages a customer's serials with a cursor: every one once, most recently delivered first, then by text", async () => {
    // Eight of Bob's: delivered at three times (two share one), and three never delivered.
    const texts = ["PG-1", "PG-2", "PG-3", "PG-4", "PG-5", "PG-6", "PG-7", "PG-8"]
    await api.post("/admin/serial-numbers", { variant_id: drill.id, serial_numbers: texts }, headers)
    const delivered: Record<string, string | null> = {
      "PG-1": "2026-01-01T00:00:00.000Z",
      "PG-2": "2026-03-01T00:00:00.000Z",
      "PG-3": "2026-03-01T00:00:00.000Z",
      "PG-4": null,
      "PG-5": "2026-02-01T00:00:00.000Z",
      "PG-6": null,
      "PG-7": null,
      "PG-8": "2026-02-01T00:00:00.000Z",
    }
    const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
    for (const [text, at] of Object.entries(delivered)) {
      await pg.raw(`UPDATE serial_number SET customer_id = ?, delivered_at = ? WHERE serial_number = ?`, [bob.customer.id, at, text])
    }
    const expected = ["PG-2", "PG-3", "PG-5", "PG-8", "PG-1", "PG-4", "PG-6", "PG-7"]

    const seen: string[] = []
    let after: string | null = null
    let pages = 0
    do {
      const res: any = await get(`/store/customers/me/serial-numbers?limit=3${after ? `&after=${after}` : ""}`, bob)
      expect(res.status).toBe(200)
      expect(res.data.count).toBe(8)
      seen.push(...res.data.serial_numbers.map((x: any) => x.serial_number))
      after = res.data.next_cursor
      pages++
    } while (after && pages < 10)
    expect(pages).toBe(3)
    expect(seen).toEqual(expected)
    // The default page holds them all.
    const all = await get("/store/customers/me/serial-numbers", bob)
    expect(all.data.serial_numbers.map((x: any) => x.serial_number)).toEqual(expected)
    expect(all.data.next_cursor).toBeNull()

    for (const [query, message] of [
      ["after=bm90LWEtY3Vyc29y", "Invalid cursor 'bm90LWEtY3Vyc29y': pass the next_cursor of the previous page"],
      ["limit=0", "Invalid request: Field 'limit' must be a whole number from 1 to 200, got: '0'"],
      ["limit=201", "Invalid request: Field 'limit' must be a whole number from 1 to 200, got: '201'"],
    ]) {
      const bad = await get(`/store/customers/me/serial-numbers?${query}`, bob)
      expect({ query, status: bad.status, message: bad.data.message }).toEqual({ query, status: 400, message })
    }
  })

  it("answers a registration with the serial even when the customer has more than 1,000 others", async () => {
    const many = Array.from({ length: 1001 }, (_, i) => `MANY-${String(i).padStart(4, "0")}`)
    await api.post("/admin/serial-numbers", { variant_id: drill.id, serial_numbers: many }, headers)
    const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
    await pg.raw(`UPDATE serial_number SET customer_id = ?, delivered_at = now() WHERE serial_number LIKE 'MANY-%'`, [bob.customer.id])
    const res = await post("/store/customers/me/serial-numbers", { serial_number: "REG-1", purchased_at: "2025-06-01" }, bob)
    expect(res.status).toBe(201)
    expect(res.data.serial_number).toMatchObject({ serial_number: "REG-1" })
    const list = await get("/store/customers/me/serial-numbers?limit=1", bob)
    expect(list.data.count).toBe(1002)
  })

  it("answers a serial owned by another customer, one in stock and an unknown one with the same 404, changing nothing", async () => {
    await post("/store/customers/me/serial-numbers", { serial_number: "REG-1", purchased_at: "2026-01-01" }, bob)
    const bobsSerial = await post("/store/customers/me/serial-numbers", { serial_number: "REG-1", purchased_at: "2026-01-01" }, alice)
    const alicesSerial = await post("/store/customers/me/serial-numbers", { serial_number: "DR-A1", purchased_at: "2026-01-01" }, bob)
    const inStock = await post("/store/customers/me/serial-numbers", { serial_number: "DR-STOCK", purchased_at: "2026-01-01" }, bob)
    const unknown = await post("/store/customers/me/serial-numbers", { serial_number: "NOPE-1", purchased_at: "2026-01-01" }, bob)
    for (const [text, r] of [["REG-1", bobsSerial], ["DR-A1", alicesSerial], ["DR-STOCK", inStock], ["NOPE-1", unknown]] as const) {
      expect(r.status).toBe(404)
      expect(Object.keys(r.data).sort()).toEqual(Object.keys(unknown.data).sort())
      expect(r.data.type).toBe(unknown.data.type)
      expect(r.data.message).toBe(`Serial number "${text}" was not found`)
    }
    expect((await serialDetail(api, headers, "REG-1")).customer_id).toBe(bob.customer.id)
    expect((await serialDetail(api, headers, "DR-A1")).customer_id).toBe(alice.customer.id)
    expect((await serialDetail(api, headers, "DR-STOCK")).customer_id).toBeNull()
  })

  it("refuses a purchase date in the future or malformed, and malformed serials, with a 400 naming the value", async () => {
    const future = dayFromNow(3)
    const cases: Array<[any, RegExp]> = [
      [{ serial_number: "REG-1", purchased_at: future }, new RegExp(`purchased_at' cannot be in the future, got: '${future}'`)],
      [{ serial_number: "REG-1", purchased_at: "yesterday" }, /purchased_at' must be an ISO 8601 date .*, got: 'yesterday'/],
      [{ serial_number: "REG-1", purchased_at: "2026-13-45" }, /purchased_at' must be an ISO 8601 date .*, got: '2026-13-45'/],
      [{ serial_number: "REG-1" }, /purchased_at/],
      [{ serial_number: "RE,G", purchased_at: "2026-01-01" }, /serial_number' is invalid: serial "RE,G" contains a comma/],
      [{ serial_number: "x".repeat(10_000), purchased_at: "2026-01-01" }, /serial_number' is invalid: serial "x{20}…" is 10000 characters long/],
      [{ serial_number: "REG-1", purchased_at: "2026-01-01", customer_id: alice.customer.id }, /customer_id/],
    ]
    for (const [body, message] of cases) {
      const r = await post("/store/customers/me/serial-numbers", body, bob)
      expect(r.status).toBe(400)
      expect(r.data.message).toMatch(message)
    }
    expect((await serialDetail(api, headers, "REG-1")).customer_id).toBeNull()
  })

  it("files a claim for an own serial with server-computed coverage; the customer follows its status; someone else's serial is a 404", async () => {
    const res = await post("/store/customers/me/warranty-claims", { serial_number: "dr-a1", description: "Stops after a minute" }, alice)
    expect(res.status).toBe(201)
    expect(res.data.warranty_claim).toMatchObject({
      serial_number: "DR-A1",
      description: "Stops after a minute",
      status: "open",
      covered: true,
      maintenance_status: "under_warranty",
    })
    const claimId = res.data.warranty_claim.id
    const admin = (await api.get(`/admin/warranty-claims/${claimId}`, headers)).data.warranty_claim
    expect(admin.customer_id).toBe(alice.customer.id)

    await api.post(`/admin/warranty-claims/${claimId}`, { status: "in_progress" }, headers)
    const mine = await get("/store/customers/me/warranty-claims", alice)
    expect(mine.data.count).toBe(1)
    expect(mine.data.warranty_claims[0]).toMatchObject({ id: claimId, status: "in_progress", serial_number: "DR-A1" })

    // Once resolved, a second claim on the serial: the list pages newest first, one at a time.
    await api.post(`/admin/warranty-claims/${claimId}`, { status: "resolved", resolution: "Motor replaced" }, headers)
    const second = (await post("/store/customers/me/warranty-claims", { serial_number: "DR-A1", description: "Stops again" }, alice)).data.warranty_claim
    const first = await get("/store/customers/me/warranty-claims?limit=1", alice)
    expect(first.data).toMatchObject({ count: 2, warranty_claims: [expect.objectContaining({ id: second.id })] })
    const next = await get(`/store/customers/me/warranty-claims?limit=1&after=${first.data.next_cursor}`, alice)
    expect(next.data).toMatchObject({ count: 2, next_cursor: null, warranty_claims: [expect.objectContaining({ id: claimId, status: "resolved" })] })

    // Bob cannot see Alice's claim nor file one for her serial; same 404 as an unknown serial.
    expect((await get("/store/customers/me/warranty-claims", bob)).data).toEqual({ warranty_claims: [], count: 0, next_cursor: null })
    const foreign = await post("/store/customers/me/warranty-claims", { serial_number: "DR-A1", description: "mine now" }, bob)
    const unknown = await post("/store/customers/me/warranty-claims", { serial_number: "NOPE-1", description: "mine now" }, bob)
    const unsold = await post("/store/customers/me/warranty-claims", { serial_number: "REG-2", description: "mine now" }, bob)
    for (const [text, r] of [["DR-A1", foreign], ["NOPE-1", unknown], ["REG-2", unsold]] as const) {
      expect(r.status).toBe(404)
      expect(r.data.type).toBe(unknown.data.type)
      expect(r.data.message).toBe(`Serial number "${text}" was not found`)
    }
    // A client cannot send coverage; an empty description is refused.
    const forged = await post("/store/customers/me/warranty-claims", { serial_number: "DR-A1", description: "x", covered: true }, alice)
    expect(forged.status).toBe(400)
    expect(forged.data.message).toMatch(/covered/)
    const empty = await post("/store/customers/me/warranty-claims", { serial_number: "DR-A1", description: "  " }, alice)
    expect(empty.status).toBe(400)
    expect(empty.data.message).toMatch(/description/)
    // The two claims Alice filed, nothing of the refused requests.
    expect((await api.get("/admin/warranty-claims", headers)).data.count).toBe(2)
  })

  it("lists the customer's upcoming visits, soonest first, never past or another customer's ones", async () => {
    const dr = await serialDetail(api, headers, "DR-A1")
    await api.post("/store/customers/me/serial-numbers", { serial_number: "REG-1", purchased_at: "2026-01-01" }, bob.headers)
    const reg = await serialDetail(api, headers, "REG-1")
    await api.post(
      "/admin/maintenance-schedules",
      { serial_number_ids: [dr.id], type: "preventive", periodicity: "weekly", start_date: dayFromNow(-14), visit_count: 4, first_visit_on_start: true },
      headers
    )
    await api.post(
      "/admin/maintenance-schedules",
      { serial_number_ids: [reg.id], type: "preventive", periodicity: "weekly", start_date: dayFromNow(2), visit_count: 1, first_visit_on_start: true },
      headers
    )
    const res = await get("/store/customers/me/maintenance-visits", alice)
    expect(res.status).toBe(200)
    // Alice's weekly visits: 14 and 7 days ago (past), today and in 7 days (upcoming).
    expect(res.data.maintenance_visits.map((v: any) => [v.serial_number, v.scheduled_date])).toEqual([
      ["DR-A1", dayFromNow(0)],
      ["DR-A1", dayFromNow(7)],
    ])
    expect(Object.keys(res.data.maintenance_visits[0]).sort()).toEqual(["id", "kind", "scheduled_date", "serial_number", "technician"])
    const bobs = await get("/store/customers/me/maintenance-visits", bob)
    expect(bobs.data.maintenance_visits.map((v: any) => [v.serial_number, v.scheduled_date])).toEqual([["REG-1", dayFromNow(2)]])
  })

  it("an admin passes Alice's drill on to Bob (a resale): Bob sees it with the same warranty, Alice no longer; the ledger says so", async () => {
    const dr = await serialDetail(api, headers, "DR-A1")
    const stop = recordEvents(getContainer(), ["serial_number.owner_changed"])
    const res = await api.post(`/admin/serial-numbers/${dr.id}/owner`, { customer_id: bob.customer.id, note: "Sold second-hand" }, headers)
    expect(res.status).toBe(200)
    expect(res.data.owner_change).toEqual({
      serial_number_id: dr.id,
      serial_number: "DR-A1",
      from_customer_id: alice.customer.id,
      to_customer_id: bob.customer.id,
      note: "Sold second-hand",
      warranty_expires_at: dr.warranty_expires_at,
    })
    expect(stop()).toEqual([{ name: "serial_number.owner_changed", data: { id: dr.id, from_customer_id: alice.customer.id, to_customer_id: bob.customer.id } }])

    const bobs = (await get("/store/customers/me/serial-numbers", bob)).data.serial_numbers
    // Alice's order stays hers: Bob sees the unit, not the order that sold it to her.
    expect(bobs.map((s: any) => [s.serial_number, s.warranty_starts_at, s.warranty_expires_at, s.order])).toEqual([
      ["DR-A1", dr.warranty_starts_at, dr.warranty_expires_at, null],
    ])
    expect((await get("/store/customers/me/serial-numbers", alice)).data.serial_numbers).toEqual([])
    const after = await serialDetail(api, headers, "DR-A1")
    expect(after).toMatchObject({ customer_id: bob.customer.id, status: "delivered", order_id: dr.order_id, warranty_expires_at: dr.warranty_expires_at })
    expect(after.ledger.at(-1)).toMatchObject({
      type: "owner_change",
      reference_type: "customer",
      reference_id: bob.customer.id,
      actor_type: "user",
      data: expect.objectContaining({ from_customer_id: alice.customer.id, to_customer_id: bob.customer.id, note: "Sold second-hand" }),
    })

    // Refused, nothing changed: to the owner it has; a unit in stock (no owner); unknown customer or serial.
    const stock = await serialDetail(api, headers, "DR-STOCK")
    const again = await failure(api.post(`/admin/serial-numbers/${dr.id}/owner`, { customer_id: bob.customer.id }, headers))
    expect([again.status, again.message]).toEqual([400, `DR-A1 is owned by ${bob.customer.id} already`])
    const unowned = await failure(api.post(`/admin/serial-numbers/${stock.id}/owner`, { customer_id: bob.customer.id }, headers))
    expect([unowned.status, unowned.message]).toEqual([
      400,
      "DR-STOCK has no owner to pass it on from (it is active); a unit is sold to its first owner by an order or a registration",
    ])
    const nobody = await failure(api.post(`/admin/serial-numbers/${dr.id}/owner`, { customer_id: "cus_nope" }, headers))
    expect([nobody.status, nobody.message]).toEqual([404, 'Customer with id "cus_nope" was not found'])
    expect((await failure(api.post(`/admin/serial-numbers/sn_nope/owner`, { customer_id: bob.customer.id }, headers))).status).toBe(404)
    const bad = await failure(api.post(`/admin/serial-numbers/${dr.id}/owner`, { customer: bob.customer.id }, headers))
    expect(bad.status).toBe(400)
    expect(bad.message).toContain("customer_id")
    expect((await serialDetail(api, headers, "DR-A1")).ledger.length).toBe(after.ledger.length)
  })
},
  // This file's store gives a registered serial to the customer at once: an opt-in;
  // registrations wait for an admin by default.
  { plugin: { registration_requires_approval: false } }
)
