import { MedusaError } from "@medusajs/framework/utils"
import { cancelReceiptSerialsWorkflow } from "../../src/workflows/cancel-receipt-serials"
import { returnSerialsToSupplierWorkflow } from "../../src/workflows/return-serials-to-supplier"
import { adminHeaders } from "../helpers/admin"
import { expectConsistent } from "../helpers/consistency"
import { recordEvents } from "../helpers/events"
import { failure } from "../helpers/http"
import { createOrderWithReservations, createStockedVariant, createStore, receiveSerials, serialDetail, serialsBy, serialState, TestStore } from "../helpers/store"
import { httpSuite } from "../helpers/suite"

jest.setTimeout(180_000)

/**
 * `POST /admin/serial-receipts/:id/vendor-returns`: chosen serials of a receipt go back to
 * its supplier, out of stock wherever they are now, with Medusa's stock. And
 * `POST /admin/serial-receipts/:id/cancel` with `serial_numbers`: a receipt corrected in
 * part, for units that never arrived.
 */
httpSuite(__filename, ({ api, getContainer }) => {
  let headers: any
  let store: TestStore
  let router: any
  let inventoryItemId: string
  let receipt: any
  let other: any

  const vendorReturn = (receiptId: string, body: any) => api.post(`/admin/serial-receipts/${receiptId}/vendor-returns`, body, headers)
  const levels = async () => {
    const { data } = await getContainer()
      .resolve("query")
      .graph({ entity: "inventory_level", fields: ["location_id", "stocked_quantity"], filters: { inventory_item_id: inventoryItemId } })
    return Object.fromEntries((data as any[]).map((l) => [l.location_id, Number(l.stocked_quantity)]))
  }

  // Once per file: routers RT-1..RT-4 from one receipt at A (RT-4 moved to B since), RT-9
  // from another receipt at A.
  beforeAll(async () => {
    const container = getContainer()
    headers = await adminHeaders(api, container)
    store = await createStore(container)
    ;({ variant: router, inventoryItemId } = await createStockedVariant(container, store, { title: "Router", sku: "ROUTER" }))
    await api.post(`/admin/serial-settings/${router.id}`, { is_serialized: true }, headers)
    receipt = await receiveSerials(api, headers, { location_id: store.locationA.id, variant_id: router.id, serials: ["RT-1", "RT-2", "RT-3", "RT-4"] })
    other = await receiveSerials(api, headers, { location_id: store.locationA.id, variant_id: router.id, serials: ["RT-9"] })
    await api.post("/admin/serial-transfers", { from_location_id: store.locationA.id, to_location_id: store.locationB.id, serial_numbers: ["RT-4"] }, headers)
  })

  it("sends serials back from wherever they are; Medusa's stock goes down there; they can be received again later", async () => {
    const a = store.locationA.id
    const b = store.locationB.id
    expect(await levels()).toEqual({ [a]: 4, [b]: 1 })
    const stop = recordEvents(getContainer(), ["serial_number.returned_to_supplier"])

    const res = await vendorReturn(receipt.id, { serial_numbers: ["rt-4", "RT-1"], reason: "Faulty batch" })
    expect(res.status).toBe(201)
    const r = res.data.vendor_return
    expect(r).toMatchObject({ id: expect.stringMatching(/^snvr_/), receipt_id: receipt.id, supplier_name: "Test supplier", reason: "Faulty batch" })
    expect(r.serials.map((s: any) => [s.serial_number, s.from_location_id])).toEqual([
      ["RT-1", a],
      ["RT-4", b],
    ])
    const all = await serialsBy(api, headers, `variant_id=${router.id}`)
    expect(Object.values(all).map((s: any) => [s.serial_number, s.status, s.stock_location_id, s.receipt_id]).sort()).toEqual([
      ["RT-1", "inactive", null, receipt.id],
      ["RT-2", "active", a, receipt.id],
      ["RT-3", "active", a, receipt.id],
      ["RT-4", "inactive", null, receipt.id],
      ["RT-9", "active", a, other.id],
    ])
    expect(await levels()).toEqual({ [a]: 3, [b]: 0 })
    expect((await serialDetail(api, headers, "RT-4")).ledger.at(-1)).toMatchObject({
      type: "return_to_supplier",
      from_status: "active",
      to_status: "inactive",
      from_location_id: b,
      reference_type: "purchase_receipt",
      reference_id: receipt.id,
      data: expect.objectContaining({ vendor_return_id: r.id, reason: "Faulty batch" }),
    })
    expect(stop()).toEqual([
      { name: "serial_number.returned_to_supplier", data: { ids: r.serials.map((s: any) => s.id), receipt_id: receipt.id, vendor_return_id: r.id } },
    ])
    await expectConsistent(api, headers)

    // The supplier sends RT-1 back repaired: a receipt takes it into stock again.
    await receiveSerials(api, headers, { location_id: a, variant_id: router.id, serials: ["RT-1"] })
    expect((await serialsBy(api, headers, `variant_id=${router.id}`))["RT-1"]).toMatchObject({ status: "active", stock_location_id: a })
    expect(await levels()).toEqual({ [a]: 4, [b]: 0 })
  })

  it("undoes a return a store's own rule refuses after the stock went down", async () => {
    returnSerialsToSupplierWorkflow.hooks.serialsReturnedToSupplier(async ({ vendor_return }) => {
      if (vendor_return.reason === "refused by the store's rule") {
        throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "The store's rule refuses this return")
      }
    })
    const before = await serialState(getContainer())
    const levelsBefore = await levels()
    const refused = await failure(vendorReturn(receipt.id, { serial_numbers: ["RT-2", "RT-4"], reason: "refused by the store's rule" }))
    expect([refused.status, refused.message]).toEqual([400, "The store's rule refuses this return"])
    expect(await serialState(getContainer())).toEqual(before)
    expect(await levels()).toEqual(levelsBefore)
  })

  it("refuses a return with every problem named, and changes nothing", async () => {
    const order = await createOrderWithReservations(getContainer(), store, [{ variant_id: router.id, quantity: 1 }])
    await api.post(`/admin/orders/${order.id}/serial-numbers`, { line_item_id: order.items[0].id, serial_numbers: ["RT-2"] }, headers)
    const before = await serialState(getContainer())
    const levelsBefore = await levels()

    const refused = await failure(vendorReturn(receipt.id, { serial_numbers: ["RT-3", "rt-3", "NOPE-1", "RT-9", "RT-2"] }))
    expect([refused.status, refused.message]).toEqual([
      400,
      "rt-3 is listed twice; NOPE-1: no such serial; RT-9 did not come with this receipt; RT-2 is reserved, not in stock",
    ])
    const nowhere = await failure(vendorReturn("snrcpt_nope", { serial_numbers: ["RT-3"] }))
    expect([nowhere.status, nowhere.message]).toEqual([404, 'Serial receipt with id "snrcpt_nope" was not found'])
    for (const [body, field] of [
      [{ serial_numbers: [] }, "serial_numbers"],
      [{ serial_numbers: ["RT-3"], reason: 5 }, "reason"],
      [{ serial_numbers: ["RT-3"], status: "x" }, "status"],
    ] as const) {
      const bad = await failure(vendorReturn(receipt.id, body))
      expect({ field, status: bad.status }).toEqual({ field, status: 400 })
      expect(bad.message).toContain(field)
    }
    expect(await serialState(getContainer())).toEqual(before)
    expect(await levels()).toEqual(levelsBefore)

    // A canceled receipt has nothing in stock to send back.
    await api.post(`/admin/serial-receipts/${other.id}/cancel`, {}, headers)
    const canceled = await failure(vendorReturn(other.id, { serial_numbers: ["RT-9"] }))
    expect([canceled.status, canceled.message]).toEqual([400, `Receipt ${other.id} is canceled: its serials are out of stock already`])
  })
  it("a partial cancel un-receives units that never arrived: lines and Medusa's stock go down; refusals name every serial; a receipt left empty is canceled", async () => {
    const a = store.locationA.id
    const cancel = (receiptId: string, body: any) => api.post(`/admin/serial-receipts/${receiptId}/cancel`, body, headers)
    const before = await serialState(getContainer())
    const refused = await failure(cancel(receipt.id, { serial_numbers: ["RT-2", "rt-2", "RT-4", "RT-9", "NOPE"] }))
    expect(refused.status).toBe(400)
    expect(refused.message).toBe(
      `rt-2 is listed twice; RT-4 is no longer in stock at the receipt's location (active at ${store.locationB.id}); ` +
        "RT-9 did not come with this receipt; NOPE did not come with this receipt"
    )
    expect(await serialState(getContainer())).toEqual(before)
    expect((await failure(cancel(receipt.id, { serial_numbers: [] }))).status).toBe(400)
    expect((await failure(cancel("snrcpt_nope", { serial_numbers: ["RT-2"] }))).status).toBe(404)

    const res = await cancel(receipt.id, { serial_numbers: ["rt-2"] })
    expect(res.data.serial_receipt).toMatchObject({ id: receipt.id, status: "posted", lines: [expect.objectContaining({ quantity: 3 })] })
    expect((await serialsBy(api, headers, `variant_id=${router.id}`))["RT-2"]).toMatchObject({
      status: "inactive",
      stock_location_id: null,
      receipt_id: null,
      supplier_name: null,
      received_at: null,
    })
    expect(await levels()).toEqual({ [a]: 3, [store.locationB.id]: 1 })
    expect((await serialDetail(api, headers, "RT-2")).ledger.at(-1)).toMatchObject({
      type: "deactivate",
      from_status: "active",
      to_status: "inactive",
      from_location_id: a,
      reference_type: "purchase_receipt",
      reference_id: receipt.id,
      actor_type: "user",
      data: expect.objectContaining({ canceled: true, partial: true }),
    })

    // A store's rule on the hook that throws undoes it all, Medusa's stock included.
    cancelReceiptSerialsWorkflow.hooks.receiptSerialsCanceled(async ({ canceled }) => {
      if (canceled.serials.some((s) => s.serial_number === "RT-3")) {
        throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "The store's rule keeps RT-3")
      }
    })
    const kept = await serialState(getContainer())
    const rule = await failure(cancel(receipt.id, { serial_numbers: ["RT-3"] }))
    expect([rule.status, rule.message]).toEqual([400, "The store's rule keeps RT-3"])
    expect(await serialState(getContainer())).toEqual(kept)
    expect(await levels()).toEqual({ [a]: 3, [store.locationB.id]: 1 })
    expect((await api.get(`/admin/serial-receipts/${receipt.id}`, headers)).data.serial_receipt.lines[0].quantity).toBe(3)

    // RT-9 is all of its receipt: the receipt is canceled with it.
    const emptied = await cancel(other.id, { serial_numbers: ["RT-9"] })
    expect(emptied.data.serial_receipt).toMatchObject({ status: "canceled", lines: [expect.objectContaining({ quantity: 0 })] })
    expect(await levels()).toEqual({ [a]: 2, [store.locationB.id]: 1 })
    expect((await failure(cancel(other.id, { serial_numbers: ["RT-9"] }))).message).toContain("already canceled")
    await expectConsistent(api, headers)
  })
})
