import { MedusaError } from "@medusajs/framework/utils"
import { confirmStockTakeWorkflow } from "../../src/workflows/confirm-stock-take"
import { adminHeaders } from "../helpers/admin"
import { expectConsistent } from "../helpers/consistency"
import { recordEvents } from "../helpers/events"
import { failure } from "../helpers/http"
import { createOrderWithReservations, createStockedVariant, createStore, receiveSerials, serialDetail, serialsBy, serialState, TestStore } from "../helpers/store"
import { httpSuite } from "../helpers/suite"

jest.setTimeout(180_000)

/**
 * Stock-takes: the serials found at a location compared with the books (preview), then one
 * confirm that transfers, writes off as lost and receives as found, Medusa's stock with it.
 */
httpSuite(__filename, ({ api, getContainer }) => {
  let headers: any
  let store: TestStore
  let kettle: any
  let toaster: any
  let kettleItem: string
  let toasterItem: string

  const preview = (body: any) => api.post("/admin/serial-stock-takes/preview", body, headers)
  const confirm = (body: any) => api.post("/admin/serial-stock-takes", body, headers)
  const levels = async (inventoryItemId: string) => {
    const { data } = await getContainer()
      .resolve("query")
      .graph({ entity: "inventory_level", fields: ["location_id", "stocked_quantity"], filters: { inventory_item_id: inventoryItemId } })
    return Object.fromEntries((data as any[]).map((l) => [l.location_id, Number(l.stocked_quantity)]))
  }
  const where = async (variantId: string) =>
    Object.fromEntries(
      Object.values(await serialsBy(api, headers, `variant_id=${variantId}`)).map((s: any) => [s.serial_number, `${s.status}@${s.stock_location_id ?? "-"}`])
    )

  // Once per file. Kettles: K-1..K-4 at A, K-5 at B, K-6 entered without stock. A toaster
  // T-1 at A, outside a count of kettles only.
  beforeAll(async () => {
    const container = getContainer()
    headers = await adminHeaders(api, container)
    store = await createStore(container)
    ;({ variant: kettle, inventoryItemId: kettleItem } = await createStockedVariant(container, store, { title: "Kettle", sku: "KETTLE" }))
    ;({ variant: toaster, inventoryItemId: toasterItem } = await createStockedVariant(container, store, { title: "Toaster", sku: "TOASTER" }))
    for (const v of [kettle, toaster]) {
      await api.post(`/admin/serial-settings/${v.id}`, { is_serialized: true }, headers)
    }
    await receiveSerials(api, headers, { location_id: store.locationA.id, variant_id: kettle.id, serials: ["K-1", "K-2", "K-3", "K-4"] })
    await receiveSerials(api, headers, { location_id: store.locationB.id, variant_id: kettle.id, serials: ["K-5"] })
    await receiveSerials(api, headers, { location_id: store.locationA.id, variant_id: toaster.id, serials: ["T-1"] })
    await api.post("/admin/serial-numbers", { variant_id: kettle.id, serial_numbers: ["K-6"] }, headers)
  })

  const count = () => ({
    location_id: store.locationA.id,
    variant_ids: [kettle.id],
    serial_numbers: ["K-1", "k-2", "K-5", "K-6", "NEW-1"],
  })

  it("previews a count: found, missing, unexpected (with where the books have them), unknown, and what a confirm would refuse; nothing changes", async () => {
    const before = await serialState(getContainer())
    const res = await preview(count())
    expect(res.status).toBe(200)
    const p = res.data.stock_take_preview
    const a = store.locationA.id
    expect(p.found.map((s: any) => s.serial_number)).toEqual(["K-1", "K-2"])
    expect(p.missing.map((s: any) => [s.serial_number, s.status])).toEqual([
      ["K-3", "active"],
      ["K-4", "active"],
    ])
    expect(p.unexpected.map((s: any) => [s.serial_number, s.status, s.stock_location_id, s.action, s.problem])).toEqual([
      ["K-5", "active", store.locationB.id, "transfer", null],
      ["K-6", "inactive", null, "receive", null],
    ])
    expect(p.unknown).toEqual(["NEW-1"])
    expect(p.problems).toEqual(["NEW-1: no such serial; name its variant in new_serials to receive it as found"])
    expect(p.location_id).toBe(a)
    expect(await serialState(getContainer())).toEqual(before)
    // Without a variant filter the toaster held at A is expected too, and missing.
    const all = (await preview({ ...count(), variant_ids: undefined })).data.stock_take_preview
    expect(all.missing.map((s: any) => s.serial_number)).toEqual(["K-3", "K-4", "T-1"])
  })

  it("undoes a confirmed count a store's own rule refuses at the end: serials, receipt and Medusa's stock as they were", async () => {
    confirmStockTakeWorkflow.hooks.stockTakeConfirmed(async ({ stock_take }) => {
      if (stock_take.note === "refused by the store's rule") {
        throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "The store's rule refuses this count")
      }
    })
    const before = await serialState(getContainer())
    const kettleLevels = await levels(kettleItem)
    const receipts = (await api.get("/admin/serial-receipts", headers)).data.serial_receipts.length
    const refused = await failure(
      confirm({ ...count(), new_serials: [{ serial_number: "NEW-1", variant_id: kettle.id }], note: "refused by the store's rule" })
    )
    expect([refused.status, refused.message]).toEqual([400, "The store's rule refuses this count"])
    expect(await serialState(getContainer())).toEqual(before)
    expect(await levels(kettleItem)).toEqual(kettleLevels)
    expect((await api.get("/admin/serial-receipts", headers)).data.serial_receipts).toHaveLength(receipts)
  })

  it("confirms a count: found elsewhere moves here, missing is written off as lost, found nowhere is received; Medusa's stock follows", async () => {
    const a = store.locationA.id
    const b = store.locationB.id
    expect(await levels(kettleItem)).toEqual({ [a]: 4, [b]: 1 })
    const stop = recordEvents(getContainer(), ["serial_stock_take.confirmed"])

    const res = await confirm({ ...count(), new_serials: [{ serial_number: "NEW-1", variant_id: kettle.id }], note: "Aisle 4" })
    expect(res.status).toBe(201)
    const t = res.data.stock_take
    expect(t).toMatchObject({ id: expect.stringMatching(/^sntk_/), location_id: a, note: "Aisle 4", found_count: 2, created_by: expect.stringMatching(/^user_/) })
    expect(t.transferred.map((s: any) => [s.serial_number, s.from_location_id])).toEqual([["K-5", b]])
    expect(t.lost.map((s: any) => s.serial_number)).toEqual(["K-3", "K-4"])
    expect(t.received).toEqual({ receipt_id: expect.any(String), serial_numbers: ["K-6", "NEW-1"] })

    expect(await where(kettle.id)).toEqual({
      "K-1": `active@${a}`,
      "K-2": `active@${a}`,
      "K-3": "scrapped@-",
      "K-4": "scrapped@-",
      "K-5": `active@${a}`,
      "K-6": `active@${a}`,
      "NEW-1": `active@${a}`,
    })
    // A: 4 - 2 lost + 1 moved in + 2 received; B: 1 - 1 moved out. The toaster is untouched.
    expect(await levels(kettleItem)).toEqual({ [a]: 5, [b]: 0 })
    expect(await levels(toasterItem)).toEqual({ [a]: 1 })
    expect((await serialDetail(api, headers, "K-3")).ledger.at(-1)).toMatchObject({
      type: "scrap",
      from_location_id: a,
      to_status: "scrapped",
      reference_type: "stock_take",
      reference_id: t.id,
      data: expect.objectContaining({ reason: "lost", note: "Aisle 4" }),
    })
    expect((await serialDetail(api, headers, "K-5")).ledger.at(-1)).toMatchObject({ type: "transfer", from_location_id: b, to_location_id: a, reference_id: t.id })
    const receipt = (await api.get(`/admin/serial-receipts/${t.received.receipt_id}`, headers)).data.serial_receipt
    expect(receipt).toMatchObject({ stock_location_id: a, supplier_name: null, notes: `Found in stock-take ${t.id}` })
    expect(stop()).toEqual([
      {
        name: "serial_stock_take.confirmed",
        data: { id: t.id, location_id: a, found: 2, transferred_ids: [t.transferred[0].id], lost_ids: t.lost.map((s: any) => s.id), receipt_id: t.received.receipt_id },
      },
    ])
    await expectConsistent(api, headers)
  })

  it("refuses a count with every problem named (and a preview lists the same), changing nothing", async () => {
    const a = store.locationA.id
    const order = await createOrderWithReservations(getContainer(), store, [{ variant_id: kettle.id, quantity: 1 }])
    await api.post(`/admin/orders/${order.id}/serial-numbers`, { line_item_id: order.items[0].id, serial_numbers: ["K-1"] }, headers)
    await api.post("/admin/serial-numbers/scrap", { serial_numbers: ["K-3"], reason: "Cracked" }, headers)
    const before = await serialState(getContainer())
    const kettleLevels = await levels(kettleItem)
    const body = {
      location_id: a,
      variant_ids: [kettle.id],
      serial_numbers: ["K-2", "K-3", "k-2", "ZZZ-9", "K-5", "K-6"],
      new_serials: [{ serial_number: "K-2", variant_id: kettle.id }],
    }
    const expected = [
      "k-2 is listed twice",
      "K-3 was written off (scrapped); a written-off unit does not come back by a count",
      "K-1 is reserved for an order and was not found: find it, or release it before it can be written off as lost",
      "new_serials: K-2 is not one of the unknown serials scanned",
      "ZZZ-9: no such serial; name its variant in new_serials to receive it as found",
    ]
    expect((await preview(body)).data.stock_take_preview.problems).toEqual(expected)
    const refused = await failure(confirm(body))
    expect([refused.status, refused.message]).toEqual([400, expected.join("; ")])

    const nowhere = await failure(confirm({ location_id: "sloc_nope", serial_numbers: ["K-2"] }))
    expect([nowhere.status, nowhere.message]).toEqual([404, "Stock location not found: sloc_nope"])
    expect((await failure(preview({ location_id: "sloc_nope", serial_numbers: [] }))).status).toBe(404)
    for (const [bad, field] of [
      [{ serial_numbers: ["K-2"] }, "location_id"],
      [{ location_id: a, serial_numbers: [7] }, "serial_numbers"],
      [{ location_id: a, serial_numbers: ["K-2"], new_serials: [{ serial_number: "X" }] }, "variant_id"],
      [{ location_id: a, serial_numbers: ["K-2"], variant_ids: "v" }, "variant_ids"],
      [{ location_id: a, serial_numbers: ["K-2"], extra: 1 }, "extra"],
    ] as const) {
      const res = await failure(confirm(bad))
      expect({ field, status: res.status }).toEqual({ field, status: 400 })
      expect(res.message).toContain(field)
    }
    expect(await serialState(getContainer())).toEqual(before)
    expect(await levels(kettleItem)).toEqual(kettleLevels)
  })

  // Each test starts from the file's fixtures (the runner restores them).
  it("an empty count of a location's kettles writes every kettle there off as lost", async () => {
    const a = store.locationA.id
    const res = await confirm({ location_id: a, variant_ids: [kettle.id], serial_numbers: [] })
    expect(res.status).toBe(201)
    expect(res.data.stock_take.lost.map((s: any) => s.serial_number)).toEqual(["K-1", "K-2", "K-3", "K-4"])
    expect(res.data.stock_take.received).toBeNull()
    expect((await levels(kettleItem))[a]).toBe(0)
    expect(await levels(toasterItem)).toEqual({ [a]: 1 })
    await expectConsistent(api, headers)
  })
})
