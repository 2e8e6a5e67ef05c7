import { createInventoryLevelsWorkflow, createStockLocationsWorkflow } from "@medusajs/core-flows"
import { parse } from "csv-parse/sync"
import { adminHeaders } from "../helpers/admin"
import { createProductWithVariant } from "../helpers/catalog"
import { failure } from "../helpers/http"
import { httpSuite } from "../helpers/suite"

jest.setTimeout(180_000)

const COLUMNS = [
  "serial_number",
  "sku",
  "variant_id",
  "status",
  "location",
  "supplier",
  "supplier_reference",
  "unit_cost",
  "received_at",
  "delivered_at",
  "warranty_starts_at",
  "warranty_expires_at",
  "contract_expires_at",
  "end_of_life_at",
  "notes",
  "metadata",
]

httpSuite(__filename, ({ api, getContainer }) => {
  let headers: any
  let warehouseA: any
  let drill: any
  let saw: any

  const serializedVariant = async (title: string, sku: string, stock: Record<string, number>) => {
    const container = getContainer()
    const { variant } = await createProductWithVariant(container, { title, sku })
    const { data } = await container.resolve("query").graph({
      entity: "product_variant",
      fields: ["id", "inventory_items.inventory_item_id"],
      filters: { id: variant.id },
    })
    const inventory_item_id = (data[0] as any).inventory_items[0].inventory_item_id
    await createInventoryLevelsWorkflow(container).run({
      input: {
        inventory_levels: Object.entries(stock).map(([location_id, stocked_quantity]) => ({
          inventory_item_id,
          location_id,
          stocked_quantity,
        })),
      },
    })
    await api.post(`/admin/serial-settings/${variant.id}`, { is_serialized: true }, headers)
    return variant
  }

  // Once per file: the runner snapshots the database after this and restores it before
  // every test, so each test starts from exactly these rows.
  beforeAll(async () => {
    const container = getContainer()
    headers = await adminHeaders(api, container)
    const { result } = await createStockLocationsWorkflow(container).run({
      input: { locations: [{ name: "Warehouse A" }] },
    })
    warehouseA = result[0]
    drill = await serializedVariant("Drill", "DRILL", { [warehouseA.id]: 10 })
    saw = await serializedVariant("Saw", "SAW", { [warehouseA.id]: 10 })
  })

  const importCsv = (csv: string) =>
    api.post("/admin/serial-imports", csv, { headers: { ...headers.headers, "content-type": "text/csv" } })
  const exportCsv = async (query = "") => {
    const res = await api.get(`/admin/serial-numbers/export${query}`, {
      ...headers,
      responseType: "text",
      transformResponse: (d: any) => d,
    })
    return { res, text: String(res.data), rows: parse(String(res.data), { columns: true }) as Record<string, string>[] }
  }
  const tricky = 'He said "keep it dry", then\nleft; shelf 3, row 2'

  /** A small stock: in stock, registered, delivered with a warranty, with awkward text. */
  const seed = async () => {
    const csv = [
      "serial_number,sku,status,location,supplier,supplier_reference,unit_cost,received_at,delivered_at,warranty_starts_at,warranty_expires_at,contract_expires_at,end_of_life_at,notes,metadata",
      `DR-1,DRILL,active,Warehouse A,"Makita, EU",PO-1,49.5,2025-01-10T08:30:00.000Z,,,,,2031-01-01,"${tricky.replace(/"/g, '""')}","{""plan"":""paid"",""n"":2}"`,
      "DR-2,DRILL,inactive,,,,,,,,,,,,",
      "DR-3,DRILL,delivered,,,,,,2025-02-01,2025-02-01,2027-02-01,2026-02-01,,,",
      "SW-1,SAW,active,Warehouse A,,,,,,,,,,,",
    ].join("\n")
    expect((await importCsv(csv)).status).toBe(200)
  }

  it("downloads every matching serial as CSV in the import's columns, quoting commas, quotes and line breaks", async () => {
    await seed()
    const { res, text, rows } = await exportCsv()
    expect(res.status).toBe(200)
    expect(res.headers["content-type"]).toContain("text/csv")
    expect(res.headers["content-disposition"]).toMatch(/^attachment; filename="serial-numbers-\d{4}-\d{2}-\d{2}\.csv"$/)
    expect(text.split("\n")[0]).toBe(COLUMNS.join(","))
    expect(rows.map((r) => r.serial_number).sort()).toEqual(["DR-1", "DR-2", "DR-3", "SW-1"])

    const dr1 = rows.find((r) => r.serial_number === "DR-1")!
    expect({ ...dr1, metadata: JSON.parse(dr1.metadata) }).toEqual({
      serial_number: "DR-1",
      sku: "DRILL",
      variant_id: drill.id,
      status: "active",
      location: warehouseA.id,
      supplier: "Makita, EU",
      supplier_reference: "PO-1",
      unit_cost: "49.5",
      received_at: "2025-01-10T08:30:00.000Z",
      delivered_at: "",
      warranty_starts_at: "",
      warranty_expires_at: "",
      contract_expires_at: "",
      end_of_life_at: "2031-01-01T00:00:00.000Z",
      notes: tricky,
      metadata: { plan: "paid", n: 2 },
    })
    // The raw text quotes what needs it, doubling the quotes inside.
    expect(text).toContain('"He said ""keep it dry"", then\nleft; shelf 3, row 2"')
    expect(text).toContain('"Makita, EU"')
    expect(rows.find((r) => r.serial_number === "DR-3")).toMatchObject({
      status: "delivered",
      location: "",
      delivered_at: "2025-02-01T00:00:00.000Z",
      warranty_expires_at: "2027-02-01T00:00:00.000Z",
      contract_expires_at: "2026-02-01T00:00:00.000Z",
    })
  })

  it("applies the list's filters, and refuses a bad one as the list does", async () => {
    await seed()
    const names = async (q: string) => (await exportCsv(q)).rows.map((r) => r.serial_number).sort()
    expect(await names("?status=active")).toEqual(["DR-1", "SW-1"])
    expect(await names(`?variant_id=${saw.id}`)).toEqual(["SW-1"])
    expect(await names(`?stock_location_id=${warehouseA.id}&variant_id=${drill.id}`)).toEqual(["DR-1"])
    expect(await names("?status=inactive&status=delivered")).toEqual(["DR-2", "DR-3"])
    expect(await names("?q=DR-2")).toEqual(["DR-2"])
    // Nothing matches: the header alone.
    const none = await exportCsv("?status=scrapped")
    expect(none.rows).toEqual([])
    expect(none.text.trim()).toBe(COLUMNS.join(","))

    const bad = await failure(api.get("/admin/serial-numbers/export?status=lost", headers))
    expect(bad.status).toBe(400)
    expect(bad.message).toContain("status")
  })

  it("walks a large set page by page without losing or repeating a serial", async () => {
    const lines = ["serial_number,sku"]
    for (let i = 1; i <= 4500; i++) {
      lines.push(`BULK-${i},DRILL`)
    }
    expect((await importCsv(lines.join("\n"))).status).toBe(200)
    const { rows } = await exportCsv()
    expect(rows).toHaveLength(4500)
    expect(new Set(rows.map((r) => r.serial_number)).size).toBe(4500)
  })

  it("writes text that a spreadsheet would run as a formula with a leading quote, and imports it back unchanged", async () => {
    const csv = [
      "serial_number,sku,status,location,supplier,supplier_reference,notes",
      `+SN-9,DRILL,active,Warehouse A,@corp,-PO7,"=HYPERLINK(""http://example.com"",""open"")"`,
      "''quoted,DRILL,inactive,,,,'=1+2",
    ].join("\n")
    expect((await importCsv(csv)).status).toBe(200)
    const service: any = getContainer().resolve("serial")
    const stored = async () =>
      (await service.listSerialNumbers({}, { select: ["serial_number", "supplier_name", "supplier_reference", "notes"] }))
        .map((s: any) => [s.serial_number, s.supplier_name, s.supplier_reference, s.notes])
        .sort()
    // One leading quote is the file's marker, not part of the value.
    const values = [
      ["'quoted", null, null, "=1+2"],
      ["+SN-9", "@corp", "-PO7", '=HYPERLINK("http://example.com","open")'],
    ]
    expect(await stored()).toEqual(values)

    const { text, rows } = await exportCsv()
    const cells = rows.map((r) => [r.serial_number, r.supplier, r.supplier_reference, r.notes]).sort()
    expect(cells).toEqual([
      ["''quoted", "", "", "'=1+2"],
      ["'+SN-9", "'@corp", "'-PO7", `'=HYPERLINK("http://example.com","open")`],
    ])
    // No cell of the file starts with a formula character.
    for (const row of rows) {
      for (const value of Object.values(row)) {
        expect(value).not.toMatch(/^[=+\-@]/)
      }
    }

    const all = await service.listSerialNumbers({}, { select: ["id"] })
    await service.purgeSerials(all.map((s: any) => s.id))
    const res = await importCsv(text)
    expect(res.status).toBe(200)
    expect(await stored()).toEqual(values)
  })

  it("an exported file imports into a store without serials and gives the same serials back", async () => {
    await seed()
    const before = await exportCsv()
    const service: any = getContainer().resolve("serial")
    const all = await service.listSerialNumbers({}, { select: ["id"] })
    await service.purgeSerials(all.map((s: any) => s.id))
    expect((await exportCsv()).rows).toEqual([])

    const res = await importCsv(before.text)
    expect(res.status).toBe(200)
    expect(res.data.import).toMatchObject({ rows: 4, created: 4, error_count: 0 })
    const after = await exportCsv()
    const bySerial = (rows: Record<string, string>[]) => [...rows].sort((a, b) => a.serial_number.localeCompare(b.serial_number))
    expect(bySerial(after.rows)).toEqual(bySerial(before.rows))
  })
})
