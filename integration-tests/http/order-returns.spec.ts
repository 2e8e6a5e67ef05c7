import { TestEventUtils } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { addPeriod } from "../../src/modules/serial/lib/warranty"
import { adminHeaders } from "../helpers/admin"
import { eventually, failure, statusOf } from "../helpers/http"
import { createDrillStore, createOrderWithReservations, receiveSerials, serialDetail, serialsBy, TestStore } from "../helpers/store"
import { httpSuite } from "../helpers/suite"

jest.setTimeout(240_000)

/**
 * Returns through Medusa's own admin return routes (request, receive, dismiss damaged,
 * confirm): serials come back by themselves when the line leaves no choice, else the
 * admin names them with POST /admin/returns/:id/serial-numbers.
 */
httpSuite(__filename, ({ api, getContainer }) => {
  let headers: any
  let store: TestStore
  let drill: any

  // Once per file: the runner snapshots the database after this and restores it before
  // every test, so each test starts from these rows, and the token stays valid.
  beforeAll(async () => {
    const container = getContainer()
    headers = await adminHeaders(api, container)
    ;({ store, drill } = await createDrillStore(api, headers, container))
  })

  /**
   * Resolves once every subscriber of `order.return_received` has handled its next
   * emission. Checks first that the plugin's own subscriber is one of them, so that the
   * wait covers it.
   */
  const returnHandled = () => {
    const eventBus: any = getContainer().resolve(Modules.EVENT_BUS)
    const ids = eventBus.eventEmitter_.listeners("order.return_received").map((l: any) => l.subscriberId)
    expect(ids).toEqual(expect.arrayContaining(["serial-return-received"]))
    return TestEventUtils.waitSubscribersExecution("order.return_received", eventBus)
  }

  /** An order of `quantity` drills on one line, fulfilled from A (auto picks DR-1, DR-2). */
  async function deliveredOrder(quantity: number) {
    const order = await createOrderWithReservations(getContainer(), store, [{ variant_id: drill.id, quantity }])
    await api.post(
      `/admin/orders/${order.id}/fulfillments`,
      { location_id: store.locationA.id, items: [{ id: order.items[0].id, quantity }] },
      headers
    )
    return order
  }

  /** Medusa's admin return flow: request, then receive `received` units and dismiss `damaged` ones. */
  async function returnItems(order: any, { received = 0, damaged = 0 }) {
    const lineId = order.items[0].id
    const ret = (await api.post("/admin/returns", { order_id: order.id, location_id: store.locationB.id }, headers)).data
      .return
    await api.post(`/admin/returns/${ret.id}/request-items`, { items: [{ id: lineId, quantity: received + damaged }] }, headers)
    await api.post(`/admin/returns/${ret.id}/request`, {}, headers)
    await api.post(`/admin/returns/${ret.id}/receive`, {}, headers)
    if (received) {
      await api.post(`/admin/returns/${ret.id}/receive-items`, { items: [{ id: lineId, quantity: received }] }, headers)
    }
    if (damaged) {
      await api.post(`/admin/returns/${ret.id}/dismiss-items`, { items: [{ id: lineId, quantity: damaged }] }, headers)
    }
    await api.post(`/admin/returns/${ret.id}/receive/confirm`, {}, headers)
    return ret
  }

  it("a return of every delivered unit brings the serials back to stock at the return location, keeping who had them", async () => {
    const order = await deliveredOrder(2)
    const before = await serialsBy(api, headers, `order_id=${order.id}`)
    expect(Object.keys(before).sort()).toEqual(["DR-1", "DR-2"])
    const customerId = before["DR-1"].customer_id
    const warrantyUntil = before["DR-1"].warranty_expires_at
    // The drill's one-year warranty, from delivery.
    expect(new Date(warrantyUntil).toISOString()).toBe(addPeriod(new Date(before["DR-1"].delivered_at), 1, "year").toISOString())

    const ret = await returnItems(order, { received: 2 })
    await eventually(async () => (await serialsBy(api, headers, "status=active"))["DR-2"])
    const back = await serialsBy(api, headers, `variant_id=${drill.id}`)
    for (const text of ["DR-1", "DR-2"]) {
      expect(back[text]).toMatchObject({
        status: "active",
        stock_location_id: store.locationB.id,
        customer_id: null,
        order_id: null,
        warranty_expires_at: null,
      })
    }
    const ledger = (await serialDetail(api, headers, "DR-1")).ledger
    expect(ledger.at(-1)).toMatchObject({
      type: "return_restock",
      from_status: "delivered",
      to_status: "active",
      to_location_id: store.locationB.id,
      reference_type: "return",
      reference_id: ret.id,
      data: expect.objectContaining({
        customer_id: customerId,
        order_id: order.id,
        line_item_id: order.items[0].id,
        warranty_expires_at: expect.stringContaining(warrantyUntil.slice(0, 10)),
      }),
    })
    // The same event again changes nothing.
    const handledAgain = returnHandled()
    await getContainer().resolve(Modules.EVENT_BUS).emit({ name: "order.return_received", data: { order_id: order.id, return_id: ret.id } })
    await handledAgain
    expect((await serialDetail(api, headers, "DR-1")).ledger).toHaveLength(ledger.length)
  })

  it("a damaged unit that is the line's only serial comes back inactive, out of stock", async () => {
    const order = await deliveredOrder(1)
    await returnItems(order, { damaged: 1 })
    await eventually(async () => (await serialsBy(api, headers, "status=inactive"))["DR-1"])
    const dr1 = (await serialsBy(api, headers, `variant_id=${drill.id}`))["DR-1"]
    expect(dr1).toMatchObject({ status: "inactive", stock_location_id: null, order_id: null })
  })

  it("when the return leaves a choice, the admin names the serials; refusals name the problem and change nothing", async () => {
    const order = await deliveredOrder(2)
    const received = returnHandled()
    const ret = await returnItems(order, { received: 1 })
    await received
    // Neither serial moved by itself: either could be the one that came back.
    const still = await serialsBy(api, headers, `order_id=${order.id}`)
    expect(Object.values(still).map((s: any) => s.status)).toEqual(["delivered", "delivered"])

    const bad = await failure(
      api.post(`/admin/returns/${ret.id}/serial-numbers`, { serial_numbers: [{ serial_number: "NOT-SOLD" }] }, headers)
    )
    expect(bad.status).toBe(400)
    expect(bad.message).toContain("NOT-SOLD")

    const res = await api.post(`/admin/returns/${ret.id}/serial-numbers`, { serial_numbers: [{ serial_number: "dr-2" }] }, headers)
    expect(res.data.serial_numbers).toEqual([
      expect.objectContaining({ serial_number: "DR-2", status: "active", stock_location_id: store.locationB.id }),
    ])
    const again = await failure(
      api.post(`/admin/returns/${ret.id}/serial-numbers`, { serial_numbers: [{ serial_number: "DR-1" }] }, headers)
    )
    expect(again.status).toBe(400)
    expect(again.message).toContain("DR-1")
    expect((await serialsBy(api, headers, `variant_id=${drill.id}`))["DR-1"].status).toBe("delivered")

    for (const [body, named] of [
      [{}, "serial_numbers"],
      [{ serial_numbers: [] }, "serial_numbers"],
      [{ serial_numbers: [{ serial_number: "DR-1", restock: "yes" }] }, "restock"],
      [{ serial_numbers: [{ serial_number: "DR-1", colour: 1 }] }, "colour"],
    ] as const) {
      const e = await failure(api.post(`/admin/returns/${ret.id}/serial-numbers`, body, headers), JSON.stringify(body))
      expect({ body, status: e.status }).toEqual({ body, status: 400 })
      expect(e.message).toContain(named)
    }
    expect(await statusOf(api.post(`/admin/returns/ret_nope/serial-numbers`, { serial_numbers: [{ serial_number: "DR-1" }] }, headers))).toBe(404)
    expect(await statusOf(api.post(`/admin/returns/${ret.id}/serial-numbers`, { serial_numbers: [{ serial_number: "DR-1" }] }))).toBe(401)
  })

  it("refuses a selection before the return is received", async () => {
    const order = await deliveredOrder(1)
    const ret = (await api.post("/admin/returns", { order_id: order.id, location_id: store.locationB.id }, headers)).data.return
    const err = await failure(
      api.post(`/admin/returns/${ret.id}/serial-numbers`, { serial_numbers: [{ serial_number: "DR-1" }] }, headers)
    )
    expect(err.status).toBe(400)
    expect(err.message).toContain("receive it in Medusa first")
  })

  it("an exchange delivers a replacement serial linked to the one it replaces", async () => {
    await receiveSerials(api, headers, { location_id: store.locationA.id, variant_id: drill.id, serials: ["DR-3"], received_at: "2026-03-01T00:00:00Z" })
    const order = await deliveredOrder(1)
    const lineId = order.items[0].id
    const exchange = (await api.post("/admin/exchanges", { order_id: order.id }, headers)).data.exchange
    await api.post(
      `/admin/exchanges/${exchange.id}/inbound/items`,
      { location_id: store.locationB.id, items: [{ id: lineId, quantity: 1 }] },
      headers
    )
    await api.post(`/admin/exchanges/${exchange.id}/outbound/items`, { items: [{ variant_id: drill.id, quantity: 1 }] }, headers)
    await api.post(`/admin/exchanges/${exchange.id}/outbound/shipping-method`, { shipping_option_id: store.shippingOption.id }, headers)
    await api.post(`/admin/exchanges/${exchange.id}/request`, {}, headers)
    const { data } = await getContainer().resolve("query").graph({
      entity: "order_exchange",
      fields: ["id", "return_id", "additional_items.item_id"],
      filters: { id: exchange.id },
    })
    const newLine = (data[0] as any).additional_items[0].item_id
    const returnId = (data[0] as any).return_id

    // The replacement goes out first (auto picks DR-2), then the old unit comes back.
    await api
      .post(`/admin/orders/${order.id}/fulfillments`, { location_id: store.locationA.id, items: [{ id: newLine, quantity: 1 }] }, headers)
      .catch((e: any) => {
        throw new Error(`fulfilment refused: ${e.response?.data?.message}`)
      })
    await api.post(`/admin/returns/${returnId}/receive`, {}, headers)
    await api.post(`/admin/returns/${returnId}/receive-items`, { items: [{ id: lineId, quantity: 1 }] }, headers)
    await api.post(`/admin/returns/${returnId}/receive/confirm`, {}, headers)

    const dr1 = await eventually(async () => {
      const all = await serialsBy(api, headers, `variant_id=${drill.id}`)
      return all["DR-2"].replaces_serial_number_id ? all : null
    })
    expect(dr1["DR-2"]).toMatchObject({ status: "delivered", line_item_id: newLine, replaces_serial_number_id: dr1["DR-1"].id })
    expect(dr1["DR-1"]).toMatchObject({ status: "active", stock_location_id: store.locationB.id })
    const ledger = (await serialDetail(api, headers, "DR-2")).ledger
    expect(ledger.at(-1)).toMatchObject({
      type: "replace",
      reference_type: "exchange",
      reference_id: exchange.id,
      data: expect.objectContaining({ replaces_serial_number: "DR-1" }),
    })
  })
  it("a claim replacing a faulty unit: its return comes back first, then the replacement goes out linked to it, with its own warranty", async () => {
    await receiveSerials(api, headers, { location_id: store.locationA.id, variant_id: drill.id, serials: ["DR-3"], received_at: "2026-03-01T00:00:00Z" })
    const order = await deliveredOrder(1)
    const lineId = order.items[0].id
    const claim = (await api.post("/admin/claims", { order_id: order.id, type: "replace" }, headers)).data.claim
    await api.post(
      `/admin/claims/${claim.id}/inbound/items`,
      { location_id: store.locationB.id, items: [{ id: lineId, quantity: 1 }] },
      headers
    )
    await api.post(`/admin/claims/${claim.id}/outbound/items`, { items: [{ variant_id: drill.id, quantity: 1 }] }, headers)
    await api.post(`/admin/claims/${claim.id}/outbound/shipping-method`, { shipping_option_id: store.shippingOption.id }, headers)
    await api.post(`/admin/claims/${claim.id}/request`, {}, headers)
    const { data } = await getContainer().resolve("query").graph({
      entity: "order_claim",
      fields: ["id", "return_id", "additional_items.item_id"],
      filters: { id: claim.id },
    })
    const newLine = (data[0] as any).additional_items[0].item_id
    const returnId = (data[0] as any).return_id
    expect(returnId).toEqual(expect.any(String))

    // The faulty unit (DR-1, auto's first pick) comes back before the replacement goes out.
    const received = returnHandled()
    await api.post(`/admin/returns/${returnId}/receive`, {}, headers)
    await api.post(`/admin/returns/${returnId}/receive-items`, { items: [{ id: lineId, quantity: 1 }] }, headers)
    await api.post(`/admin/returns/${returnId}/receive/confirm`, {}, headers)
    await received
    let all = await serialsBy(api, headers, `variant_id=${drill.id}`)
    expect(all["DR-1"]).toMatchObject({ status: "active", stock_location_id: store.locationB.id, customer_id: null, order_id: null })

    const delivered = TestEventUtils.waitSubscribersExecution("serial_number.delivered", getContainer().resolve(Modules.EVENT_BUS))
    await api
      .post(`/admin/orders/${order.id}/fulfillments`, { location_id: store.locationA.id, items: [{ id: newLine, quantity: 1 }] }, headers)
      .catch((e: any) => {
        throw new Error(`fulfilment refused: ${e.response?.data?.message}`)
      })
    await delivered
    all = await serialsBy(api, headers, `variant_id=${drill.id}`)
    expect(all["DR-2"]).toMatchObject({
      status: "delivered",
      order_id: order.id,
      line_item_id: newLine,
      customer_id: order.customer_id,
      replaces_serial_number_id: all["DR-1"].id,
    })
    // The replacement's warranty runs a year from its own delivery.
    const delivery = new Date(all["DR-2"].delivered_at)
    expect(all["DR-2"].warranty_expires_at).toBe(addPeriod(delivery, 1, "year").toISOString())
    expect((await serialDetail(api, headers, "DR-2")).ledger.at(-1)).toMatchObject({
      type: "replace",
      reference_type: "claim",
      reference_id: claim.id,
      data: expect.objectContaining({ replaces_serial_number: "DR-1" }),
    })
    // The order's serial summary counts the replacement line as covered.
    const summary = (await api.get(`/admin/orders/${order.id}/serial-numbers`, headers)).data.order_serial_numbers
    expect(summary.items.find((i: any) => i.line_item_id === newLine)).toMatchObject({ delivered: 1, missing: 0 })
  })
})
