import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { adminHeaders } from "../helpers/admin"
import { eventually } from "../helpers/http"
import { createOrderWithReservations, createStockedVariant, createStore, receiveSerials, TestStore } from "../helpers/store"
import { httpSuite } from "../helpers/suite"
import { notifySerialsDeliveredWorkflow } from "../../src/workflows/notify-serials-delivered"

jest.setTimeout(120_000)

const TEMPLATE = "serial-serials-delivered"

/**
 * The buyer's notice of delivered serials, sent through Medusa's notification module (its
 * local provider on the "email" channel, root medusa-config.ts) when a fulfilment
 * delivers serials: once per fulfilment, with each line's serials and warranty end.
 */
httpSuite(__filename, ({ api, getContainer }) => {
  let headers: any
  let store: TestStore
  let drill: any
  let saw: any

  beforeAll(async () => {
    const container = getContainer()
    headers = await adminHeaders(api, container)
    store = await createStore(container)
    ;({ variant: drill } = await createStockedVariant(container, store, { title: "Drill", sku: "NOTICE-DRILL" }))
    ;({ variant: saw } = await createStockedVariant(container, store, { title: "Saw", sku: "NOTICE-SAW" }))
    await api.post(
      `/admin/serial-settings/${drill.id}`,
      { is_serialized: true, fulfillment_policy: "auto", warranty: { value: 24, unit: "month" } },
      headers
    )
    await api.post(`/admin/serial-settings/${saw.id}`, { is_serialized: true, fulfillment_policy: "auto" }, headers)
    await receiveSerials(api, headers, { location_id: store.locationA.id, variant_id: drill.id, serials: ["ND-1", "ND-2", "ND-3"] })
    await receiveSerials(api, headers, { location_id: store.locationA.id, variant_id: saw.id, serials: ["NS-1"] })
  })

  const notices = async () => {
    const module: any = getContainer().resolve(Modules.NOTIFICATION)
    return await module.listNotifications({ template: TEMPLATE }, { order: { created_at: "ASC" } })
  }

  it("sends the buyer one notice per fulfilment, with each line's serials and warranty end, however often the event comes", async () => {
    const container = getContainer()
    const order = await createOrderWithReservations(container, store, [
      { variant_id: drill.id, quantity: 2 },
      { variant_id: saw.id, quantity: 1 },
    ])
    const [drillLine, sawLine] = order.items
    const before = Date.now()
    await api.post(
      `/admin/orders/${order.id}/fulfillments`,
      {
        location_id: store.locationA.id,
        items: [
          { id: drillLine.id, quantity: 2 },
          { id: sawLine.id, quantity: 1 },
        ],
      },
      headers
    )
    const [notice] = await eventually(async () => {
      const sent = await notices()
      return sent.length ? sent : null
    })
    const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
      entity: "order",
      fields: ["id", "display_id", "fulfillments.id"],
      filters: { id: order.id },
    })
    const placed = data[0] as any
    expect(notice).toMatchObject({
      to: "shopper@serials.test",
      channel: "email",
      template: TEMPLATE,
      trigger_type: "serial_number.delivered",
      resource_type: "fulfillment",
      resource_id: placed.fulfillments[0].id,
      receiver_id: order.customer_id,
    })
    const { data: payload } = notice
    expect(payload.order).toEqual({ id: order.id, display_id: placed.display_id, email: "shopper@serials.test", customer_id: order.customer_id })
    const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1)
    expect(
      payload.items.map((i: any) => ({ id: i.id, quantity: i.quantity, serials: i.serials.map((s: any) => s.serial_number) })).sort(byId)
    ).toEqual(
      [
        { id: drillLine.id, quantity: 2, serials: ["ND-1", "ND-2"] },
        { id: sawLine.id, quantity: 1, serials: ["NS-1"] },
      ].sort(byId)
    )
    // The drill carries its 24-month warranty from the delivery; the saw has none.
    const byLine = Object.fromEntries(payload.items.map((i: any) => [i.id, i]))
    for (const s of byLine[drillLine.id].serials) {
      const ends = new Date(s.warranty_expires_at)
      const expected = new Date(before)
      expected.setUTCMonth(expected.getUTCMonth() + 24)
      expect(Math.abs(ends.getTime() - expected.getTime())).toBeLessThan(2 * 86_400_000)
    }
    expect(byLine[sawLine.id].serials[0].warranty_expires_at).toBeNull()

    // The same event again (a redelivery): nothing taken, nothing sent twice.
    const { result } = await notifySerialsDeliveredWorkflow(container).run({
      input: { fulfillment_id: placed.fulfillments[0].id, order_id: order.id },
    })
    expect(result.notice).toEqual({ taken: false })
    expect(await notices()).toHaveLength(1)
    const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
    const { rows } = await knex.raw(`SELECT status FROM serial_notification WHERE kind = 'serials_delivered'`)
    expect(rows).toEqual([{ status: "sent" }])
  })

  it("sends no notice for a fulfilment of unserialized goods", async () => {
    const container = getContainer()
    const { variant: plain } = await createStockedVariant(container, store, {
      title: "Gloves",
      sku: "NOTICE-GLOVES",
      stock: { [store.locationA.id]: 5 },
    })
    const order = await createOrderWithReservations(container, store, [{ variant_id: plain.id, quantity: 1 }])
    await api.post(
      `/admin/orders/${order.id}/fulfillments`,
      { location_id: store.locationA.id, items: [{ id: order.items[0].id, quantity: 1 }] },
      headers
    )
    // A serialized order afterwards: its notice arriving shows the event queue has drained
    // past the first fulfilment.
    const marker = await createOrderWithReservations(container, store, [{ variant_id: drill.id, quantity: 1 }])
    await api.post(
      `/admin/orders/${marker.id}/fulfillments`,
      { location_id: store.locationA.id, items: [{ id: marker.items[0].id, quantity: 1 }] },
      headers
    )
    const sent = await eventually(async () => {
      const all = await notices()
      return all.some((n: any) => n.data.order.id === marker.id) ? all : null
    })
    expect(sent.filter((n: any) => n.data.order.id === order.id)).toEqual([])
  })
})
