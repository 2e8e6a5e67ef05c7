import { addPeriod } from "../../src/modules/serial/lib/warranty"
import { addFulfillmentCreatedHandler } from "../../src/workflows/hooks/fulfillment-created"
import { adminHeaders } from "../helpers/admin"
import { failure } from "../helpers/http"
import {
  createOrderWithReservations,
  createStockedVariant,
  createStore,
  orderFulfillments,
  placeOrder,
  receiveSerials,
  serialDetail,
  serialsBy,
  serialState,
  TestStore,
} from "../helpers/store"
import { httpSuite } from "../helpers/suite"

jest.setTimeout(180_000)

/** A store's own handler on the same hook, added to the plugin's chain; it fails when told to. */
let storeHandlerFails = false
const storeHandlerSaw: string[][] = []
addFulfillmentCreatedHandler(async (input) => {
  storeHandlerSaw.push(Object.keys((input.additional_data?.serial_numbers as object) ?? {}))
  if (storeHandlerFails) {
    throw new Error("the store's own fulfilment handler failed")
  }
})

/**
 * Serials assigned by Medusa's own fulfilment route (`POST /admin/orders/:id/fulfillments`),
 * through the plugin's `fulfillmentCreated` hook: named in `additional_data`, reserved
 * beforehand, or first-in-first-out (auto); refused under strict; rolled back on refusal.
 */
