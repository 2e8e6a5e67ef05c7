import { adminHeaders } from "../helpers/admin"
import { registerCustomer } from "../helpers/customer"
import { databaseChecksum } from "../helpers/db"
import { createStockedVariant, createStore, placeOrder, serialDetail, TestStore } from "../helpers/store"
import { recordEvents } from "../helpers/events"
import { httpSuite } from "../helpers/suite"

jest.setTimeout(180_000)

const CUSTOMER_LIMIT = 40
const ADDRESS_LIMIT = 45

/**
 * What a logged-in customer could do to serials that are not theirs, and what a careless
 * client sends: guessing serials sold elsewhere, resetting rate limits with a forged
 * header, NULs and impossible dates, and retried or repeated claims.
 */
httpSuite(__filename, ({ api, getContainer }) => {
  let headers: any
  let store: TestStore
  let drill: any
  let alice: any
  let bob: any
  // Rate-limit windows live in the server's memory across tests: each test writes from
  // addresses of its own, as the proxy reports them.
  let nextAddress = 1
  const freshAddress = () => `198.51.100.${nextAddress++}`

  const as = (who: any, address: string, extra: Record<string, string> = {}) => ({
    headers: { ...who.headers.headers, "x-forwarded-for": address, ...extra },
    validateStatus: () => true,
  })
  const register = (who: any, address: string, serial_number: string, purchased_at: unknown = "2026-01-31") =>
    api.post("/store/customers/me/serial-numbers", { serial_number, purchased_at }, as(who, address))
  const claim = (who: any, address: string, serial_number: string, description: unknown, extra: Record<string, string> = {}) =>
    api.post("/store/customers/me/warranty-claims", { serial_number, description }, as(who, address, extra))

  beforeAll(async () => {
    const container = getContainer()
    headers = await adminHeaders(api, container)
    store = await createStore(container)
    ;({ variant: drill } = await createStockedVariant(container, store, { title: "Drill", sku: "DRILL-1" }))
    await api.post(`/admin/serial-settings/${drill.id}`, { is_serialized: true, warranty: { value: 1, unit: "year" } }, headers)
    // Units sold through resellers: known to the store, owned by nobody yet. Sequential,
    // as a series issues them.
    await api.post(
      "/admin/serial-numbers",
      { variant_id: drill.id, serial_numbers: ["SN-2026-00001", "SN-2026-00002", "SN-2026-00003"] },
      headers
    )
    await api.post(
      "/admin/serial-receipts",
      { stock_location_id: store.locationA.id, supplier: { name: "Acme" }, items: [{ variant_id: drill.id, quantity: 2, serial_numbers: ["DR-A1", "DR-A2"] }] },
      headers
    )
    alice = await registerCustomer(api, store.publishableKey, "alice@serials.test")
    const order = await placeOrder(container, store, [{ variant_id: drill.id, quantity: 2 }], "alice@serials.test")
    const fulfilled = await api.post(
      `/admin/orders/${order.id}/fulfillments`,
      {
        location_id: store.locationA.id,
        items: [{ id: order.items[0].id, quantity: 2 }],
        additional_data: { serial_numbers: { [order.items[0].id]: ["DR-A1", "DR-A2"] } },
      },
      headers
    )
    expect(fulfilled.status).toBe(200)
  })

  // Bob is new in each test: the per-customer limit counts in the server's memory, which the
  // database restore does not reset. Alice (who owns the two drills) writes less than the
  // per-customer limit in the whole file.
  beforeEach(async () => {
    bob = await registerCustomer(api, store.publishableKey, `bob-${nextAddress}@serials.test`)
  })

  it("keeps a guessed registration pending: the serial stays nobody's and out of the customer's list until an admin approves", async () => {
    const address = freshAddress()
    const guessed = await register(bob, address, "SN-2026-00002")
    expect(guessed.status).toBe(202)
    expect(guessed.data.registration).toMatchObject({ serial_number: "SN-2026-00002", status: "pending", decided_at: null })
    expect((await serialDetail(api, headers, "SN-2026-00002")).customer_id).toBeNull()
    const mine = await api.get("/store/customers/me/serial-numbers", as(bob, address))
    expect(mine.data.serial_numbers).toEqual([])
    expect(mine.data.registrations.map((r: any) => [r.serial_number, r.status])).toEqual([["SN-2026-00002", "pending"]])
    // The public look-up does not know it as sold either.
    const lookup = await api.get("/store/serial-numbers/SN-2026-00002/warranty", {
      headers: { "x-publishable-api-key": store.publishableKey },
      validateStatus: () => true,
    })
    expect(lookup.status).toBe(404)

    // In-stock and sold serials stay the 404 of an unknown one.
    for (const text of ["DR-A1", "SN-2026-09999"]) {
      const r = await register(bob, address, text)
      expect([r.status, r.data.message]).toEqual([404, `Serial number "${text}" was not found`])
    }

    const approved = await api.post(`/admin/serial-registrations/${guessed.data.registration.id}`, { action: "approve" }, headers)
    expect(approved.data.serial_registration.status).toBe("approved")
    expect((await serialDetail(api, headers, "SN-2026-00002")).customer_id).toBe(bob.customer.id)
  })

  it("rejects the other customers' pending registrations of a serial when one is approved, each told why", async () => {
    const address = freshAddress()
    const bobs = await register(bob, address, "SN-2026-00003")
    const alices = await register(alice, address, "SN-2026-00003")
    expect([bobs.status, alices.status]).toEqual([202, 202])
    const seen = recordEvents(getContainer(), ["serial_registration.decided"])
    const approved = await api.post(`/admin/serial-registrations/${alices.data.registration.id}`, { action: "approve" }, headers)
    expect(approved.data.serial_registration.status).toBe("approved")
    const { data } = await api.get("/admin/serial-registrations?limit=1000", headers)
    const byId = Object.fromEntries(data.serial_registrations.map((r: any) => [r.id, r]))
    expect(byId[bobs.data.registration.id]).toMatchObject({
      status: "rejected",
      note: 'Serial "SN-2026-00003" was registered to another customer',
      decided_at: expect.any(String),
    })
    // Bob sees his registration rejected; deciding it again is refused.
    const mine = await api.get("/store/customers/me/serial-numbers", as(bob, address))
    expect(mine.data.registrations.map((r: any) => [r.serial_number, r.status])).toEqual([["SN-2026-00003", "rejected"]])
    const again = await api.post(`/admin/serial-registrations/${bobs.data.registration.id}`, { action: "approve" }, { ...headers, validateStatus: () => true })
    expect(again.status).toBe(400)
    expect(seen().map((e) => e.data).sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual(
      [
        { id: alices.data.registration.id, status: "approved" },
        { id: bobs.data.registration.id, status: "rejected" },
      ].sort((a, b) => (a.id < b.id ? -1 : 1))
    )
  })

  it("answers a customer re-posting a serial they own with 200 and that serial, not a 404", async () => {
    const address = freshAddress()
    const pending = await register(alice, address, "SN-2026-00001")
    await api.post(`/admin/serial-registrations/${pending.data.registration.id}`, { action: "approve" }, headers)
    for (const text of ["SN-2026-00001", "sn-2026-00001", "DR-A1"]) {
      const again = await register(alice, address, text)
      expect(again.status).toBe(200)
      expect(again.data.serial_number).toMatchObject({ serial_number: text.toUpperCase(), status: expect.any(String) })
    }
    expect((await serialDetail(api, headers, "SN-2026-00001")).ledger.filter((e: any) => e.type === "register")).toHaveLength(1)
    // Someone else's owned serial stays a 404 for Bob.
    expect((await register(bob, address, "SN-2026-00001")).status).toBe(404)
  })

  it("limits a customer to 40 registrations and claims a minute: the 41st is a 429 with Retry-After, and others are not affected", async () => {
    const address = freshAddress()
    const statuses: number[] = []
    for (let i = 1; i <= CUSTOMER_LIMIT; i++) {
      statuses.push((await register(bob, address, `SN-2026-0${String(9000 + i)}`)).status)
    }
    // Guesses of unknown serials count as much as hits.
    expect(statuses).toEqual(new Array(CUSTOMER_LIMIT).fill(404))
    const refused = await claim(bob, freshAddress(), "DR-A1", "from another address")
    expect(refused.status).toBe(429)
    expect(refused.data).toMatchObject({ type: "too_many_requests" })
    expect(refused.data.message).toMatch(/at most 40 a minute for one customer; try again in \d+ seconds/)
    const retryAfter = Number(refused.headers["retry-after"])
    expect(retryAfter).toBeGreaterThanOrEqual(1)
    expect(retryAfter).toBeLessThanOrEqual(60)
    // Another customer from the same address still gets through.
    expect((await claim(alice, address, "DR-A1", "Stops after a minute")).status).toBe(201)
  })

  it("limits one address to 45 writes a minute across customers; a forged X-Forwarded-For does not reset it", async () => {
    const proxyReported = freshAddress()
    const carol = await registerCustomer(api, store.publishableKey, `carol-${nextAddress}@serials.test`)
    const dave = await registerCustomer(api, store.publishableKey, `dave-${nextAddress}@serials.test`)
    const before = await databaseChecksum(getContainer())
    const statuses: number[] = []
    for (let i = 0; i < ADDRESS_LIMIT; i++) {
      // Two customers, each under the per-customer limit: it is the address that runs out.
      const who = i % 2 ? dave : bob
      // The client writes its own first entry; the proxy appends the address it saw.
      statuses.push((await register(who, `10.0.0.${i}, ${proxyReported}`, `NOPE-${i}`)).status)
    }
    expect(statuses).toEqual(new Array(ADDRESS_LIMIT).fill(404))
    for (const forged of [`203.0.113.9, ${proxyReported}`, `${freshAddress()}, ${proxyReported}`]) {
      const r = await register(carol, forged, "SN-2026-00003")
      expect(r.status).toBe(429)
      expect(r.data.message).toMatch(/from this address: at most 45 a minute/)
      expect(Number(r.headers["retry-after"])).toBeGreaterThanOrEqual(1)
    }
    expect(await databaseChecksum(getContainer())).toEqual(before)
    // A client the proxy reports with another address is counted apart.
    expect((await register(alice, freshAddress(), "SN-2026-00003")).status).toBe(202)
  })

  it("refuses a NUL in a claim and impossible purchase dates with a 400 naming the field, changing nothing", async () => {
    const address = freshAddress()
    const before = await databaseChecksum(getContainer())
    const nul = await claim(alice, address, "DR-A1", "Broken\u0000motor")
    expect(nul.status).toBe(400)
    expect(nul.data.message).toBe("Invalid request: Field 'description' contains a NUL character (U+0000)")
    const cases: Array<[unknown, string]> = [
      ["0000-01-01", "0000-01-01"],
      ["2025-02-29", "2025-02-29"],
      ["99999-01-01", "99999-01-01"],
      [20260101, "20260101"],
    ]
    for (const [purchased_at, shown] of cases) {
      const r = await register(alice, freshAddress(), "SN-2026-00003", purchased_at)
      expect(r.status).toBe(400)
      expect(r.data.message).toBe(
        `Invalid request: Field 'purchased_at' must be an ISO 8601 date (YYYY-MM-DD) or date-time (YYYY-MM-DDTHH:MM:SSZ), a real calendar day of the years 1000 to 9999, got: '${shown}'`
      )
    }
    const invisible = await claim(alice, address, "DR-A1", "ok\u202etxt.exe")
    expect(invisible.status).toBe(400)
    expect(invisible.data.message).toMatch(/'description' contains an invisible formatting character \(U\+202E\)/)
    expect(await databaseChecksum(getContainer())).toEqual(before)
  })

  it("answers a retried claim with the same Idempotency-Key with the claim it filed, and refuses a second open claim on one serial", async () => {
    const address = freshAddress()
    const key = { "idempotency-key": "claim-7f3a" }
    const first = await claim(alice, address, "DR-A1", "Stops after a minute", key)
    expect(first.status).toBe(201)
    const retried = await claim(alice, address, "DR-A1", "Stops after a minute", key)
    expect(retried.status).toBe(200)
    expect(retried.data.warranty_claim).toEqual(first.data.warranty_claim)
    // The same key for another serial is a client bug, said so.
    const reused = await claim(alice, freshAddress(), "DR-A2", "Other unit", key)
    expect(reused.status).toBe(422)
    expect(reused.data.message).toBe('Idempotency-Key "claim-7f3a" was used for a claim on another serial; send a new key for a new claim')
    // Without a key, or with another, a second open claim on DR-A1 is refused.
    const display = (await api.get(`/admin/warranty-claims/${first.data.warranty_claim.id}`, headers)).data.warranty_claim.display_id
    for (const extra of [{}, { "idempotency-key": "claim-other" }]) {
      const again = await claim(alice, freshAddress(), "DR-A1", "Still broken", extra)
      expect(again.status).toBe(422)
      expect(again.data.message).toBe(`Serial DR-A1 already has an open claim of yours (#${display}); follow that one instead of filing another`)
    }
    const claims = await api.get(`/admin/warranty-claims?customer_id=${alice.customer.id}`, headers)
    expect(claims.data.warranty_claims.map((c: any) => c.serial_number)).toEqual(["DR-A1"])
    // One claim, one ledger row and one event's worth of history.
    expect((await serialDetail(api, headers, "DR-A1")).ledger.filter((e: any) => e.type === "warranty_claim")).toHaveLength(1)

    // Once the claim is closed, a new fault can be claimed; another serial any time.
    await api.post(`/admin/warranty-claims/${first.data.warranty_claim.id}`, { status: "rejected", resolution: "Misuse" }, headers)
    expect((await claim(alice, freshAddress(), "DR-A1", "New fault")).status).toBe(201)
    expect((await claim(alice, freshAddress(), "DR-A2", "Other unit")).status).toBe(201)
    const badKey = await claim(alice, freshAddress(), "DR-A2", "x", { "idempotency-key": "é" })
    expect(badKey.status).toBe(400)
    expect(badKey.data.message).toMatch(/Idempotency-Key' must be 1 to 255 visible ASCII characters/)
  })
},
  // This file's store sits behind one proxy that appends the client address to
  // X-Forwarded-For; writes are limited to 40 a minute per customer and 45 per address.
  { plugin: { trusted_proxy_hops: 1, customer_write_rate_limit: CUSTOMER_LIMIT, address_write_rate_limit: ADDRESS_LIMIT } }
)
