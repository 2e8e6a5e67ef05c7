import { postSerialReceiptWorkflow } from "../../src/workflows/post-serial-receipt"
import { adminHeaders } from "../helpers/admin"
import { createProductWithVariant } from "../helpers/catalog"
import { createStockLocationsWorkflow } from "@medusajs/core-flows"
import { httpSuite } from "../helpers/suite"

jest.setTimeout(180_000)

httpSuite(__filename, ({ api, getContainer }) => {
  it("undoes every step of a receipt when a later step fails", async () => {
    // A store's handler on the receiptPosted hook refuses receipts it flags. The hook runs
    // after the serials, the inventory levels and the stock adjustment: its failure must
    // leave none of them behind. (Registered once the app has loaded its workflows.)
    postSerialReceiptWorkflow.hooks.receiptPosted(async ({ additional_data }) => {
      if (additional_data?.refuse) {
        throw new Error("refused by the store's own rule")
      }
    })
    const container = getContainer()
    const headers = await adminHeaders(api, container)
    const { result } = await createStockLocationsWorkflow(container).run({ input: { locations: [{ name: "W" }] } })
    const location = result[0]
    const { variant } = await createProductWithVariant(container, { title: "Drill", sku: "DRILL" })
    await api.post(`/admin/serial-settings/${variant.id}`, { is_serialized: true }, headers)
    await api.post("/admin/serial-numbers", { variant_id: variant.id, serial_number: "EARLIER-1" }, headers)

    const { errors } = await postSerialReceiptWorkflow(container).run({
      throwOnError: false,
      input: {
        stock_location_id: location.id,
        supplier: { name: "Untrusted" },
        items: [{ variant_id: variant.id, quantity: 3, serial_numbers: ["EARLIER-1", "NEW-1", "NEW-2"] }],
        additional_data: { refuse: true },
      },
    })
    expect(errors.map((e: any) => e.error?.message)).toEqual(["refused by the store's own rule"])

    const serials = (await api.get(`/admin/serial-numbers?variant_id=${variant.id}`, headers)).data
    expect(serials.serial_numbers.map((s: any) => [s.serial_number, s.status, s.stock_location_id])).toEqual([
      ["EARLIER-1", "inactive", null],
    ])
    const ledger = (await api.get(`/admin/serial-numbers/${serials.serial_numbers[0].id}`, headers)).data.serial_number
      .ledger
    expect(ledger.map((l: any) => l.type)).toEqual(["create"])
    expect((await api.get("/admin/serial-receipts", headers)).data.count).toBe(0)
    const { data: levels } = await container.resolve("query").graph({
      entity: "inventory_level",
      fields: ["stocked_quantity"],
      filters: { location_id: location.id },
    })
    // No stock: the level the receipt created stays, empty (see ensure-inventory-levels).
    expect(levels.map((l: any) => Number(l.stocked_quantity))).toEqual([0])

    // The same receipt without the veto goes through.
    const ok = await postSerialReceiptWorkflow(container).run({
      input: {
        stock_location_id: location.id,
        supplier: { name: "Trusted" },
        items: [{ variant_id: variant.id, quantity: 3, serial_numbers: ["EARLIER-1", "NEW-1", "NEW-2"] }],
      },
    })
    expect(ok.result).toMatchObject({ id: expect.stringMatching(/^snrcpt_/), stock_location_id: location.id })
    const receipts = (await api.get("/admin/serial-receipts", headers)).data
    expect(receipts.serial_receipts.map((r: any) => r.id)).toEqual([ok.result.id])
    expect((await api.get(`/admin/serial-receipts/${ok.result.id}`, headers)).data.serial_receipt).toMatchObject({
      status: "posted",
      stock_location_id: location.id,
      supplier_name: "Trusted",
      serial_counts: { active: 3 },
    })
    const active = (await api.get(`/admin/serial-numbers?variant_id=${variant.id}&status=active&order=serial_number`, headers)).data
    expect(active.count).toBe(3)
    expect(active.serial_numbers.map((s: any) => [s.serial_number, s.stock_location_id, s.receipt_id])).toEqual([
      ["EARLIER-1", location.id, ok.result.id],
      ["NEW-1", location.id, ok.result.id],
      ["NEW-2", location.id, ok.result.id],
    ])
  })
})
