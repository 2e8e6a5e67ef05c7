import { adminHeaders } from "../helpers/admin"
import { registerCustomer } from "../helpers/customer"
import { failure } from "../helpers/http"
import { createOrderWithReservations, createStockedVariant, createStore, serialDetail, serialsBy, serialState, TestStore } from "../helpers/store"
import { httpSuite } from "../helpers/suite"
import { expectConsistent } from "../helpers/consistency"

jest.setTimeout(180_000)

/**
 * Warranty-only variants (`manage_inventory: false`: extended warranties, software
 * licences): no stock, yet each unit sold gets a serial, from the pool the admin entered or
 * from the variant's series, through real orders and Medusa's own fulfilment route. The
 * buyer sees them in their account, and anyone can look their warranty up.
 */
httpSuite(__filename, ({ api, getContainer }) => {
  let headers: any
  let store: TestStore
  let licence: any
  let cover: any
  let alice: { customer: any; headers: any }

  const fulfil = (order: any, additional?: Record<string, string[]>) =>
    api.post(
      `/admin/orders/${order.id}/fulfillments`,
      {
        location_id: store.locationA.id,
        items: order.items.map((i: any) => ({ id: i.id, quantity: Number(i.quantity) })),
        ...(additional ? { additional_data: { serial_numbers: additional } } : {}),
      },
      headers
    )

  const orderOf = (items: Array<{ variant_id: string; quantity: number }>, email?: string) =>
    createOrderWithReservations(getContainer(), store, items, email)

  beforeAll(async () => {
    const container = getContainer()
    headers = await adminHeaders(api, container)
    store = await createStore(container)
    ;({ variant: licence } = await createStockedVariant(container, store, { title: "CAD licence", sku: "CAD", manage_inventory: false }))
    ;({ variant: cover } = await createStockedVariant(container, store, { title: "Drill cover 3y", sku: "COVER", manage_inventory: false }))
    await api.post(`/admin/serial-settings/${licence.id}`, { is_serialized: true, warranty: { value: 1, unit: "year" } }, headers)
    const series = (await api.post("/admin/serial-series", { name: "Covers", pattern: "COV-{YYYY}-####" }, headers)).data.serial_series
    await api.post(
      `/admin/serial-settings/${cover.id}`,
      { is_serialized: true, series_id: series.id, warranty: { value: 3, unit: "year" } },
      headers
    )
    // The licence keys the vendor handed over: the pool, oldest first.
    await api.post("/admin/serial-numbers", { variant_id: licence.id, serial_numbers: ["KEY-A"] }, headers)
    await api.post("/admin/serial-numbers", { variant_id: licence.id, serial_numbers: ["KEY-B"] }, headers)
    await api.post("/admin/serial-numbers", { variant_id: licence.id, serial_numbers: ["KEY-C"] }, headers)
    alice = await registerCustomer(api, store.publishableKey, "alice@serials.test")
  })

  it("auto: a licence comes from the pool, oldest first, and a cover from its series; the buyer sees both, the look-up shows their warranty", async () => {
    const order = await orderOf(
      [
        { variant_id: licence.id, quantity: 2 },
        { variant_id: cover.id, quantity: 1 },
      ],
      "alice@serials.test"
    )
    expect((await fulfil(order)).status).toBe(200)

    const keys = await serialsBy(api, headers, `variant_id=${licence.id}`)
    for (const text of ["KEY-A", "KEY-B"]) {
      expect(keys[text]).toMatchObject({
        status: "delivered",
        stock_location_id: null,
        customer_id: alice.customer.id,
        order_id: order.id,
        line_item_id: order.items[0].id,
      })
    }
    expect(keys["KEY-C"]).toMatchObject({ status: "inactive", customer_id: null })
    expect((await serialDetail(api, headers, "KEY-A")).ledger.at(-1)).toMatchObject({
      type: "issue",
      from_status: "inactive",
      to_status: "delivered",
      from_location_id: null,
      reference_type: "fulfillment",
    })

    const covers = Object.values(await serialsBy(api, headers, `variant_id=${cover.id}`))
    const year = new Date().getUTCFullYear()
    expect(covers).toEqual([
      expect.objectContaining({ serial_number: `COV-${year}-0001`, status: "delivered", customer_id: alice.customer.id, line_item_id: order.items[1].id }),
    ])
    const coverLedger = (await serialDetail(api, headers, `COV-${year}-0001`)).ledger
    expect(coverLedger.map((e: any) => [e.type, e.from_status, e.to_status])).toEqual([
      ["create", null, "inactive"],
      ["issue", "inactive", "delivered"],
    ])
    const delivery = new Date(covers[0].delivered_at)
    expect(new Date(covers[0].warranty_expires_at).getUTCFullYear()).toBe(delivery.getUTCFullYear() + 3)

    const summary = (await api.get(`/admin/orders/${order.id}/serial-numbers`, headers)).data.order_serial_numbers
    const gaps = (lineId: string) => {
      const line = summary.items.find((i: any) => i.line_item_id === lineId)
      return [line.delivered, line.missing, line.fulfilled_without_serial]
    }
    expect([gaps(order.items[0].id), gaps(order.items[1].id)]).toEqual([
      [2, 0, 0],
      [1, 0, 0],
    ])

    const mine = await api.get("/store/customers/me/serial-numbers", alice.headers)
    expect(mine.data.serial_numbers.map((s: any) => s.serial_number).sort()).toEqual([`COV-${year}-0001`, "KEY-A", "KEY-B"])
    const lookup = await api.get(`/store/serial-numbers/KEY-A/warranty`, { headers: { "x-publishable-api-key": store.publishableKey } })
    expect(lookup.data.warranty).toMatchObject({ serial_number: "KEY-A", sold: true, variant: { title: "CAD licence default", sku: "CAD" }, days_left: expect.any(Number) })
    expect(lookup.data.warranty.days_left).toBeGreaterThan(360)
    await expectConsistent(api, headers)
  })

  it("a canceled fulfilment puts pool and series serials back in the pool, and the next sale issues them again", async () => {
    const container = getContainer()
    const order = await orderOf([{ variant_id: cover.id, quantity: 1 }, { variant_id: licence.id, quantity: 1 }])
    expect((await fulfil(order)).status).toBe(200)
    const year = new Date().getUTCFullYear()
    const [fulfilment] = (await api.get(`/admin/orders/${order.id}?fields=id,*fulfillments`, headers)).data.order.fulfillments
    await api.post(`/admin/orders/${order.id}/fulfillments/${fulfilment.id}/cancel`, {}, headers)

    const back = { ...(await serialsBy(api, headers, `variant_id=${cover.id}`)), ...(await serialsBy(api, headers, `variant_id=${licence.id}`)) }
    for (const text of [`COV-${year}-0001`, "KEY-A"]) {
      expect(back[text]).toMatchObject({ status: "inactive", stock_location_id: null, customer_id: null, order_id: null, warranty_expires_at: null })
    }
    expect((await serialDetail(api, headers, "KEY-A")).ledger.at(-1)).toMatchObject({ type: "cancel_issue", from_status: "delivered", to_status: "inactive" })

    // The series never issues a value twice: the cover goes out again from the pool.
    const next = await orderOf([{ variant_id: cover.id, quantity: 1 }])
    expect((await fulfil(next)).status).toBe(200)
    const covers = await serialsBy(api, headers, `variant_id=${cover.id}`)
    expect(Object.keys(covers)).toEqual([`COV-${year}-0001`])
    expect(covers[`COV-${year}-0001`]).toMatchObject({ status: "delivered", order_id: next.id })
    await expectConsistent(api, headers)
  })

  it("strict: a named pool serial is issued; without one, or with a serial somebody owns, the fulfilment is refused and nothing changes", async () => {
    const container = getContainer()
    await api.post(`/admin/serial-settings/${licence.id}`, { fulfillment_policy: "strict" }, headers)
    const order = await orderOf([{ variant_id: licence.id, quantity: 1 }])
    const line = order.items[0].id

    const before = await serialState(container)
    const bare = await failure(fulfil(order))
    expect(bare.status).toBe(400)
    expect(bare.message).toContain("lacks 1 of 1 serials (fulfilment policy strict)")
    // KEY-A sold to someone else first: no longer in the pool.
    const other = await orderOf([{ variant_id: licence.id, quantity: 1 }])
    expect((await fulfil(other, { [other.items[0].id]: ["KEY-A"] })).status).toBe(200)
    const stateAfterOther = await serialState(container)
    expect(stateAfterOther.serials["KEY-B"]).toBe(before.serials["KEY-B"])
    const owned = await failure(fulfil(order, { [line]: ["KEY-A"] }))
    expect(owned.status).toBe(400)
    expect(owned.message).toContain("Serial KEY-A is delivered, not in stock")
    expect(await serialState(container)).toEqual(stateAfterOther)

    expect((await fulfil(order, { [line]: ["key-c"] })).status).toBe(200)
    expect((await serialsBy(api, headers, `variant_id=${licence.id}`))["KEY-C"]).toMatchObject({ status: "delivered", order_id: order.id })
    await expectConsistent(api, headers)
  })
})
