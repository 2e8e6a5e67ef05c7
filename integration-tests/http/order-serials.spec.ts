import { TestEventUtils } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { serialOrderFulfillmentCanceled } from "../../src/workflows/hooks/order-fulfillment-canceled"
import { adminHeaders } from "../helpers/admin"
import { failure, statusOf } from "../helpers/http"
import {
  createOrderWithReservations,
  createStockedVariant,
  createStore,
  orderFulfillments,
  receiveSerials,
  serialDetail,
  serialsBy,
  serialState,
  TestStore,
} from "../helpers/store"
import { httpSuite } from "../helpers/suite"
import { expectConsistent } from "../helpers/consistency"

jest.setTimeout(180_000)

/**
 * What happens to serials after a fulfilment (canceled, shipped), when an order is canceled,
 * and through `GET, POST /admin/orders/:id/serial-numbers` (reserve before fulfilment, swap
 * before shipment). Every handler is run twice somewhere to show the second run changes nothing.
 */
httpSuite(__filename, ({ api, getContainer }) => {
  let headers: any
  let store: TestStore
  let drill: any

  const fulfil = (orderId: string, body: Record<string, unknown>) =>
    api.post(`/admin/orders/${orderId}/fulfillments`, body, headers)
  const assign = (orderId: string, body: Record<string, unknown>) =>
    api.post(`/admin/orders/${orderId}/serial-numbers`, body, headers)
  const summary = async (orderId: string) =>
    (await api.get(`/admin/orders/${orderId}/serial-numbers`, headers)).data.order_serial_numbers
  const drills = () => serialsBy(api, headers, `variant_id=${drill.id}`)
  const eventBus = () => getContainer().resolve(Modules.EVENT_BUS)

  // Once per file: the runner snapshots the database after this and restores it before
  // every test, so each test starts from these rows, and the token stays valid.
  beforeAll(async () => {
    const container = getContainer()
    headers = await adminHeaders(api, container)
    store = await createStore(container)
    ;({ variant: drill } = await createStockedVariant(container, store, { title: "Drill", sku: "DRILL" }))
    await api.post(`/admin/serial-settings/${drill.id}`, { is_serialized: true, warranty: { value: 2, unit: "year" } }, headers)
    const a = store.locationA.id
    await receiveSerials(api, headers, { location_id: a, variant_id: drill.id, serials: ["DR-1"], received_at: "2026-01-01T00:00:00.000Z" })
    await receiveSerials(api, headers, { location_id: a, variant_id: drill.id, serials: ["DR-2"], received_at: "2026-02-01T00:00:00.000Z" })
    await receiveSerials(api, headers, { location_id: a, variant_id: drill.id, serials: ["DR-3", "DR-4"], received_at: "2026-03-01T00:00:00.000Z" })
    await receiveSerials(api, headers, { location_id: store.locationB.id, variant_id: drill.id, serials: ["DR-B1"] })
  })

  it("fulfilment canceled: serials back active at the location, assignment and warranty cleared (an override kept); twice changes nothing", async () => {
    const container = getContainer()
    const order = await createOrderWithReservations(container, store, [{ variant_id: drill.id, quantity: 2 }])
    await fulfil(order.id, { location_id: store.locationA.id, items: [{ id: order.items[0].id, quantity: 2 }] })
    const [fulfilment] = await orderFulfillments(api, headers, order.id)
    const dr2 = await serialDetail(api, headers, "DR-2")
    await api.post(`/admin/serial-numbers/${dr2.id}`, { warranty_expires_at: "2030-01-01T00:00:00.000Z" }, headers)

    const res = await api.post(`/admin/orders/${order.id}/fulfillments/${fulfilment.id}/cancel`, {}, headers)
    expect(res.status).toBe(200)
    const all = await drills()
    for (const text of ["DR-1", "DR-2"]) {
      expect(all[text]).toMatchObject({
        status: "active",
        stock_location_id: store.locationA.id,
        customer_id: null,
        order_id: null,
        line_item_id: null,
        fulfillment_id: null,
        delivered_at: null,
      })
    }
    expect(all["DR-1"]).toMatchObject({ warranty_starts_at: null, warranty_expires_at: null })
    expect(all["DR-2"].warranty_expires_at).toBe("2030-01-01T00:00:00.000Z")
    const detail = await serialDetail(api, headers, "DR-1")
    expect(detail.ledger.at(-1)).toMatchObject({
      type: "cancel_fulfillment",
      from_status: "delivered",
      to_status: "active",
      to_location_id: store.locationA.id,
      reference_type: "fulfillment",
      reference_id: fulfilment.id,
    })

    // The handler again, as a repeated delivery would run it: nothing left to move.
    const before = await serialState(container)
    const again = await serialOrderFulfillmentCanceled(
      { fulfillment: { id: fulfilment.id, location_id: store.locationA.id } },
      { container } as any
    )
    expect(again.output).toEqual([])
    expect(await serialState(container)).toEqual(before)

    // Back in stock: a new fulfilment takes them again.
    await fulfil(order.id, { location_id: store.locationA.id, items: [{ id: order.items[0].id, quantity: 2 }] })
    const after = await drills()
    expect([after["DR-1"].status, after["DR-2"].status]).toEqual(["delivered", "delivered"])
  })

  it("shipment: shipped_at on the fulfilment's serials with a ship ledger row; the same event twice changes nothing; a shipped serial cannot be swapped", async () => {
    const container = getContainer()
    const order = await createOrderWithReservations(container, store, [{ variant_id: drill.id, quantity: 2 }])
    const line = order.items[0]
    await fulfil(order.id, { location_id: store.locationA.id, items: [{ id: line.id, quantity: 1 }] })
    await fulfil(order.id, { location_id: store.locationA.id, items: [{ id: line.id, quantity: 1 }] })
    const fulfilments = await orderFulfillments(api, headers, order.id)
    const [shipped, other] = fulfilments

    const handled = TestEventUtils.waitSubscribersExecution("shipment.created", eventBus())
    await api.post(
      `/admin/orders/${order.id}/fulfillments/${shipped.id}/shipments`,
      { items: [{ id: line.id, quantity: 1 }] },
      headers
    )
    await handled
    const [fulfilment] = (await orderFulfillments(api, headers, order.id)).filter((f: any) => f.id === shipped.id)
    const all = await drills()
    const onShipped = Object.values(all).find((s: any) => s.fulfillment_id === shipped.id) as any
    const onOther = Object.values(all).find((s: any) => s.fulfillment_id === other.id) as any
    expect(onShipped).toMatchObject({ status: "delivered", shipped_at: fulfilment.shipped_at })
    expect(onOther).toMatchObject({ status: "delivered", shipped_at: null })
    const detail = await serialDetail(api, headers, onShipped.serial_number)
    expect(detail.ledger.at(-1)).toMatchObject({
      type: "ship",
      from_status: "delivered",
      to_status: "delivered",
      reference_type: "fulfillment",
      reference_id: shipped.id,
    })

    const before = await serialState(container)
    const again = TestEventUtils.waitSubscribersExecution("shipment.created", eventBus())
    await eventBus().emit({ name: "shipment.created", data: { id: shipped.id } })
    await again
    expect(await serialState(container)).toEqual(before)
    expect((await drills())[onShipped.serial_number].shipped_at).toBe(fulfilment.shipped_at)

    const swap = await failure(assign(order.id, { line_item_id: line.id, swap: { from: onShipped.serial_number, to: "DR-4" } }))
    expect(swap.status).toBe(400)
    expect(swap.message).toContain(`${onShipped.serial_number} has been shipped`)
    // The unshipped one can still be swapped.
    await assign(order.id, { line_item_id: line.id, swap: { from: onOther.serial_number, to: "DR-4" } })
    expect((await drills())["DR-4"]).toMatchObject({ status: "delivered", fulfillment_id: other.id })
  })

  it("order canceled: reserved serials released; the same event twice changes nothing; a canceled order takes no reservation", async () => {
    const container = getContainer()
    const order = await createOrderWithReservations(container, store, [{ variant_id: drill.id, quantity: 2 }])
    const line = order.items[0]
    await assign(order.id, { line_item_id: line.id, serial_numbers: ["DR-4", "DR-2"] })
    expect((await drills())["DR-4"]).toMatchObject({ status: "reserved", order_id: order.id, line_item_id: line.id })

    const handled = TestEventUtils.waitSubscribersExecution("order.canceled", eventBus())
    await api.post(`/admin/orders/${order.id}/cancel`, {}, headers)
    await handled
    const all = await drills()
    for (const text of ["DR-4", "DR-2"]) {
      expect(all[text]).toMatchObject({ status: "active", stock_location_id: store.locationA.id, order_id: null, line_item_id: null })
    }
    expect((await serialDetail(api, headers, "DR-4")).ledger.at(-1)).toMatchObject({
      type: "release",
      from_status: "reserved",
      to_status: "active",
      reference_type: "order",
      reference_id: order.id,
    })

    const before = await serialState(container)
    const again = TestEventUtils.waitSubscribersExecution("order.canceled", eventBus())
    await eventBus().emit({ name: "order.canceled", data: { id: order.id } })
    await again
    expect(await serialState(container)).toEqual(before)

    const refused = await failure(assign(order.id, { line_item_id: line.id, serial_numbers: ["DR-1"] }))
    expect(refused.status).toBe(400)
    expect(refused.message).toContain("canceled")
  })

  it("an admin frees reserved serials by hand: the ones named or all; refusals name every serial and change nothing", async () => {
    const container = getContainer()
    const order = await createOrderWithReservations(container, store, [{ variant_id: drill.id, quantity: 3 }])
    const line = order.items[0]
    await assign(order.id, { line_item_id: line.id, serial_numbers: ["DR-1", "DR-2", "DR-3"] })
    const release = (body: any, id = order.id) => api.post(`/admin/orders/${id}/serial-numbers/release`, body, headers)

    // Refused whole: one not reserved for this order, one unknown, one listed twice.
    const before = await serialState(container)
    const refused = await failure(release({ serial_numbers: ["dr-1", "DR-4", "NOPE", "DR-1"] }))
    expect(refused.status).toBe(400)
    expect(refused.message).toBe(
      `DR-1 is listed twice; DR-4 is not reserved for order ${order.id}; NOPE is not reserved for order ${order.id}`
    )
    expect(await serialState(container)).toEqual(before)
    expect((await failure(release({}, "order_nope"))).status).toBe(404)
    expect((await failure(release({ serial_numbers: [] }))).status).toBe(400)

    const one = await release({ serial_numbers: ["dr-2"] })
    expect(one.data.order_serial_numbers.items[0]).toMatchObject({ reserved: 2, missing: 1 })
    expect((await drills())["DR-2"]).toMatchObject({ status: "active", stock_location_id: store.locationA.id, order_id: null, line_item_id: null })
    expect((await serialDetail(api, headers, "DR-2")).ledger.at(-1)).toMatchObject({
      type: "release",
      reference_type: "order",
      reference_id: order.id,
      actor_type: "user",
      data: expect.objectContaining({ reason: "released by an admin" }),
    })

    const rest = await release({})
    expect(rest.data.order_serial_numbers.items[0]).toMatchObject({ reserved: 0, missing: 3 })
    const all = await drills()
    expect([all["DR-1"].status, all["DR-3"].status]).toEqual(["active", "active"])
    // Nothing left to free: an empty release changes nothing.
    const after = await serialState(container)
    await release({})
    expect(await serialState(container)).toEqual(after)
    await expectConsistent(api, headers)
  })

  it("GET shows each line's serials and what is missing; POST reserves, refusing bad input with a 4xx naming it and changing nothing", async () => {
    const container = getContainer()
    const { variant: cable } = await createStockedVariant(container, store, {
      title: "Cable",
      sku: "CABLE",
      stock: { [store.locationA.id]: 10 },
    })
    const { variant: saw } = await createStockedVariant(container, store, { title: "Saw", sku: "SAW" })
    await api.post(`/admin/serial-settings/${saw.id}`, { is_serialized: true }, headers)
    await receiveSerials(api, headers, { location_id: store.locationA.id, variant_id: saw.id, serials: ["SAW-1"] })
    const order = await createOrderWithReservations(container, store, [
      { variant_id: drill.id, quantity: 3 },
      { variant_id: cable.id, quantity: 1 },
    ])
    const [line, cableLine] = order.items

    const initial = await summary(order.id)
    expect(initial.order_id).toBe(order.id)
    expect(initial.items).toEqual([
      expect.objectContaining({ line_item_id: line.id, is_serialized: true, quantity: 3, delivered: 0, reserved: 0, missing: 3, serial_numbers: [] }),
      expect.objectContaining({ line_item_id: cableLine.id, is_serialized: false, missing: 0 }),
    ])

    const res = await assign(order.id, { line_item_id: line.id, serial_numbers: ["dr-3"] })
    expect(res.status).toBe(200)
    const reservedLine = res.data.order_serial_numbers.items.find((i: any) => i.line_item_id === line.id)
    expect(reservedLine).toMatchObject({ reserved: 1, missing: 2 })
    expect(reservedLine.serial_numbers).toEqual([
      expect.objectContaining({ serial_number: "DR-3", status: "reserved", order_id: order.id, line_item_id: line.id, stock_location_id: store.locationA.id }),
    ])

    // DR-1 goes to another order's fulfilment, so it is delivered when named below.
    const other = await createOrderWithReservations(container, store, [{ variant_id: drill.id, quantity: 1 }])
    await fulfil(other.id, { location_id: store.locationA.id, items: [{ id: other.items[0].id, quantity: 1 }] })

    const before = await serialState(container)
    const bad = await failure(assign(order.id, { line_item_id: line.id, serial_numbers: ["NOPE-9", "SAW-1", "DR-1", "DR-3", "DR-2", "dr-2"] }))
    expect(bad.status).toBe(400)
    for (const named of ["NOPE-9 does not exist", "SAW-1 belongs to another variant", "DR-1 is delivered", "DR-3 is already reserved for this line", "DR-2 is given more than once"]) {
      expect(bad.message).toContain(named)
    }
    const tooMany = await failure(assign(order.id, { line_item_id: line.id, serial_numbers: ["DR-2", "DR-4", "DR-B1"] }))
    expect(tooMany.status).toBe(400)
    expect(tooMany.message).toContain("3 more cannot be reserved")
    const unserialized = await failure(assign(order.id, { line_item_id: cableLine.id, serial_numbers: ["DR-2"] }))
    expect(unserialized.status).toBe(400)
    expect(unserialized.message).toContain("not serialized")
    const notInOrder = await failure(assign(order.id, { line_item_id: other.items[0].id, serial_numbers: ["DR-2"] }))
    expect(notInOrder.status).toBe(400)
    expect(notInOrder.message).toContain(other.items[0].id)

    for (const [body, named] of [
      [{ line_item_id: line.id, serial_numbers: "DR-2" }, "serial_numbers"],
      [{ line_item_id: line.id, serial_numbers: [42] }, "42"],
      [{ line_item_id: line.id }, "serial_numbers"],
      [{ line_item_id: line.id, serial_numbers: ["DR-2"], swap: { from: "DR-3", to: "DR-2" } }, "not both"],
      [{ line_item_id: line.id, swap: { from: "DR-3" } }, "to"],
      [{ serial_numbers: ["DR-2"] }, "line_item_id"],
      [{ line_item_id: line.id, serial_numbers: ["DR-2"], colour: "red" }, "colour"],
    ] as const) {
      const err = await failure(assign(order.id, body as any), JSON.stringify(body))
      expect({ body, status: err.status }).toEqual({ body, status: 400 })
      expect(err.message).toContain(named)
    }
    expect(await serialState(container)).toEqual(before)

    expect(await statusOf(api.get(`/admin/orders/order_nope/serial-numbers`, headers))).toBe(404)
    expect(await statusOf(assign("order_nope", { line_item_id: line.id, serial_numbers: ["DR-2"] }))).toBe(404)
    expect(await statusOf(api.get(`/admin/orders/${order.id}/serial-numbers`))).toBe(401)
  })

  it("a line fulfilled with other serials than those reserved releases the reservations it no longer needs", async () => {
    const order = await createOrderWithReservations(getContainer(), store, [{ variant_id: drill.id, quantity: 2 }])
    const line = order.items[0]
    await assign(order.id, { line_item_id: line.id, serial_numbers: ["DR-3", "DR-4"] })
    // Partial: one unit, named; one reservation is still needed for the unit left.
    await fulfil(order.id, {
      location_id: store.locationA.id,
      items: [{ id: line.id, quantity: 1 }],
      additional_data: { serial_numbers: { [line.id]: ["DR-1"] } },
    })
    let all = await drills()
    expect(all["DR-1"]).toMatchObject({ status: "delivered", line_item_id: line.id })
    // DR-3 and DR-4 were received together: DR-3 comes first and stays reserved.
    expect(all["DR-3"]).toMatchObject({ status: "reserved", line_item_id: line.id })
    expect(all["DR-4"]).toMatchObject({ status: "active", order_id: null, line_item_id: null })
    expect((await serialDetail(api, headers, "DR-4")).ledger.at(-1)).toMatchObject({
      type: "release",
      from_status: "reserved",
      to_status: "active",
      reference_type: "fulfillment",
    })

    // The last unit, named too: DR-3's reservation is no longer needed either.
    await fulfil(order.id, {
      location_id: store.locationA.id,
      items: [{ id: line.id, quantity: 1 }],
      additional_data: { serial_numbers: { [line.id]: ["DR-2"] } },
    })
    all = await drills()
    expect(all["DR-2"]).toMatchObject({ status: "delivered", line_item_id: line.id })
    expect(all["DR-3"]).toMatchObject({ status: "active", order_id: null, line_item_id: null })
    expect((await summary(order.id)).items[0]).toMatchObject({ delivered: 2, reserved: 0, missing: 0 })
  })

  it("swaps a serial before shipment, reserved or delivered; the ledger shows both; refusals name the serials", async () => {
    const container = getContainer()
    const order = await createOrderWithReservations(container, store, [{ variant_id: drill.id, quantity: 2 }])
    const line = order.items[0]

    // Reserved: DR-3 swapped for DR-4.
    await assign(order.id, { line_item_id: line.id, serial_numbers: ["DR-3"] })
    const swapped = await assign(order.id, { line_item_id: line.id, swap: { from: "DR-3", to: "dr-4" } })
    expect(swapped.status).toBe(200)
    let all = await drills()
    expect(all["DR-3"]).toMatchObject({ status: "active", order_id: null, line_item_id: null, stock_location_id: store.locationA.id })
    expect(all["DR-4"]).toMatchObject({ status: "reserved", order_id: order.id, line_item_id: line.id })

    // Delivered (not shipped): DR-1 (FIFO) swapped for DR-2.
    await fulfil(order.id, { location_id: store.locationA.id, items: [{ id: line.id, quantity: 2 }] })
    all = await drills()
    expect(all["DR-1"].status).toBe("delivered")
    const was = all["DR-1"]
    await assign(order.id, { line_item_id: line.id, swap: { from: "DR-1", to: "DR-2" } })
    all = await drills()
    expect(all["DR-1"]).toMatchObject({
      status: "active",
      stock_location_id: store.locationA.id,
      customer_id: null,
      order_id: null,
      fulfillment_id: null,
      warranty_expires_at: null,
    })
    expect(all["DR-2"]).toMatchObject({
      status: "delivered",
      stock_location_id: null,
      customer_id: was.customer_id,
      order_id: order.id,
      line_item_id: line.id,
      fulfillment_id: was.fulfillment_id,
      delivered_at: was.delivered_at,
      warranty_starts_at: was.warranty_starts_at,
      warranty_expires_at: was.warranty_expires_at,
    })
    const fromLedger = (await serialDetail(api, headers, "DR-1")).ledger.at(-1)
    const toLedger = (await serialDetail(api, headers, "DR-2")).ledger.at(-1)
    expect(fromLedger).toMatchObject({ type: "cancel_fulfillment", from_status: "delivered", to_status: "active", reference_type: "order", reference_id: order.id })
    expect(toLedger).toMatchObject({ type: "deliver", from_status: "active", to_status: "delivered", reference_type: "order", reference_id: order.id })
    expect(fromLedger.data.swap).toEqual({ from: "DR-1", to: "DR-2" })
    expect(toLedger.data.swap).toEqual({ from: "DR-1", to: "DR-2" })

    const before = await serialState(container)
    for (const [swap, named] of [
      [{ from: "DR-2", to: "DR-B1" }, "DR-B1 is at stock location"],
      [{ from: "DR-2", to: "DR-4" }, "DR-4 is delivered"],
      [{ from: "DR-3", to: "DR-1" }, "DR-3 is not assigned to line"],
      [{ from: "DR-2", to: "NOPE-1" }, "NOPE-1 does not exist"],
      [{ from: "DR-2", to: "dr-2" }, "cannot be swapped for itself"],
    ] as const) {
      const err = await failure(assign(order.id, { line_item_id: line.id, swap }), JSON.stringify(swap))
      expect({ swap, status: err.status }).toEqual({ swap, status: 400 })
      expect(err.message).toContain(named)
    }
    expect(await serialState(container)).toEqual(before)
  })
})
