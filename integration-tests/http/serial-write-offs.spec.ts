import { MedusaError } from "@medusajs/framework/utils"
import { scrapSerialsWorkflow } from "../../src/workflows/scrap-serials"
import { adminHeaders } from "../helpers/admin"
import { expectConsistent } from "../helpers/consistency"
import { recordEvents } from "../helpers/events"
import { failure } from "../helpers/http"
import { createOrderWithReservations, createStockedVariant, createStore, receiveSerials, serialDetail, serialsBy, serialState, TestStore } from "../helpers/store"
import { httpSuite } from "../helpers/suite"

jest.setTimeout(180_000)

/**
 * `POST /admin/serial-numbers/scrap`: serials written off, and Medusa's stock lowered by one
 * at the location of each unit that was in stock, so nothing gone stays counted.
 */
httpSuite(__filename, ({ api, getContainer }) => {
  let headers: any
  let store: TestStore
  let lamp: any
  let inventoryItemId: string

  const scrap = (body: any) => api.post("/admin/serial-numbers/scrap", body, headers)
  const levels = async () => {
    const { data } = await getContainer()
      .resolve("query")
      .graph({ entity: "inventory_level", fields: ["location_id", "stocked_quantity"], filters: { inventory_item_id: inventoryItemId } })
    return Object.fromEntries((data as any[]).map((l) => [l.location_id, Number(l.stocked_quantity)]))
  }

  // Once per file: a lamp with a series (so that a count left too high would be refilled
  // with new serials), three units at A, two at B, and one serial not in stock yet.
  beforeAll(async () => {
    const container = getContainer()
    headers = await adminHeaders(api, container)
    store = await createStore(container)
    ;({ variant: lamp, inventoryItemId } = await createStockedVariant(container, store, { title: "Lamp", sku: "LAMP" }))
    const series = (await api.post("/admin/serial-series", { name: "Lamps", pattern: "AUTO-####" }, headers)).data.serial_series
    await api.post(`/admin/serial-settings/${lamp.id}`, { is_serialized: true, series_id: series.id }, headers)
    await receiveSerials(api, headers, { location_id: store.locationA.id, variant_id: lamp.id, serials: ["LA-1", "LA-2", "LA-3"] })
    await receiveSerials(api, headers, { location_id: store.locationB.id, variant_id: lamp.id, serials: ["LB-1", "LB-2"] })
    await api.post("/admin/serial-numbers", { variant_id: lamp.id, serial_numbers: ["L-SPARE"] }, headers)
  })

  it("scraps serials at two locations and one not in stock; Medusa's stock goes down where units were; ledger and events say so", async () => {
    const a = store.locationA.id
    const b = store.locationB.id
    expect(await levels()).toEqual({ [a]: 3, [b]: 2 })
    const stop = recordEvents(getContainer(), ["serial_number.scrapped", "serial_number.status_changed"])

    const res = await scrap({ serial_numbers: ["la-2", " LB-1 ", "L-SPARE"], reason: "Water damage" })
    expect(res.status).toBe(201)
    const w = res.data.serial_write_off
    expect(w).toMatchObject({ id: expect.stringMatching(/^snwo_/), reason: "Water damage", created_by: expect.stringMatching(/^user_/) })
    expect(w.serials.map((s: any) => [s.serial_number, s.from_status, s.from_location_id])).toEqual([
      ["L-SPARE", "inactive", null],
      ["LA-2", "active", a],
      ["LB-1", "active", b],
    ])

    const all = await serialsBy(api, headers, `variant_id=${lamp.id}`)
    expect(Object.values(all).map((s: any) => [s.serial_number, s.status, s.stock_location_id]).sort()).toEqual([
      ["L-SPARE", "scrapped", null],
      ["LA-1", "active", a],
      ["LA-2", "scrapped", null],
      ["LA-3", "active", a],
      ["LB-1", "scrapped", null],
      ["LB-2", "active", b],
    ])
    expect(await levels()).toEqual({ [a]: 2, [b]: 1 })
    expect((await serialDetail(api, headers, "LA-2")).ledger.at(-1)).toMatchObject({
      type: "scrap",
      from_status: "active",
      to_status: "scrapped",
      from_location_id: a,
      to_location_id: null,
      reference_type: "write_off",
      reference_id: w.id,
      actor_type: "user",
      data: expect.objectContaining({ reason: "Water damage" }),
    })
    const ids = w.serials.map((s: any) => s.id)
    expect(stop()).toEqual([
      { name: "serial_number.scrapped", data: { ids, write_off_id: w.id, reason: "Water damage" } },
      { name: "serial_number.status_changed", data: { ids, movement: "scrap", to_status: "scrapped" } },
    ])
    // Nothing refilled the lowered levels from the series, and the books agree.
    expect(Object.keys(await serialsBy(api, headers, `variant_id=${lamp.id}`))).toHaveLength(6)
    await expectConsistent(api, headers)
  })

  it("undoes a write-off a store's own rule refuses after the stock went down: serials and Medusa's stock as they were", async () => {
    scrapSerialsWorkflow.hooks.serialsScrapped(async ({ write_off }) => {
      if (write_off.reason === "refused by the store's rule") {
        throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "The store's rule refuses this write-off")
      }
    })
    const before = await serialState(getContainer())
    const levelsBefore = await levels()
    const refused = await failure(scrap({ serial_numbers: ["LA-1", "LB-2"], reason: "refused by the store's rule" }))
    expect([refused.status, refused.message]).toEqual([400, "The store's rule refuses this write-off"])
    expect(await serialState(getContainer())).toEqual(before)
    expect(await levels()).toEqual(levelsBefore)
    expect((await serialDetail(api, headers, "LA-1")).ledger.map((l: any) => l.type)).toEqual(["receive"])
  })

  it("refuses a write-off with every problem named, and changes nothing", async () => {
    const order = await createOrderWithReservations(getContainer(), store, [{ variant_id: lamp.id, quantity: 1 }])
    await api.post(`/admin/orders/${order.id}/serial-numbers`, { line_item_id: order.items[0].id, serial_numbers: ["LA-3"] }, headers)
    await scrap({ serial_numbers: ["LB-2"], reason: "Dropped" })
    const before = await serialState(getContainer())
    const levelsBefore = await levels()

    const refused = await failure(scrap({ serial_numbers: ["LA-1", "la-1", "NOPE-9", "LA-3", "LB-2"], reason: "Lost" }))
    expect(refused.status).toBe(400)
    expect(refused.message).toBe(
      "la-1 is listed twice; NOPE-9: no such serial; LA-3 is reserved for an order (release it first); LB-2 is already scrapped"
    )
    for (const [body, field] of [
      [{ serial_numbers: [], reason: "Lost" }, "serial_numbers"],
      [{ serial_numbers: [42], reason: "Lost" }, "serial_numbers"],
      [{ serial_numbers: ["LA-1"] }, "reason"],
      [{ serial_numbers: ["LA-1"], reason: "   " }, "reason"],
      [{ serial_numbers: ["LA-1"], reason: "Lost", status: "x" }, "status"],
    ] as const) {
      const bad = await failure(scrap(body))
      expect({ field, status: bad.status }).toEqual({ field, status: 400 })
      expect(bad.message).toContain(field)
    }
    expect(await serialState(getContainer())).toEqual(before)
    expect(await levels()).toEqual(levelsBefore)
    // The serial's own update route still answers next to the action.
    const la1 = (await serialsBy(api, headers, `variant_id=${lamp.id}`))["LA-1"]
    expect((await api.post(`/admin/serial-numbers/${la1.id}`, { notes: "shelf 2" }, headers)).data.serial_number.notes).toBe("shelf 2")
  })

  it("after stock was lowered by hand in Medusa, the admin picks which serials left: written off without lowering it twice, never more than the drift", async () => {
    const a = store.locationA.id
    // Medusa's own admin: 3 lamps at A become 1; the plugin still holds 3 serials there.
    await api.post(`/admin/inventory-items/${inventoryItemId}/location-levels/${a}`, { stocked_quantity: 1 }, headers)
    const drift = async () => (await api.get(`/admin/serial-settings/${lamp.id}`, headers)).data.serial_settings.stock.find((s: any) => s.location_id === a)
    expect(await drift()).toMatchObject({ stocked_quantity: 1, serials_in_stock: 3 })
    const before = await serialState(getContainer())

    const tooMany = await failure(scrap({ serial_numbers: ["LA-1", "LA-2", "LA-3"], reason: "Lost", stock_already_lowered: true }))
    expect([tooMany.status, tooMany.message]).toEqual([
      400,
      `LAMP at ${a}: Medusa still counts 1 and 0 serials would remain; only 2 of the 3 written off are beyond Medusa's count (write the others off with stock lowered)`,
    ])
    expect(await serialState(getContainer())).toEqual(before)

    const res = await scrap({ serial_numbers: ["LA-1", "LA-3"], reason: "Stolen", stock_already_lowered: true })
    expect(res.status).toBe(201)
    expect(await levels()).toEqual({ [a]: 1, [store.locationB.id]: 2 })
    expect(await drift()).toMatchObject({ stocked_quantity: 1, serials_in_stock: 1 })
    expect((await serialDetail(api, headers, "LA-3")).ledger.at(-1).data).toMatchObject({ reason: "Stolen", stock_already_lowered: true })
    await expectConsistent(api, headers)
  })
})
