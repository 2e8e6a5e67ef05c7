import { TestEventUtils } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { adminHeaders } from "../helpers/admin"
import { eventually, failure } from "../helpers/http"
import { createDrillStore, createOrderWithReservations, serialsBy, TestStore } from "../helpers/store"
import { httpSuite } from "../helpers/suite"

jest.setTimeout(240_000)

/**
 * Deciding warranty claims (POST /admin/warranty-claims/:id/decision): approve, reject,
 * repair with its cost, and replace / return, which open Medusa's own exchange / return on
 * the order the serial was sold in.
 */
httpSuite(__filename, ({ api, getContainer }) => {
  let headers: any
  let store: TestStore
  let drill: any

  // Once per file: the runner snapshots the database after this and restores it before
  // every test.
  beforeAll(async () => {
    const container = getContainer()
    headers = await adminHeaders(api, container)
    ;({ store, drill } = await createDrillStore(api, headers, container))
  })

  const serialId = async (text: string) => (await serialsBy(api, headers, `variant_id=${drill.id}`))[text].id
  const fileClaim = async (text: string) =>
    (await api.post("/admin/warranty-claims", { serial_number_id: await serialId(text), description: "Motor stalls" }, headers)).data
      .warranty_claim
  const decide = (id: string, body: Record<string, unknown>) =>
    api.post(`/admin/warranty-claims/${id}/decision`, body, headers).then((r: any) => r.data.warranty_claim)

  /** Drills ordered on one line and fulfilled from A (the first-in pick takes DR-1, then DR-2). */
  async function deliveredDrill(quantity = 1) {
    const order = await createOrderWithReservations(getContainer(), store, [{ variant_id: drill.id, quantity }])
    await api.post(`/admin/orders/${order.id}/fulfillments`, { location_id: store.locationA.id, items: [{ id: order.items[0].id, quantity }] }, headers)
    return order
  }

  const userId = async () => (await api.get("/admin/users/me", headers)).data.user.id

  it("approves a claim, then records its repair with cost and currency, and closes it", async () => {
    const claim = await fileClaim("DR-2")
    const asked = Date.now()
    const approved = await decide(claim.id, { decision: "approve" })
    expect(approved).toMatchObject({ status: "in_progress", decision: "approve", closed_at: null, decided_by: await userId() })
    // Stamped by the server when it took the decision.
    const decidedAt = Date.parse(approved.decided_at)
    expect(decidedAt).toBeGreaterThanOrEqual(asked - 1000)
    expect(decidedAt).toBeLessThanOrEqual(Date.now())

    const repaired = await decide(claim.id, { decision: "repair", repair_cost: 45.5, currency_code: "EUR", resolution: "New brushes" })
    expect(repaired).toMatchObject({
      status: "resolved",
      decision: "repair",
      repair_cost: 45.5,
      currency_code: "eur",
      resolution: "New brushes",
      order_id: null,
      return_id: null,
      exchange_id: null,
    })
    expect(Date.parse(repaired.closed_at)).toBeGreaterThanOrEqual(decidedAt)
    expect(Date.parse(repaired.closed_at)).toBeLessThanOrEqual(Date.now())

    const again = await failure(api.post(`/admin/warranty-claims/${claim.id}/decision`, { decision: "reject" }, headers))
    expect(again.status).toBe(400)
    expect(again.message).toBe(`Warranty claim ${claim.id} is resolved: a reject decision is taken on open or in_progress claims`)
  })

  it("rejects an open claim; approval is only for open claims", async () => {
    const claim = await fileClaim("DR-2")
    expect(await decide(claim.id, { decision: "reject", resolution: "Dropped in water" })).toMatchObject({
      status: "rejected",
      decision: "reject",
      resolution: "Dropped in water",
    })
    const approve = await failure(api.post(`/admin/warranty-claims/${claim.id}/decision`, { decision: "approve" }, headers))
    expect(approve.status).toBe(400)
    expect(approve.message).toContain("a approve decision is taken on open claims")
  })

  it("refuses a malformed decision with a message naming the value, and changes nothing", async () => {
    const claim = await fileClaim("DR-2")
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ decision: "refund" }, "Field 'decision' must be one of approve, reject, repair, replace, return, got: 'refund'"],
      [{ decision: "repair" }, "Field 'repair_cost' is required for a repair decision"],
      [{ decision: "repair", repair_cost: 10 }, "Field 'currency_code' is required with 'repair_cost'"],
      [{ decision: "repair", repair_cost: -1, currency_code: "eur" }, "Field 'repair_cost' must be a number from 0 to 1000000000000, got: '-1'"],
      [{ decision: "repair", repair_cost: "12", currency_code: "eur" }, "got: '12'"],
      [{ decision: "repair", repair_cost: 12, currency_code: "euro" }, "Field 'currency_code' must be a three-letter ISO 4217 code, got: 'euro'"],
      [{ decision: "repair", repair_cost: 12, currency_code: "xqq" }, "Field 'currency_code' names no currency Medusa knows, got: 'xqq'"],
      [{ decision: "reject", repair_cost: 12, currency_code: "eur" }, "belong to a repair decision, not to 'reject'"],
      [{ decision: "return" }, "Field 'location_id' is required for a return decision"],
      [{ decision: "approve", location_id: store.locationA.id }, "Field 'location_id' belongs to a replace or return decision, not to 'approve'"],
      [{ decision: "approve", colour: "red" }, "colour"],
    ]
    for (const [body, message] of cases) {
      const err = await failure(api.post(`/admin/warranty-claims/${claim.id}/decision`, body, headers), JSON.stringify(body))
      expect([JSON.stringify(body), err.status]).toEqual([JSON.stringify(body), 400])
      expect(err.message).toContain(message)
    }
    const missing = await failure(api.post("/admin/warranty-claims/snclm_missing/decision", { decision: "approve" }, headers))
    expect(missing.status).toBe(404)
    const unchanged = (await api.get(`/admin/warranty-claims/${claim.id}`, headers)).data.warranty_claim
    expect(unchanged).toMatchObject({ status: "open", decision: null, decided_at: null, repair_cost: null, currency_code: null })
  })

  it("refuses to replace or return a serial that was never sold, and opens nothing", async () => {
    const claim = await fileClaim("DR-2")
    for (const decision of ["replace", "return"]) {
      const err = await failure(
        api.post(`/admin/warranty-claims/${claim.id}/decision`, { decision, location_id: store.locationB.id }, headers)
      )
      expect(err.status).toBe(400)
      expect(err.message).toContain(`Serial DR-2 is active, not delivered on an order: a ${decision} decision opens a Medusa`)
    }
    const unknownLocation = await failure(
      api.post(`/admin/warranty-claims/${claim.id}/decision`, { decision: "approve" }, headers).then(() =>
        api.post(`/admin/warranty-claims/${claim.id}/decision`, { decision: "return", location_id: "sloc_missing" }, headers)
      )
    )
    expect(unknownLocation.status).toBe(400)
    expect((await api.get(`/admin/warranty-claims/${claim.id}`, headers)).data.warranty_claim).toMatchObject({
      status: "in_progress",
      return_id: null,
    })
  })

  it("a return decision opens a requested Medusa return of the unit, and receiving it brings the serial back", async () => {
    const order = await deliveredDrill()
    const claim = await fileClaim("DR-1")
    const decided = await decide(claim.id, { decision: "return", location_id: store.locationB.id, resolution: "Refund" })
    expect(decided).toMatchObject({ status: "resolved", decision: "return", order_id: order.id, exchange_id: null })
    expect(decided.return_id).toMatch(/^return_/)

    const ret = (await api.get(`/admin/returns/${decided.return_id}?fields=id,status,order_id,location_id,*items`, headers)).data.return
    expect(ret).toMatchObject({ status: "requested", order_id: order.id, location_id: store.locationB.id })
    expect(ret.items.map((i: any) => [i.item_id, i.quantity])).toEqual([[order.items[0].id, 1]])

    // The rest is Medusa's own return flow; the plugin's hook takes the serial back.
    const eventBus: any = getContainer().resolve(Modules.EVENT_BUS)
    const handled = TestEventUtils.waitSubscribersExecution("order.return_received", eventBus)
    await api.post(`/admin/returns/${ret.id}/receive`, {}, headers)
    await api.post(`/admin/returns/${ret.id}/receive-items`, { items: [{ id: order.items[0].id, quantity: 1 }] }, headers)
    await api.post(`/admin/returns/${ret.id}/receive/confirm`, {}, headers)
    await handled
    const back = await eventually(async () => {
      const s = (await serialsBy(api, headers, `variant_id=${drill.id}`))["DR-1"]
      return s.status === "active" ? s : null
    })
    expect(back).toMatchObject({ stock_location_id: store.locationB.id, order_id: null, customer_id: null })
  })

  it("receiving a claim's return of one unit of a line of two brings back the claimed serial, without asking which", async () => {
    const order = await deliveredDrill(2)
    const claim = await fileClaim("DR-2")
    const { return_id } = await decide(claim.id, { decision: "return", location_id: store.locationB.id })
    const eventBus: any = getContainer().resolve(Modules.EVENT_BUS)
    const handled = TestEventUtils.waitSubscribersExecution("order.return_received", eventBus)
    await api.post(`/admin/returns/${return_id}/receive`, {}, headers)
    await api.post(`/admin/returns/${return_id}/receive-items`, { items: [{ id: order.items[0].id, quantity: 1 }] }, headers)
    await api.post(`/admin/returns/${return_id}/receive/confirm`, {}, headers)
    await handled
    const after = await eventually(async () => {
      const all = await serialsBy(api, headers, `variant_id=${drill.id}`)
      return all["DR-2"].status === "active" ? all : null
    })
    expect(after["DR-2"]).toMatchObject({ stock_location_id: store.locationB.id, order_id: null })
    expect(after["DR-1"]).toMatchObject({ status: "delivered", order_id: order.id })
    const back = (await api.get(`/admin/returns/${return_id}/serial-numbers`, headers)).data.serial_numbers
    expect(back.map((s: any) => s.serial_number)).toEqual(["DR-2"])
  })

  it("a replace decision opens a Medusa exchange: the unit back, one of the same variant out at the price it was sold for", async () => {
    const order = await deliveredDrill()
    const claim = await fileClaim("DR-1")
    const decided = await decide(claim.id, { decision: "replace", location_id: store.locationB.id })
    expect(decided).toMatchObject({ status: "resolved", decision: "replace", order_id: order.id })
    expect(decided.exchange_id).toMatch(/^oexc_/)
    expect(decided.return_id).toMatch(/^return_/)

    const { data } = await getContainer().resolve("query").graph({
      entity: "order_exchange",
      fields: ["id", "order_id", "return_id", "difference_due", "additional_items.item.variant_id", "additional_items.item.unit_price", "additional_items.quantity"],
      filters: { id: decided.exchange_id },
    })
    const exchange = data[0] as any
    expect(exchange).toMatchObject({ order_id: order.id, return_id: decided.return_id })
    expect(exchange.additional_items.map((a: any) => [a.item.variant_id, Number(a.quantity), Number(a.item.unit_price)])).toEqual([
      [drill.id, 1, Number((order.items[0] as any).unit_price)],
    ])
    expect(Number(exchange.difference_due)).toBe(0)
    const ret = (await api.get(`/admin/returns/${decided.return_id}?fields=id,status,*items`, headers)).data.return
    expect(ret.status).toBe("requested")
    expect(ret.items.map((i: any) => [i.item_id, i.quantity])).toEqual([[order.items[0].id, 1]])
  })

  it("two decisions at once: one wins, the other is refused and what it opened in Medusa is undone", async () => {
    const order = await deliveredDrill()
    const claim = await fileClaim("DR-1")
    const results = await Promise.allSettled([
      decide(claim.id, { decision: "return", location_id: store.locationB.id }),
      decide(claim.id, { decision: "return", location_id: store.locationB.id }),
    ])
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"])
    const won = (results.find((r) => r.status === "fulfilled") as PromiseFulfilledResult<any>).value
    const { data } = await getContainer().resolve("query").graph({
      entity: "return",
      fields: ["id", "status", "canceled_at"],
      filters: { order_id: order.id },
    })
    const open = (data as any[]).filter((r) => r.status !== "canceled" && !r.canceled_at)
    expect(open.map((r) => r.id)).toEqual([won.return_id])
  })
})