httpSuite(__filename, ({ api, getContainer }) => {
  let headers: any
  let store: TestStore
  let drill: any
  let cable: any

  const fulfil = (orderId: string, body: Record<string, unknown>) =>
    api.post(`/admin/orders/${orderId}/fulfillments`, body, headers)
  const drills = () => serialsBy(api, headers, `variant_id=${drill.id}`)

  // Once per file: the runner snapshots the database after this and restores it before
  // every test, so each test starts from these rows, and the token stays valid.
  beforeAll(async () => {
    const container = getContainer()
    headers = await adminHeaders(api, container)
    store = await createStore(container)
    ;({ variant: drill } = await createStockedVariant(container, store, { title: "Drill", sku: "DRILL" }))
    ;({ variant: cable } = await createStockedVariant(container, store, {
      title: "Cable",
      sku: "CABLE",
      stock: { [store.locationA.id]: 50 },
    }))
    await api.post(
      `/admin/serial-settings/${drill.id}`,
      { is_serialized: true, warranty: { value: 1, unit: "month" } },
      headers
    )
    // FIFO order at A: DR-3 (January), DR-1 and DR-2 (February, by text), DR-4 (March).
    const a = store.locationA.id
    await receiveSerials(api, headers, { location_id: a, variant_id: drill.id, serials: ["DR-3"], received_at: "2026-01-10T00:00:00.000Z" })
    await receiveSerials(api, headers, { location_id: a, variant_id: drill.id, serials: ["DR-2", "DR-1"], received_at: "2026-02-10T00:00:00.000Z" })
    await receiveSerials(api, headers, { location_id: a, variant_id: drill.id, serials: ["DR-4"], received_at: "2026-03-10T00:00:00.000Z" })
    await receiveSerials(api, headers, {
      location_id: store.locationB.id,
      variant_id: drill.id,
      serials: ["DR-B2", "DR-B1"],
      received_at: "2026-01-01T00:00:00.000Z",
    })
  })

  it("auto: delivers the oldest serials at the fulfilment's location with customer, order, warranty and ledger; other lines untouched", async () => {
    // Through a shopper's checkout, as the other tests' orders need not be.
    const order = await placeOrder(getContainer(), store, [
      { variant_id: drill.id, quantity: 2 },
      { variant_id: cable.id, quantity: 3 },
    ])
    const [drillLine, cableLine] = order.items
    const res = await fulfil(order.id, {
      location_id: store.locationA.id,
      items: [
        { id: drillLine.id, quantity: 2 },
        { id: cableLine.id, quantity: 3 },
      ],
    })
    expect(res.status).toBe(200)
    const [fulfilment] = await orderFulfillments(api, headers, order.id)

    const all = await drills()
    const delivered = Object.values(all).filter((s: any) => s.status === "delivered").map((s: any) => s.serial_number)
    expect(delivered.sort()).toEqual(["DR-1", "DR-3"])
    for (const text of ["DR-1", "DR-3"]) {
      const s = all[text]
      expect(s).toMatchObject({
        stock_location_id: null,
        customer_id: order.customer_id,
        order_id: order.id,
        line_item_id: drillLine.id,
        fulfillment_id: fulfilment.id,
        maintenance_status: "under_warranty",
      })
      expect(s.warranty_starts_at).toBe(s.delivered_at)
      expect(new Date(s.warranty_expires_at).toISOString()).toBe(
        addPeriod(new Date(s.delivered_at), 1, "month").toISOString()
      )
    }
    for (const text of ["DR-2", "DR-4"]) {
      expect(all[text]).toMatchObject({ status: "active", stock_location_id: store.locationA.id, order_id: null })
    }
    expect(all["DR-B1"]).toMatchObject({ status: "active", stock_location_id: store.locationB.id })

    const detail = await serialDetail(api, headers, "DR-3")
    expect(detail.ledger.at(-1)).toMatchObject({
      type: "deliver",
      from_status: "active",
      to_status: "delivered",
      from_location_id: store.locationA.id,
      to_location_id: null,
      reference_type: "fulfillment",
      reference_id: fulfilment.id,
    })
    // The unserialized line was fulfilled as Medusa does it, with no serial anywhere near it.
    expect(fulfilment.items.map((i: any) => i.line_item_id).sort()).toEqual([drillLine.id, cableLine.id].sort())
    const summary = (await api.get(`/admin/orders/${order.id}/serial-numbers`, headers)).data.order_serial_numbers
    const cableSummary = summary.items.find((i: any) => i.line_item_id === cableLine.id)
    expect(cableSummary).toMatchObject({ is_serialized: false, serial_numbers: [], missing: 0 })
  })

  it("uses the serials named in additional_data (any case), at the fulfilment's location", async () => {
    const order = await createOrderWithReservations(getContainer(), store, [{ variant_id: drill.id, quantity: 2 }])
    const line = order.items[0]
    await fulfil(order.id, {
      location_id: store.locationA.id,
      items: [{ id: line.id, quantity: 2 }],
      additional_data: { serial_numbers: { [line.id]: ["dr-4", " DR-2 "] } },
    })
    const all = await drills()
    expect(all["DR-4"]).toMatchObject({ status: "delivered", line_item_id: line.id })
    expect(all["DR-2"]).toMatchObject({ status: "delivered", line_item_id: line.id })
    expect(all["DR-3"].status).toBe("active")
  })

  it("refuses wrong serials in additional_data, naming every one, and leaves the order and every serial as they were", async () => {
    const container = getContainer()
    const { variant: saw } = await createStockedVariant(container, store, { title: "Saw", sku: "SAW" })
    await api.post(`/admin/serial-settings/${saw.id}`, { is_serialized: true }, headers)
    await receiveSerials(api, headers, { location_id: store.locationA.id, variant_id: saw.id, serials: ["SAW-1"] })
    // DR-4 goes to another order first, so it is delivered when named here.
    const other = await createOrderWithReservations(container, store, [{ variant_id: drill.id, quantity: 1 }])
    await fulfil(other.id, {
      location_id: store.locationA.id,
      items: [{ id: other.items[0].id, quantity: 1 }],
      additional_data: { serial_numbers: { [other.items[0].id]: ["DR-4"] } },
    })

    const order = await createOrderWithReservations(container, store, [{ variant_id: drill.id, quantity: 2 }])
    const line = order.items[0]
    const before = await serialState(container)
    const err = await failure(
      fulfil(order.id, {
        location_id: store.locationA.id,
        items: [{ id: line.id, quantity: 2 }],
        additional_data: { serial_numbers: { [line.id]: ["NOPE-1", "SAW-1", "DR-B1", "DR-4", "dr-1", "DR-1"] } },
      })
    )
    expect(err.status).toBe(400)
    for (const named of ["NOPE-1 does not exist", "SAW-1 belongs to another variant", "DR-B1 is at stock location", "DR-4 is delivered", "dr-1 is given more than once", "6 serials given for 2 units"]) {
      expect(err.message).toContain(named)
    }
    expect(await orderFulfillments(api, headers, order.id)).toEqual([])
    expect(await serialState(container)).toEqual(before)

    // A name for a line that is not in the fulfilment, and a malformed shape.
    const stray = await failure(
      fulfil(order.id, {
        location_id: store.locationA.id,
        items: [{ id: line.id, quantity: 2 }],
        additional_data: { serial_numbers: { [line.id]: ["DR-1", "DR-2"], ordli_nope: ["DR-3"] } },
      })
    )
    expect(stray.status).toBe(400)
    expect(stray.message).toContain("ordli_nope")
    const shape = await failure(
      fulfil(order.id, {
        location_id: store.locationA.id,
        items: [{ id: line.id, quantity: 2 }],
        additional_data: { serial_numbers: { [line.id]: "DR-1" } },
      })
    )
    expect(shape.status).toBe(400)
    expect(shape.message).toContain("serial_numbers")
    expect(await orderFulfillments(api, headers, order.id)).toEqual([])
    expect(await serialState(container)).toEqual(before)
  })

  it("strict: refuses a fulfilment without serials (which line, how many), creates no fulfilment, changes nothing; reserved serials then fulfil it", async () => {
    const container = getContainer()
    await api.post(`/admin/serial-settings/${drill.id}`, { fulfillment_policy: "strict" }, headers)
    const order = await createOrderWithReservations(container, store, [{ variant_id: drill.id, quantity: 2 }])
    const line = order.items[0]
    const before = await serialState(container)

    const err = await failure(fulfil(order.id, { location_id: store.locationA.id, items: [{ id: line.id, quantity: 2 }] }))
    expect(err.status).toBe(400)
    expect(err.message).toContain(line.id)
    expect(err.message).toContain("lacks 2 of 2 serials")
    expect(await orderFulfillments(api, headers, order.id)).toEqual([])
    expect(await serialState(container)).toEqual(before)

    // One reserved is not enough either: the message says one is still missing.
    await api.post(`/admin/orders/${order.id}/serial-numbers`, { line_item_id: line.id, serial_numbers: ["DR-4"] }, headers)
    const short = await failure(fulfil(order.id, { location_id: store.locationA.id, items: [{ id: line.id, quantity: 2 }] }))
    expect(short.status).toBe(400)
    expect(short.message).toContain("lacks 1 of 2 serials")

    // Reserved for the line beforehand (as from the order page): Medusa's own form, no serials typed, works.
    await api.post(`/admin/orders/${order.id}/serial-numbers`, { line_item_id: line.id, serial_numbers: ["DR-2"] }, headers)
    const ok = await fulfil(order.id, { location_id: store.locationA.id, items: [{ id: line.id, quantity: 2 }] })
    expect(ok.status).toBe(200)
    const all = await drills()
    expect(all["DR-4"]).toMatchObject({ status: "delivered", line_item_id: line.id })
    expect(all["DR-2"]).toMatchObject({ status: "delivered", line_item_id: line.id })
    expect(all["DR-3"].status).toBe("active")
    const detail = await serialDetail(api, headers, "DR-2")
    expect(detail.ledger.slice(-2).map((l: any) => [l.type, l.from_status, l.to_status])).toEqual([
      ["reserve", "active", "reserved"],
      ["deliver", "reserved", "delivered"],
    ])

    // Serials named in additional_data also satisfy strict.
    const second = await createOrderWithReservations(container, store, [{ variant_id: drill.id, quantity: 1 }])
    const named = await fulfil(second.id, {
      location_id: store.locationB.id,
      items: [{ id: second.items[0].id, quantity: 1 }],
      additional_data: { serial_numbers: { [second.items[0].id]: ["DR-B2"] } },
    })
    expect(named.status).toBe(200)
    expect((await drills())["DR-B2"]).toMatchObject({ status: "delivered", order_id: second.id })
  })

  it("partial fulfilments, two lines of one variant, and one line fulfilled from two locations", async () => {
    const order = await createOrderWithReservations(getContainer(), store, [
      { variant_id: drill.id, quantity: 3 },
      { variant_id: drill.id, quantity: 1 },
    ])
    const [big, small] = order.items
    expect(big.variant_id).toBe(small.variant_id)

    // 1 unit of the big line from B.
    await fulfil(order.id, { location_id: store.locationB.id, items: [{ id: big.id, quantity: 1 }] })
    // The rest of the big line and the small line from A, in one fulfilment.
    await fulfil(order.id, {
      location_id: store.locationA.id,
      items: [
        { id: big.id, quantity: 2 },
        { id: small.id, quantity: 1 },
      ],
    })
    const fulfilments = await orderFulfillments(api, headers, order.id)
    expect(fulfilments).toHaveLength(2)
    const fromB = fulfilments.find((f: any) => f.location_id === store.locationB.id)
    const fromA = fulfilments.find((f: any) => f.location_id === store.locationA.id)

    const all = await drills()
    expect(all["DR-B1"]).toMatchObject({ status: "delivered", line_item_id: big.id, fulfillment_id: fromB.id })
    expect(all["DR-B2"].status).toBe("active")
    const onA = ["DR-1", "DR-2", "DR-3"].map((t) => all[t])
    expect(onA.every((s) => s.status === "delivered" && s.fulfillment_id === fromA.id)).toBe(true)
    expect(onA.filter((s) => s.line_item_id === big.id)).toHaveLength(2)
    expect(onA.filter((s) => s.line_item_id === small.id)).toHaveLength(1)
    expect(all["DR-4"].status).toBe("active")

    const summary = (await api.get(`/admin/orders/${order.id}/serial-numbers`, headers)).data.order_serial_numbers
    expect(summary.items.map((i: any) => [i.line_item_id, i.delivered, i.missing, i.fulfilled_quantity])).toEqual(
      expect.arrayContaining([
        [big.id, 3, 0, 3],
        [small.id, 1, 0, 1],
      ])
    )
  })

  it("refuses a fulfilment when the location has fewer serials than units (auto), rolling it back", async () => {
    const container = getContainer()
    const order = await createOrderWithReservations(container, store, [{ variant_id: drill.id, quantity: 3 }])
    const before = await serialState(container)
    const err = await failure(
      fulfil(order.id, { location_id: store.locationB.id, items: [{ id: order.items[0].id, quantity: 3 }] })
    )
    expect(err.status).toBe(400)
    expect(err.message).toContain("lacks 1 of 3 serials")
    expect(err.message).toContain(store.locationB.id)
    expect(await orderFulfillments(api, headers, order.id)).toEqual([])
    expect(await serialState(container)).toEqual(before)
  })

  it("a failure after the serial step (a store's handler on the same hook) rolls the serials and the fulfilment back", async () => {
    const container = getContainer()
    const order = await createOrderWithReservations(container, store, [{ variant_id: drill.id, quantity: 2 }])
    const line = order.items[0]
    const before = await serialState(container)
    storeHandlerFails = true
    try {
      const err = await failure(
        fulfil(order.id, {
          location_id: store.locationA.id,
          items: [{ id: line.id, quantity: 2 }],
          additional_data: { serial_numbers: { [line.id]: ["DR-4", "DR-2"] } },
        })
      )
      // Not the client's fault: Medusa answers its generic 500.
      expect(err.status).toBe(500)
    } finally {
      storeHandlerFails = false
    }
    expect(await orderFulfillments(api, headers, order.id)).toEqual([])
    expect(await serialState(container)).toEqual(before)

    // The same request with the store's handler passing: it ran after the serials, saw the input.
    storeHandlerSaw.length = 0
    const ok = await fulfil(order.id, {
      location_id: store.locationA.id,
      items: [{ id: line.id, quantity: 2 }],
      additional_data: { serial_numbers: { [line.id]: ["DR-4", "DR-2"] } },
    })
    expect(ok.status).toBe(200)
    expect(storeHandlerSaw).toEqual([[line.id]])
    expect((await drills())["DR-4"].status).toBe("delivered")
  })

  it("two fulfilments at the same time never get the same serial", async () => {
    const container = getContainer()
    const first = await createOrderWithReservations(container, store, [{ variant_id: drill.id, quantity: 2 }], "one@serials.test")
    const second = await createOrderWithReservations(container, store, [{ variant_id: drill.id, quantity: 2 }], "two@serials.test")
    const results = await Promise.all(
      [first, second].map((o) =>
        fulfil(o.id, { location_id: store.locationA.id, items: [{ id: o.items[0].id, quantity: 2 }] })
      )
    )
    expect(results.map((r) => r.status)).toEqual([200, 200])
    const delivered = Object.values(await drills()).filter((s: any) => s.status === "delivered")
    expect(delivered).toHaveLength(4)
    expect(delivered.filter((s: any) => s.order_id === first.id)).toHaveLength(2)
    expect(delivered.filter((s: any) => s.order_id === second.id)).toHaveLength(2)
  })

  it("keeps an overridden warranty; a variant without warranty gets none", async () => {
    const detail = await serialDetail(api, headers, "DR-3")
    await api.post(
      `/admin/serial-numbers/${detail.id}`,
      { warranty_starts_at: "2026-01-01T00:00:00.000Z", warranty_expires_at: "2031-01-01T00:00:00.000Z" },
      headers
    )
    await api.post(`/admin/serial-settings/${drill.id}`, { warranty: null }, headers)
    const order = await createOrderWithReservations(getContainer(), store, [{ variant_id: drill.id, quantity: 2 }])
    await fulfil(order.id, { location_id: store.locationA.id, items: [{ id: order.items[0].id, quantity: 2 }] })
    const all = await drills()
    expect(all["DR-3"]).toMatchObject({
      status: "delivered",
      warranty_starts_at: "2026-01-01T00:00:00.000Z",
      warranty_expires_at: "2031-01-01T00:00:00.000Z",
    })
    expect(all["DR-1"]).toMatchObject({ status: "delivered", warranty_starts_at: null, warranty_expires_at: null })
  })

  it("warranty only (no inventory management): auto leaves the line without serials, strict refuses, named serials are delivered", async () => {
    const container = getContainer()
    const { variant: licence } = await createStockedVariant(container, store, {
      title: "Licence",
      sku: "LIC",
      manage_inventory: false,
    })
    await api.post(`/admin/serial-settings/${licence.id}`, { is_serialized: true, warranty: { value: 1, unit: "year" } }, headers)

    const auto = await createOrderWithReservations(container, store, [{ variant_id: licence.id, quantity: 1 }])
    const autoRes = await fulfil(auto.id, { location_id: store.locationA.id, items: [{ id: auto.items[0].id, quantity: 1 }] })
    expect(autoRes.status).toBe(200)
    const summary = (await api.get(`/admin/orders/${auto.id}/serial-numbers`, headers)).data.order_serial_numbers
    expect(summary.items[0]).toMatchObject({ is_serialized: true, delivered: 0, missing: 1, fulfilled_without_serial: 1 })

    await api.post(`/admin/serial-settings/${licence.id}`, { fulfillment_policy: "strict" }, headers)
    const strict = await createOrderWithReservations(container, store, [{ variant_id: licence.id, quantity: 1 }])
    const refused = await failure(
      fulfil(strict.id, { location_id: store.locationA.id, items: [{ id: strict.items[0].id, quantity: 1 }] })
    )
    expect(refused.status).toBe(400)
    expect(refused.message).toContain("lacks 1 of 1 serials")

    // A licence serial that is active somewhere: named, it is delivered whatever the location
    // (receipts refuse variants without inventory, so it is put in stock with the module's own move).
    const service: any = container.resolve("serial")
    const [created] = await service.createSerials([{ serial_number: "LIC-1", variant_id: licence.id }])
    await service.moveSerials({ ids: [created.id], movement: "receive", location_id: store.locationB.id })
    const named = await fulfil(strict.id, {
      location_id: store.locationA.id,
      items: [{ id: strict.items[0].id, quantity: 1 }],
      additional_data: { serial_numbers: { [strict.items[0].id]: ["LIC-1"] } },
    })
    expect(named.status).toBe(200)
    const lic = (await serialsBy(api, headers, `variant_id=${licence.id}`))["LIC-1"]
    expect(lic).toMatchObject({ status: "delivered", order_id: strict.id, customer_id: strict.customer_id })
  })
})
