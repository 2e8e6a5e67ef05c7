import { createInventoryLevelsWorkflow, createStockLocationsWorkflow } from "@medusajs/core-flows"
import { Modules } from "@medusajs/framework/utils"
import { adminHeaders } from "../helpers/admin"
import { createProductWithVariant } from "../helpers/catalog"
import { eventually } from "../helpers/http"
import { httpSuite } from "../helpers/suite"

jest.setTimeout(180_000)

httpSuite(__filename, ({ api, getContainer }) => {
  let headers: any
  let warehouseA: any
  let warehouseB: any
  let drill: any
  let saw: any
  let hammer: any
  let createdEvents: any[] = []

  /** A product variant with its inventory item, serialized unless told otherwise, stocked per location id. */
  const variantWith = async (title: string, sku: string, stock: Record<string, number>, serialized = true) => {
    const container = getContainer()
    const { variant } = await createProductWithVariant(container, { title, sku })
    const { data } = await container.resolve("query").graph({
      entity: "product_variant",
      fields: ["id", "inventory_items.inventory_item_id"],
      filters: { id: variant.id },
    })
    const inventory_item_id = (data[0] as any).inventory_items[0].inventory_item_id
    const levels = Object.entries(stock).map(([location_id, stocked_quantity]) => ({ inventory_item_id, location_id, stocked_quantity }))
    if (levels.length) {
      await createInventoryLevelsWorkflow(container).run({ input: { inventory_levels: levels } })
    }
    if (serialized) {
      await api.post(`/admin/serial-settings/${variant.id}`, { is_serialized: true, warranty: { value: 2, unit: "year" } }, headers)
    }
    return { ...variant, inventory_item_id }
  }

  // Once per file: the runner snapshots the database after this and restores it before
  // every test, so each test starts from exactly these rows. The subscription lives in
  // the app's event bus (not in the database) for the whole file: made once here.
  beforeAll(async () => {
    const container = getContainer()
    headers = await adminHeaders(api, container)
    const { result } = await createStockLocationsWorkflow(container).run({
      input: { locations: [{ name: "Warehouse A" }, { name: "Warehouse B" }] },
    })
    ;[warehouseA, warehouseB] = result
    drill = await variantWith("Drill", "DRILL", { [warehouseA.id]: 5 })
    saw = await variantWith("Saw", "SAW", { [warehouseA.id]: 2, [warehouseB.id]: 1 })
    hammer = await variantWith("Hammer", "HAMMER", { [warehouseA.id]: 10 }, false)
    container.resolve(Modules.EVENT_BUS).subscribe(
      "serial_number.created",
      async (event: any) => {
        createdEvents.push(event.data)
      },
      { subscriberId: "test-import-created" }
    )
  })

  // In memory, not in the database: each test sees only its own events.
  beforeEach(() => {
    createdEvents = []
  })

  const csvHeaders = (extra: Record<string, string> = {}) => ({
    headers: { ...headers.headers, "content-type": "text/csv", ...extra },
  })
  /** Posts a CSV file; answers status and body whether it succeeded or not. */
  const importCsv = async (csv: string, query = "", extra: Record<string, string> = {}) => {
    try {
      const res = await api.post(`/admin/serial-imports${query}`, csv, csvHeaders(extra))
      return { status: res.status, body: res.data }
    } catch (e: any) {
      if (!e.response) {
        throw e
      }
      return { status: e.response.status, body: e.response.data }
    }
  }
  const allSerials = async () => {
    const res = await api.get("/admin/serial-numbers?limit=1000&order=serial_number", headers)
    return res.data.serial_numbers as any[]
  }
  const ledgerCount = async () => {
    const [, count] = await getContainer().resolve("serial").listAndCountSerialLedgerEntries({})
    return count
  }

  it("imports serials in every importable status, with their details, a ledger row from the import and a created event", async () => {
    const csv = [
      "Serial_Number,SKU,Status,Location,Supplier,Supplier_Reference,Unit_Cost,Received_At,Delivered_At,Warranty_Expires_At,End_Of_Life_At,Notes,Metadata",
      `DR-1,DRILL,active,Warehouse A,Makita,PO-7,49.50,2025-01-10,,,2030-01-01,"shelf 3, left","{""plan"":""paid""}"`,
      `dr-2,DRILL,,${warehouseA.id},,,,,,,,,`,
      "DR-3,DRILL,inactive,,,,,,,,,,",
      "DR-4,DRILL,delivered,,,,,,2025-06-01,,,sold before the plugin,",
      "DR-5,DRILL,delivered,,,,,,2025-06-01,2025-12-31,,,",
      "DR-6,DRILL,scrapped,,,,,,,,,,",
      "DR-7,DRILL,expired,,,,,,,,2024-01-01,,",
      "",
      ",,,,,,,,,,,,",
    ].join("\r\n")
    const res = await importCsv(csv)
    expect(res.status).toBe(200)
    expect(res.body.import).toMatchObject({ dry_run: false, rows: 7, created: 7, error_count: 0, errors: [] })
    expect(res.body.import.id).toMatch(/^snimp_/)

    const serials = Object.fromEntries((await allSerials()).map((s) => [s.serial_number, s]))
    expect(Object.keys(serials).sort()).toEqual(["DR-1", "DR-3", "DR-4", "DR-5", "DR-6", "DR-7", "dr-2"])
    expect(serials["DR-1"]).toMatchObject({
      status: "active",
      variant_id: drill.id,
      stock_location_id: warehouseA.id,
      supplier_name: "Makita",
      supplier_reference: "PO-7",
      received_at: "2025-01-10T00:00:00.000Z",
      end_of_life_at: "2030-01-01T00:00:00.000Z",
      notes: "shelf 3, left",
      metadata: { plan: "paid" },
    })
    expect(Number(serials["DR-1"].unit_cost)).toBe(49.5)
    // A location and no status: in stock there.
    expect(serials["dr-2"]).toMatchObject({ status: "active", stock_location_id: warehouseA.id })
    expect(serials["DR-3"]).toMatchObject({ status: "inactive", stock_location_id: null })
    // Delivered without warranty dates: the variant's two years from delivery.
    expect(serials["DR-4"]).toMatchObject({
      status: "delivered",
      delivered_at: "2025-06-01T00:00:00.000Z",
      warranty_starts_at: "2025-06-01T00:00:00.000Z",
      warranty_expires_at: "2027-06-01T00:00:00.000Z",
      notes: "sold before the plugin",
    })
    // Dates the file gives win.
    expect(serials["DR-5"].warranty_expires_at).toBe("2025-12-31T00:00:00.000Z")
    expect(serials["DR-6"].status).toBe("scrapped")
    expect(serials["DR-7"].status).toBe("expired")

    const detail = (await api.get(`/admin/serial-numbers/${serials["DR-1"].id}`, headers)).data.serial_number
    expect(detail.ledger).toEqual([
      expect.objectContaining({
        type: "import",
        from_status: null,
        to_status: "active",
        to_location_id: warehouseA.id,
        reference_type: "import",
        reference_id: res.body.import.id,
        actor_type: "user",
        data: { row: 2 },
      }),
    ])
    const inactive = (await api.get(`/admin/serial-numbers/${serials["DR-3"].id}`, headers)).data.serial_number
    expect(inactive.ledger).toEqual([
      expect.objectContaining({ type: "create", to_status: "inactive", reference_type: "import", data: { row: 4 } }),
    ])
    // An inactive imported serial is deletable like one created by hand.
    expect((await api.delete(`/admin/serial-numbers/${serials["DR-3"].id}`, headers)).status).toBe(200)

    const event = await eventually(async () => createdEvents.find((e) => e.reference_id === res.body.import.id))
    expect(event.ids.sort()).toEqual(Object.values(serials).map((s: any) => s.id).sort())
  })

  it("a dry run checks everything and changes nothing", async () => {
    const before = await ledgerCount()
    const ok = await importCsv("serial_number,sku,location\nDR-1,DRILL,Warehouse A\nDR-2,DRILL,Warehouse A\n", "?dry_run=true")
    expect(ok.status).toBe(200)
    expect(ok.body.import).toMatchObject({ id: null, dry_run: true, rows: 2, created: 0, error_count: 0, errors: [] })

    const bad = await importCsv("serial_number,sku\nDR-1,NOPE\n", "?dry_run=true")
    expect(bad.status).toBe(200)
    expect(bad.body.import).toMatchObject({
      dry_run: true,
      rows: 1,
      created: 0,
      error_count: 1,
      errors: [{ row: 2, column: "sku", value: "NOPE", message: expect.stringContaining("NOPE") }],
    })
    expect(await allSerials()).toEqual([])
    expect(await ledgerCount()).toBe(before)
    expect(createdEvents).toEqual([])
  })

  it("names every problem with its row, column and value, and saves nothing when one row is wrong", async () => {
    await importCsv("serial_number,sku\nOLD-1,DRILL\n")
    const before = await ledgerCount()
    const csv = [
      "serial_number,sku,variant_id,status,location,received_at,warranty_starts_at,warranty_expires_at,unit_cost,metadata",
      "GOOD-1,DRILL,,active,Warehouse A,,,,,", // row 2: fine, and must not be saved
      "BAD SKU,NOPE,,,,,,,,", // 3
      "BAD-VAR,,variant_nope,,,,,,,", // 4
      "NOT-SER,HAMMER,,,,,,,,", // 5
      "BAD-LOC,DRILL,,active,Atlantis,,,,,", // 6
      "BAD-STATUS,DRILL,,sold,,,,,,", // 7
      "RESERVED,DRILL,,reserved,Warehouse A,,,,,", // 8
      "NO-LOC,DRILL,,active,,,,,,", // 9
      "LOC-INACTIVE,DRILL,,inactive,Warehouse A,,,,,", // 10
      "BAD-DATE,DRILL,,,,2025-02-30,,,,", // 11
      "BAD-WARRANTY,DRILL,,,,,2025-05-01,2025-04-01,,", // 12
      "BAD-COST,DRILL,,,,,,,12;50,", // 13
      "BAD-META,DRILL,,,,,,,,[1]", // 14
      ",DRILL,,,,,,,,", // 15: no serial
      "old-1,DRILL,,,,,,,,", // 16: exists already
      "good-1,DRILL,,,,,,,,", // 17: repeats row 2
      "MISMATCH,SAW," + drill.id + ",,,,,,,", // 18: sku and variant disagree
      "SHORT,DRILL", // 19: too few values
      "NO-VARIANT,,,,,,,,,", // 20
    ].join("\n")
    const res = await importCsv(csv)
    expect(res.status).toBe(400)
    expect(res.body.type).toBe("invalid_data")
    expect(res.body.message).toContain("nothing was imported")
    expect(res.body.error_count).toBe(18)
    expect(res.body.errors).toHaveLength(18)
    expect(res.body.import).toMatchObject({ dry_run: false, rows: 19, created: 0, error_count: 18 })
    const byRow = Object.fromEntries(res.body.errors.map((e: any) => [e.row, e]))
    const expectProblem = (row: number, column: string | null, value: string | null, text: string) => {
      expect(byRow[row]).toBeDefined()
      expect(byRow[row]).toMatchObject({ row, column, value })
      expect(byRow[row].message).toContain(text)
    }
    expect(byRow[2]).toBeUndefined()
    // A space is allowed in a serial; the SKU is what is wrong.
    expectProblem(3, "sku", "NOPE", "NOPE")
    expectProblem(4, "variant_id", "variant_nope", "variant_nope")
    expectProblem(5, "sku", "HAMMER", "not serialized")
    expectProblem(6, "location", "Atlantis", "Atlantis")
    expectProblem(7, "status", "sold", "sold")
    expectProblem(8, "status", "reserved", "reserved")
    expectProblem(9, "location", "", "stock location")
    expectProblem(10, "location", "Warehouse A", "no location")
    expectProblem(11, "received_at", "2025-02-30", "2025-02-30")
    expectProblem(12, "warranty_expires_at", "2025-04-01", "before it starts")
    expectProblem(13, "unit_cost", "12;50", "12;50")
    expectProblem(14, "metadata", "[1]", "JSON object")
    expectProblem(15, "serial_number", "", "missing")
    expectProblem(16, "serial_number", "old-1", "OLD-1")
    expectProblem(17, "serial_number", "good-1", "row 2")
    expectProblem(18, "sku", "SAW", drill.id)
    expectProblem(19, null, null, "2 values")
    expectProblem(20, "sku", "", "SKU")

    expect((await allSerials()).map((s) => s.serial_number)).toEqual(["OLD-1"])
    expect(await ledgerCount()).toBe(before)
  })

  it("saves nothing when the only bad row comes after thousands of good ones (all or nothing across batches)", async () => {
    await getContainer().resolve("inventory").updateInventoryLevels([
      { inventory_item_id: drill.inventory_item_id, location_id: warehouseA.id, stocked_quantity: 3000 },
    ])
    const lines = ["serial_number,sku,location"]
    for (let i = 1; i <= 2500; i++) {
      lines.push(`BULK-${i},DRILL,Warehouse A`)
    }
    lines.push("BULK-X,NOPE,")
    const res = await importCsv(lines.join("\n"))
    expect(res.status).toBe(400)
    expect(res.body.errors).toEqual([expect.objectContaining({ row: 2502, column: "sku", value: "NOPE" })])
    expect(await allSerials()).toEqual([])

    lines.pop()
    const ok = await importCsv(lines.join("\n"))
    expect(ok.status).toBe(200)
    expect(ok.body.import.created).toBe(2500)
    const count = (await api.get("/admin/serial-numbers?limit=1", headers)).data.count
    expect(count).toBe(2500)
  })

  it("refuses more serials in stock than Medusa stocks, naming variant, location and numbers", async () => {
    // Saw: Medusa stocks 2 at A (one serial there already) and 1 at B.
    await importCsv("serial_number,sku,location\nSAW-0,SAW,Warehouse A\n")
    const csv = [
      "serial_number,sku,location",
      "SAW-1,SAW,Warehouse A", // 2: fits (2 - 1 = 1 more)
      "SAW-2,SAW,Warehouse A", // 3: one too many
      "SAW-3,SAW,Warehouse B", // 4: fits
      "SAW-4,SAW,", // 5: inactive, no limit
    ].join("\n")
    const res = await importCsv(csv)
    expect(res.status).toBe(400)
    expect(res.body.errors).toHaveLength(1)
    const [problem] = res.body.errors
    expect(problem).toMatchObject({ row: 3, column: "location", value: warehouseA.id })
    expect(problem.message).toContain("SAW")
    expect(problem.message).toContain("Warehouse A")
    expect(problem.message).toContain("Medusa stocks 2")
    expect(problem.message).toContain("1 serial is in stock already")
    expect(problem.message).toContain("this file puts 2 there")
    expect((await allSerials()).map((s) => s.serial_number)).toEqual(["SAW-0"])

    // Not in stock anywhere: no stock level at all.
    const none = await importCsv(`serial_number,variant_id,location\nD-1,${drill.id},Warehouse B\n`)
    expect(none.status).toBe(400)
    expect(none.body.errors[0].message).toContain("Medusa stocks 0")
  })

  it("compares serials per variant when the store chose per-variant uniqueness", async () => {
    const service: any = getContainer().resolve("serial")
    const options = service.options_
    const original = options.uniqueness_scope
    options.uniqueness_scope = "per_variant"
    try {
      await importCsv("serial_number,sku\nSAME-1,DRILL\n")
      const res = await importCsv("serial_number,sku\nSAME-1,SAW\nsame-2,SAW\nSAME-2,DRILL\n")
      expect(res.status).toBe(200)
      expect(res.body.import.created).toBe(3)
      const again = await importCsv("serial_number,sku\nsame-1,SAW\nX-1,DRILL\nx-1,DRILL\n")
      expect(again.status).toBe(400)
      expect(again.body.errors).toEqual([
        expect.objectContaining({ row: 2, column: "serial_number", message: expect.stringContaining("for variant SAW") }),
        expect.objectContaining({ row: 4, column: "serial_number", message: expect.stringContaining("row 3") }),
      ])
    } finally {
      options.uniqueness_scope = original
    }
  })

  it("answers problems with the file as a whole with a 4xx naming the value", async () => {
    const wrongType = await importCsv("serial_number,sku\nA,DRILL\n", "", { "content-type": "application/json" })
    expect(wrongType.status).toBe(415)
    expect(wrongType.body.message).toContain("application/json")

    const empty = await importCsv("")
    expect(empty.status).toBe(400)
    expect(empty.body.message).toContain("empty")

    const headerOnly = await importCsv("serial_number,sku\n")
    expect(headerOnly.status).toBe(400)
    expect(headerOnly.body.message).toContain("no serials")

    const unknown = await importCsv("serial_number,sku,colour\nA,DRILL,red\n")
    expect(unknown.status).toBe(400)
    expect(unknown.body.message).toContain("colour")
    expect(unknown.body.errors).toEqual([expect.objectContaining({ row: 1, column: "colour", value: "colour" })])

    const noSerial = await importCsv("sku,status\nDRILL,active\n")
    expect(noSerial.status).toBe(400)
    expect(noSerial.body.message).toContain("serial_number")

    const noVariant = await importCsv("serial_number,status\nA,inactive\n")
    expect(noVariant.status).toBe(400)
    expect(noVariant.body.message).toContain("variant_id")

    const twice = await importCsv("serial_number,sku,SKU\nA,DRILL,DRILL\n")
    expect(twice.status).toBe(400)
    expect(twice.body.message).toContain("twice")

    const badQuote = await importCsv('serial_number,sku\nA,DRILL\n"B"x,DRILL\n')
    expect(badQuote.status).toBe(400)
    expect(badQuote.body.errors).toEqual([expect.objectContaining({ row: 3, message: expect.stringContaining("line 3") })])

    const badFlag = await importCsv("serial_number,sku\nA,DRILL\n", "?dry_run=maybe")
    expect(badFlag.status).toBe(400)
    expect(badFlag.body.message).toContain("maybe")

    expect(await allSerials()).toEqual([])
  })

  it("reports progress as NDJSON lines when asked, ending with the answer", async () => {
    const lines = ["serial_number,sku"]
    for (let i = 1; i <= 2100; i++) {
      lines.push(`P-${i},DRILL`)
    }
    const res = await api.post("/admin/serial-imports", lines.join("\n"), {
      ...csvHeaders({ accept: "application/x-ndjson" }),
      responseType: "text",
      transformResponse: (d: any) => d,
    })
    expect(res.status).toBe(200)
    expect(res.headers["content-type"]).toContain("application/x-ndjson")
    const messages = String(res.data).trim().split("\n").map((l) => JSON.parse(l))
    expect(messages.slice(0, -1)).toEqual([{ processed: 1000 }, { processed: 2000 }, { processed: 2100 }])
    expect(messages[messages.length - 1]).toMatchObject({ status: 200, import: { rows: 2100, created: 2100, error_count: 0 } })
  })
})
