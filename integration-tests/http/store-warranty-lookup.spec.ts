import http from "http"
import { adminHeaders } from "../helpers/admin"
import { registerCustomer } from "../helpers/customer"
import { createStockedVariant, createStore, placeOrder, receiveSerials, TestStore } from "../helpers/store"
import { httpSuite } from "../helpers/suite"

jest.setTimeout(180_000)

const LIMIT = 40

const PUBLIC_KEYS = [
  "contract_expires_at",
  "days_left",
  "maintenance_status",
  "next_visit_date",
  "product",
  "serial_number",
  "sold",
  "variant",
  "warranty_expires_at",
  "warranty_starts_at",
]

/**
 * The public warranty look-up, `GET /store/serial-numbers/:serial/warranty`: what it shows
 * of a sold serial, the one 404 for unknown and unsold serials, refused input and the rate
 * limit.
 */
httpSuite(__filename, ({ api, getContainer }) => {
  let headers: any
  let store: TestStore
  let pk: any
  let customerId: string

  // The limit counts per connection address, kept in the server's memory across tests:
  // each test connects from a loopback address of its own (127.0.0.2, 127.0.0.3, ...).
  let client: http.Agent
  let nextAddress = 2
  beforeEach(() => {
    client = new http.Agent({ localAddress: `127.0.0.${nextAddress++}` })
  })

  const lookup = (serial: string, h: any = pk) =>
    api.get(`/store/serial-numbers/${encodeURIComponent(serial)}/warranty`, { ...h, httpAgent: client, validateStatus: () => true })

  beforeAll(async () => {
    const container = getContainer()
    headers = await adminHeaders(api, container)
    store = await createStore(container)
    pk = { headers: { "x-publishable-api-key": store.publishableKey } }
    const { variant: drill } = await createStockedVariant(container, store, { title: "Drill", sku: "DRILL-1" })
    await api.post(`/admin/serial-settings/${drill.id}`, { is_serialized: true, warranty: { value: 2, unit: "year" } }, headers)
    await receiveSerials(api, headers, { location_id: store.locationA.id, variant_id: drill.id, serials: ["Dr-Sold", "DR-STOCK"] })
    const { customer } = await registerCustomer(api, store.publishableKey, "ada@serials.test")
    customerId = customer.id
    const order = await placeOrder(container, store, [{ variant_id: drill.id, quantity: 1 }], "ada@serials.test")
    const res = await api.post(
      `/admin/orders/${order.id}/fulfillments`,
      { location_id: store.locationA.id, items: [{ id: order.items[0].id, quantity: 1 }], additional_data: { serial_numbers: { [order.items[0].id]: ["Dr-Sold"] } } },
      headers
    )
    expect(res.status).toBe(200)
  })

  it("answers a sold serial with exactly the public keys: product, variant, warranty, maintenance; case-insensitive and trimmed", async () => {
    // A visit scheduled for the serial shows as the next visit date.
    const serial = (await api.get(`/admin/serial-numbers?q=Dr-Sold`, headers)).data.serial_numbers[0]
    expect(serial.customer_id).toBe(customerId)
    const start = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10)
    await api.post(
      "/admin/maintenance-schedules",
      { serial_number_ids: [serial.id], type: "preventive", periodicity: "monthly", start_date: start, visit_count: 2, first_visit_on_start: true },
      headers
    )

    const res = await lookup("  dr-sold ")
    expect(res.status).toBe(200)
    const w = res.data.warranty
    expect(Object.keys(res.data)).toEqual(["warranty"])
    expect(Object.keys(w).sort()).toEqual(PUBLIC_KEYS)
    expect(Object.keys(w.product).sort()).toEqual(["thumbnail", "title"])
    expect(Object.keys(w.variant).sort()).toEqual(["sku", "title"])
    expect(w).toMatchObject({
      serial_number: "Dr-Sold",
      product: { title: "Drill", thumbnail: null },
      variant: { title: "Drill default", sku: "DRILL-1" },
      sold: true,
      warranty_starts_at: serial.warranty_starts_at,
      warranty_expires_at: serial.warranty_expires_at,
      contract_expires_at: null,
      maintenance_status: "under_warranty",
      next_visit_date: start,
    })
    // Two years of warranty from today: 730 or 731 days left.
    expect([730, 731]).toContain(w.days_left)
    // Nothing personal anywhere in the answer.
    const text = JSON.stringify(res.data)
    for (const secret of [customerId, "ada@serials.test", "Hauptstr", "Test supplier", store.locationA.id, "order_", "ordli_", "ful_"]) {
      expect(text).not.toContain(secret)
    }
  })

  it("answers an unknown serial and a serial in stock (never sold) with the same 404", async () => {
    const unknown = await lookup("NO-SUCH-SERIAL")
    const stock = await lookup("DR-STOCK")
    expect(unknown.status).toBe(404)
    expect(stock.status).toBe(404)
    expect(Object.keys(unknown.data).sort()).toEqual(Object.keys(stock.data).sort())
    expect(unknown.data.type).toBe(stock.data.type)
    expect(unknown.data.type).toBe("not_found")
    expect(unknown.data.message).toBe('Serial number "NO-SUCH-SERIAL" was not found')
    expect(stock.data.message).toBe('Serial number "DR-STOCK" was not found')
  })

  it("refuses malformed serials with a 400 naming the problem, never a 5xx", async () => {
    const bad = [" ", "x".repeat(101), "x".repeat(10_000), "DR\u0001X", "DR::X", "DR,X", "' OR 1=1 --", "../../etc/passwd", "DR;DROP TABLE", "a%00b"]
    for (const value of bad) {
      const res = await lookup(value)
      expect([value.slice(0, 20), res.status]).toEqual([value.slice(0, 20), 400])
      expect(res.data.message).toMatch(/^Invalid serial number: serial /)
    }
    // A path that is not even valid percent-encoding.
    const broken = await api.get("/store/serial-numbers/%E0%A4%A/warranty", { ...pk, validateStatus: () => true })
    expect(broken.status).toBe(400)
  })

  it("requires the publishable API key", async () => {
    const res = await lookup("DR-SOLD", {})
    expect(res.status).toBe(400)
    expect(res.data.message).toMatch(/publishable/i)
  })

  it("answers exactly 40 look-ups a minute from an address, then 429 with Retry-After, whatever X-Forwarded-For says", async () => {
    const statuses: number[] = []
    let refused: any
    for (let i = 0; i < LIMIT + 5; i++) {
      const res = await lookup(i % 2 ? "DR-SOLD" : "NO-SUCH")
      statuses.push(res.status)
      refused ??= res.status === 429 ? res : undefined
    }
    // The window opened with this test's first look-up: known and unknown serials alike
    // count, and every one past the limit is refused.
    expect(statuses.slice(0, LIMIT).filter((s) => s === 429)).toEqual([])
    expect(statuses.slice(LIMIT)).toEqual([429, 429, 429, 429, 429])
    const retryAfter = Number(refused.headers["retry-after"])
    expect(Number.isInteger(retryAfter)).toBe(true)
    expect(retryAfter).toBeGreaterThanOrEqual(1)
    expect(retryAfter).toBeLessThanOrEqual(60)
    expect(refused.data).toEqual({
      type: "too_many_requests",
      message: `Too many warranty look-ups: at most ${LIMIT} a minute; try again in ${retryAfter} seconds`,
    })

    // Medusa trusts X-Forwarded-For for req.ip; the limit does not (no proxy is trusted
    // by default): a forged header is no new address and no new budget.
    for (const forged of ["203.0.113.7", "198.51.100.1, 203.0.113.8", "::1"]) {
      const res = await lookup("DR-SOLD", { headers: { ...pk.headers, "x-forwarded-for": forged, "x-real-ip": forged } })
      expect({ forged, status: res.status }).toEqual({ forged, status: 429 })
    }
    // Another client address has its own budget.
    client = new http.Agent({ localAddress: `127.0.0.${nextAddress++}` })
    expect((await lookup("DR-SOLD")).status).toBe(200)
  })
},
  // A low look-up limit for this file, so the 429 is reachable.
  { plugin: { public_lookup_rate_limit: LIMIT } }
)
