import { MedusaError } from "@medusajs/framework/utils"
import { transferSerialsWorkflow } from "../../src/workflows/transfer-serials"
import { adminHeaders } from "../helpers/admin"
import { expectConsistent } from "../helpers/consistency"
import { recordEvents } from "../helpers/events"
import { failure } from "../helpers/http"
import { createOrderWithReservations, createStockedVariant, createStore, receiveSerials, serialDetail, serialsBy, serialState, TestStore } from "../helpers/store"
import { httpSuite } from "../helpers/suite"

jest.setTimeout(180_000)

/**
 * `POST /admin/serial-transfers`: serials in stock at one location move to another with
 * Medusa's stock, which follows them (a level created at a destination that had none), so
 * the destination's series does not issue new serials for units that have one.
 */
httpSuite(__filename, ({ api, getContainer }) => {
  let headers: any
  let store: TestStore
  let drill: any
  let inventoryItemId: string

  const transfer = (body: any) => api.post("/admin/serial-transfers", body, headers)
  const levels = async () => {
    const { data } = await getContainer()
      .resolve("query")
      .graph({ entity: "inventory_level", fields: ["location_id", "stocked_quantity"], filters: { inventory_item_id: inventoryItemId } })
    return Object.fromEntries((data as any[]).map((l) => [l.location_id, Number(l.stocked_quantity)]))
  }

  // Once per file: a drill with a series (so that stock raised without serials would be
  // filled from it), five serials in stock at A, none at B, where the drill has no level.
  beforeAll(async () => {
    const container = getContainer()
    headers = await adminHeaders(api, container)
    store = await createStore(container)
    ;({ variant: drill, inventoryItemId } = await createStockedVariant(container, store, { title: "Drill", sku: "DRILL" }))
    const series = (await api.post("/admin/serial-series", { name: "Drills", pattern: "AUTO-####" }, headers)).data.serial_series
    await api.post(`/admin/serial-settings/${drill.id}`, { is_serialized: true, series_id: series.id }, headers)
    await receiveSerials(api, headers, { location_id: store.locationA.id, variant_id: drill.id, serials: ["DR-1", "DR-2", "DR-3", "DR-4", "DR-5"] })
  })

  it("moves serials and Medusa's stock together; the destination's series issues nothing; the ledger and an event say so", async () => {
    const a = store.locationA.id
    const b = store.locationB.id
    expect(await levels()).toEqual({ [a]: 5 })
    const stop = recordEvents(getContainer(), ["serial_number.transferred"])

    const res = await transfer({ from_location_id: a, to_location_id: b, serial_numbers: ["dr-2", " DR-4 "], note: "Shop restock" })
    expect(res.status).toBe(201)
    const t = res.data.serial_transfer
    expect(t).toMatchObject({ from_location_id: a, to_location_id: b, note: "Shop restock", created_by: expect.stringMatching(/^user_/) })
    expect(t.serials.map((s: any) => s.serial_number).sort()).toEqual(["DR-2", "DR-4"])

    const all = await serialsBy(api, headers, `variant_id=${drill.id}`)
    expect(Object.keys(all).sort()).toEqual(["DR-1", "DR-2", "DR-3", "DR-4", "DR-5"])
    expect(Object.values(all).map((s: any) => [s.serial_number, s.status, s.stock_location_id]).sort()).toEqual([
      ["DR-1", "active", a],
      ["DR-2", "active", b],
      ["DR-3", "active", a],
      ["DR-4", "active", b],
      ["DR-5", "active", a],
    ])
    expect(await levels()).toEqual({ [a]: 3, [b]: 2 })
    expect((await serialDetail(api, headers, "DR-2")).ledger.at(-1)).toMatchObject({
      type: "transfer",
      from_status: "active",
      to_status: "active",
      from_location_id: a,
      to_location_id: b,
      reference_type: "transfer",
      reference_id: t.id,
      actor_type: "user",
    })
    expect(stop()).toEqual([
      {
        name: "serial_number.transferred",
        data: { ids: expect.arrayContaining(t.serials.map((s: any) => s.id)), transfer_id: t.id, from_location_id: a, to_location_id: b },
      },
    ])
    const read = await api.get(`/admin/serial-transfers/${t.id}`, headers)
    expect(read.data.serial_transfer).toEqual({ ...t, serials: [...t.serials].sort((x: any, y: any) => x.serial_number.localeCompare(y.serial_number)) })
    await expectConsistent(api, headers)
  })

  it("undoes a transfer a store's own rule refuses after the stock moved: serials and Medusa's stock back where they were", async () => {
    // The store's rule on the workflow's hook (registered once the app has loaded it).
    transferSerialsWorkflow.hooks.serialsTransferred(async ({ transfer }) => {
      if (transfer.note === "refused by the store's rule") {
        throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "The store's rule refuses this transfer")
      }
    })
    const before = await serialState(getContainer())
    const levelsBefore = await levels()
    const refused = await failure(
      transfer({ from_location_id: store.locationA.id, to_location_id: store.locationB.id, serial_numbers: ["DR-1", "DR-2"], note: "refused by the store's rule" })
    )
    expect([refused.status, refused.message]).toEqual([400, "The store's rule refuses this transfer"])
    expect(await serialState(getContainer())).toEqual(before)
    // The destination's level, created for the transfer, stays at 0 (see ensureInventoryLevelsStep).
    expect(await levels()).toEqual({ ...levelsBefore, [store.locationB.id]: 0 })
    const dr1 = await serialDetail(api, headers, "DR-1")
    expect(dr1.ledger.map((l: any) => l.type)).toEqual(["receive"])
  })

  it("refuses a transfer with every problem named, and changes nothing", async () => {
    const a = store.locationA.id
    const b = store.locationB.id
    const order = await createOrderWithReservations(getContainer(), store, [{ variant_id: drill.id, quantity: 1 }])
    await api.post(`/admin/orders/${order.id}/serial-numbers`, { line_item_id: order.items[0].id, serial_numbers: ["DR-5"] }, headers)
    await transfer({ from_location_id: a, to_location_id: b, serial_numbers: ["DR-3"] })
    const before = await serialState(getContainer())
    const levelsBefore = await levels()

    const refused = await failure(
      transfer({ from_location_id: a, to_location_id: b, serial_numbers: ["DR-1", "dr-1", "NOPE-9", "DR-5", "DR-3"] })
    )
    expect(refused.status).toBe(400)
    expect(refused.message).toBe(
      `dr-1 is listed twice; NOPE-9: no such serial; DR-5 is reserved, not in stock; DR-3 is in stock at ${b}, not at ${a}`
    )
    const same = await failure(transfer({ from_location_id: a, to_location_id: a, serial_numbers: ["DR-1"] }))
    expect(same.status).toBe(400)
    expect(same.message).toBe(`from_location_id and to_location_id are the same location (${a})`)
    const nowhere = await failure(transfer({ from_location_id: a, to_location_id: "sloc_nope", serial_numbers: ["DR-1"] }))
    expect([nowhere.status, nowhere.message]).toEqual([404, "Stock location not found: sloc_nope"])
    for (const [body, field] of [
      [{ from_location_id: a, to_location_id: b, serial_numbers: [] }, "serial_numbers"],
      [{ from_location_id: a, to_location_id: b, serial_numbers: [42] }, "serial_numbers"],
      [{ to_location_id: b, serial_numbers: ["DR-1"] }, "from_location_id"],
      [{ from_location_id: a, to_location_id: b, serial_numbers: ["DR-1"], status: "x" }, "status"],
    ] as const) {
      const bad = await failure(transfer(body))
      expect({ field, status: bad.status }).toEqual({ field, status: 400 })
      expect(bad.message).toContain(field)
    }
    expect(await serialState(getContainer())).toEqual(before)
    expect(await levels()).toEqual(levelsBefore)
    expect((await failure(api.get("/admin/serial-transfers/sntrf_nope", headers))).status).toBe(404)
  })

  it("lists transfers newest first, a cursor page at a time, filtered by location", async () => {
    const a = store.locationA.id
    const b = store.locationB.id
    const ids: string[] = []
    for (const [from, to, serials] of [
      [a, b, ["DR-1"]],
      [a, b, ["DR-2", "DR-3"]],
      [b, a, ["DR-1"]],
    ] as const) {
      ids.push((await transfer({ from_location_id: from, to_location_id: to, serial_numbers: serials, note: `to ${to}` })).data.serial_transfer.id)
    }
    const first = (await api.get("/admin/serial-transfers?limit=2", headers)).data
    expect(first.serial_transfers.map((t: any) => [t.id, t.from_location_id, t.to_location_id, t.serial_count, t.note])).toEqual([
      [ids[2], b, a, 1, `to ${a}`],
      [ids[1], a, b, 2, `to ${b}`],
    ])
    expect(first.next_cursor).toBe(ids[1])
    expect(first).not.toHaveProperty("count")
    const second = (await api.get(`/admin/serial-transfers?limit=2&after=${first.next_cursor}`, headers)).data
    expect([second.serial_transfers.map((t: any) => t.id), second.next_cursor]).toEqual([[ids[0]], null])
    expect(second.serial_transfers[0]).toMatchObject({ serial_count: 1, created_by: expect.stringMatching(/^user_/) })
    // Every transfer touches A and B here; a location with none lists none.
    expect((await api.get(`/admin/serial-transfers?location_id=${a}`, headers)).data.serial_transfers).toHaveLength(3)
    expect((await api.get("/admin/serial-transfers?location_id=sloc_other", headers)).data.serial_transfers).toEqual([])
    for (const [query, field] of [
      ["limit=0", "limit"],
      ["limit=abc", "limit"],
      ["order=id", "order"],
    ]) {
      const bad = await failure(api.get(`/admin/serial-transfers?${query}`, headers))
      expect({ query, status: bad.status }).toEqual({ query, status: 400 })
      expect(bad.message).toContain(field)
    }
  })
})
