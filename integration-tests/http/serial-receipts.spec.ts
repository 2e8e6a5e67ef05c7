import { createStockLocationsWorkflow } from "@medusajs/core-flows"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { adminHeaders } from "../helpers/admin"
import { createProductWithVariant } from "../helpers/catalog"
import { eventually, failure, statusOf } from "../helpers/http"
import { httpSuite } from "../helpers/suite"

jest.setTimeout(180_000)

httpSuite(__filename, ({ api, getContainer }) => {
  let headers: any
  let drill: any
  let saw: any
  let location: any

  const stocked = async (variant: any, locationId = location.id) => {
    const query = getContainer().resolve("query")
    const { data } = await query.graph({
      entity: "inventory_level",
      fields: ["stocked_quantity"],
      filters: { inventory_item_id: variant.inventory_item_id, location_id: locationId },
    })
    return data.length ? Number(data[0].stocked_quantity) : null
  }
  const serials = async (q: string) => (await api.get(`/admin/serial-numbers?limit=1000&${q}`, headers)).data

  // Once per file: the runner snapshots the database after this and restores it before
  // every test, so each test starts from exactly these rows.
  beforeAll(async () => {
    const container = getContainer()
    headers = await adminHeaders(api, container)
    const { result } = await createStockLocationsWorkflow(container).run({
      input: { locations: [{ name: "Main warehouse" }] },
    })
    location = result[0]
    for (const [title, sku] of [
      ["Drill", "DRILL"],
      ["Saw", "SAW"],
    ]) {
      const { variant } = await createProductWithVariant(container, { title, sku })
      const query = container.resolve("query")
      const { data } = await query.graph({
        entity: "product_variant",
        fields: ["id", "inventory_items.inventory_item_id"],
        filters: { id: variant.id },
      })
      const v = { ...variant, inventory_item_id: data[0].inventory_items[0].inventory_item_id }
      await api.post(`/admin/serial-settings/${variant.id}`, { is_serialized: true }, headers)
      if (sku === "DRILL") drill = v
      else saw = v
    }
  })

  const post = (body: any) => api.post("/admin/serial-receipts", body, headers)

  it("posts a receipt: serials active at the location with supplier and cost, stock raised, ledger written", async () => {
    const res = await post({
      stock_location_id: location.id,
      supplier: { name: "Makita EU", reference: "PO-1001" },
      received_at: "2026-03-01T10:00:00.000Z",
      items: [
        { variant_id: drill.id, quantity: 3, unit_cost: 49.5, serial_numbers: ["DR-1", "DR-2", "DR-3"] },
        { variant_id: saw.id, quantity: 10, range: { from: "SAW-0001", to: "SAW-0010" } },
      ],
    })
    expect(res.status).toBe(201)
    const receipt = res.data.serial_receipt
    expect(receipt).toMatchObject({
      status: "posted",
      stock_location_id: location.id,
      supplier_name: "Makita EU",
      supplier_reference: "PO-1001",
      serial_counts: { active: 13 },
    })
    expect(receipt.lines).toHaveLength(2)

    const drills = await serials(`variant_id=${drill.id}&order=serial_number`)
    expect(drills.serial_numbers.map((s: any) => s.serial_number)).toEqual(["DR-1", "DR-2", "DR-3"])
    expect(drills.serial_numbers[0]).toMatchObject({
      status: "active",
      stock_location_id: location.id,
      supplier_name: "Makita EU",
      supplier_reference: "PO-1001",
      receipt_id: receipt.id,
      unit_cost: 49.5,
      received_at: "2026-03-01T10:00:00.000Z",
    })
    const saws = await serials(`variant_id=${saw.id}&order=serial_number`)
    expect(saws.count).toBe(10)
    expect(saws.serial_numbers[9].serial_number).toBe("SAW-0010")

    expect(await stocked(drill)).toBe(3)
    expect(await stocked(saw)).toBe(10)

    const detail = await api.get(`/admin/serial-numbers/${drills.serial_numbers[0].id}`, headers)
    expect(detail.data.serial_number.ledger).toEqual([
      expect.objectContaining({
        type: "receive",
        from_status: null,
        to_status: "active",
        to_location_id: location.id,
        reference_type: "purchase_receipt",
        reference_id: receipt.id,
      }),
    ])

    const list = await api.get("/admin/serial-receipts", headers)
    expect(list.data.count).toBe(1)
    const read = await api.get(`/admin/serial-receipts/${receipt.id}`, headers)
    expect(read.data.serial_receipt.serial_counts).toEqual({ active: 13 })
  })

  it("generates serials from the variant's series and receives serials entered earlier", async () => {
    const series = (await api.post("/admin/serial-series", { name: "Drills", pattern: "D-{YYYY}-####" }, headers)).data
      .serial_series
    await api.post(`/admin/serial-settings/${drill.id}`, { series_id: series.id }, headers)
    await api.post("/admin/serial-numbers", { variant_id: saw.id, serial_numbers: ["S-1", "S-2"] }, headers)

    await post({
      stock_location_id: location.id,
      supplier: { name: "Acme" },
      received_at: "2026-05-05T00:00:00Z",
      items: [
        { variant_id: drill.id, quantity: 2 },
        { variant_id: saw.id, quantity: 3, serial_numbers: ["s-1", "S-2", "S-3"] },
      ],
    })
    const drills = await serials(`variant_id=${drill.id}&order=serial_number`)
    expect(drills.serial_numbers.map((s: any) => s.serial_number)).toEqual(["D-2026-0001", "D-2026-0002"])
    const saws = await serials(`variant_id=${saw.id}&status=active`)
    expect(saws.count).toBe(3)
    const earlier = saws.serial_numbers.find((s: any) => s.serial_number === "S-1")
    const ledger = (await api.get(`/admin/serial-numbers/${earlier.id}`, headers)).data.serial_number.ledger
    expect(ledger.map((l: any) => [l.type, l.from_status, l.to_status])).toEqual([
      ["create", null, "inactive"],
      ["receive", "inactive", "active"],
    ])
    expect(await stocked(saw)).toBe(3)
  })

  it("refuses a receipt asking a series for more values than its digits have left, naming how many remain; changes nothing", async () => {
    const series = (await api.post("/admin/serial-series", { name: "Tiny", pattern: "T-##" }, headers)).data.serial_series
    await api.post(`/admin/serial-settings/${drill.id}`, { series_id: series.id }, headers)
    const receive = (quantity: number) =>
      post({ stock_location_id: location.id, supplier: { name: "Acme" }, items: [{ variant_id: drill.id, quantity }] })
    await receive(98)
    const refused = await failure(receive(2))
    expect(refused.status).toBe(400)
    expect(refused.message).toBe(
      'Receipt refused: line 1 (DRILL): Series "Tiny" has only 1 value left for T-## (its 2-digit counter ends at T-99), 2 asked: give it a pattern with more digits'
    )
    expect((await serials(`variant_id=${drill.id}`)).count).toBe(98)
    expect(await stocked(drill)).toBe(98)
    // The counter did not move: the last value is still there, then none.
    await receive(1)
    expect((await serials(`variant_id=${drill.id}&q=T-99`)).serial_numbers.map((s: any) => s.serial_number)).toEqual(["T-99"])
    const none = await failure(api.get(`/admin/serial-series/${series.id}/preview?count=1`, headers))
    expect(none.message).toBe('Series "Tiny" has no values left for T-## (its 2-digit counter ends at T-99), 1 asked: give it a pattern with more digits')
  })

  it("counts a series past 2,147,483,647 and past 2^53 without losing a digit", async () => {
    const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
    for (const [name, pattern, prefix, start, expected] of [
      ["Wide", "W-############", "W-", "2147483646", ["W-002147483647", "W-002147483648", "W-002147483649"]],
      ["Huge", "H-##################", "H-", "9007199254740991", ["H-009007199254740992", "H-009007199254740993", "H-009007199254740994"]],
    ] as const) {
      const series = (await api.post("/admin/serial-series", { name, pattern }, headers)).data.serial_series
      // A counter that has issued that many values already (the key is the pattern's text around the counter).
      await pg.raw(`INSERT INTO serial_series_counter (id, series_id, key, value, created_at, updated_at) VALUES (?, ?, ?, ?, now(), now())`, [
        `sncnt_${name}`,
        series.id,
        JSON.stringify([prefix, ""]),
        start,
      ])
      await api.post(`/admin/serial-settings/${drill.id}`, { series_id: series.id }, headers)
      const preview = await api.get(`/admin/serial-series/${series.id}/preview?count=3`, headers)
      expect(preview.data.values).toEqual(expected)
      await post({ stock_location_id: location.id, supplier: { name: "Acme" }, items: [{ variant_id: drill.id, quantity: 3 }] })
      const issued = await serials(`variant_id=${drill.id}&series_id=${series.id}&order=serial_number`)
      expect(issued.serial_numbers.map((s: any) => s.serial_number)).toEqual(expected)
    }
  })

  it("takes opening stock without a supplier: serials in stock with no supplier, the receipt listed without one", async () => {
    const res = await post({
      stock_location_id: location.id,
      notes: "Opening stock",
      items: [{ variant_id: saw.id, quantity: 2, serial_numbers: ["OPEN-1", "OPEN-2"] }],
    })
    expect(res.status).toBe(201)
    expect(res.data.serial_receipt).toMatchObject({ supplier_name: null, supplier_reference: null, notes: "Opening stock" })
    const opened = await serials(`variant_id=${saw.id}&order=serial_number`)
    expect(opened.serial_numbers.map((s: any) => [s.serial_number, s.status, s.stock_location_id, s.supplier_name])).toEqual([
      ["OPEN-1", "active", location.id, null],
      ["OPEN-2", "active", location.id, null],
    ])
    expect(await stocked(saw)).toBe(2)
    // null says the same; a supplier with an empty name is still refused, naming the field.
    const explicit = await post({ stock_location_id: location.id, supplier: null, items: [{ variant_id: saw.id, quantity: 1, serial_numbers: ["OPEN-3"] }] })
    expect(explicit.status).toBe(201)
    const empty = await failure(post({ stock_location_id: location.id, supplier: { name: " " }, items: [{ variant_id: saw.id, quantity: 1, serial_numbers: ["OPEN-4"] }] }))
    expect(empty.status).toBe(400)
    expect(empty.message).toMatch(/supplier\.name/)
    const list = await api.get("/admin/serial-receipts?order=created_at", headers)
    expect(list.data.serial_receipts.map((r: any) => r.supplier_name)).toEqual([null, null])
  })

  it("refuses a receipt with every problem named, and writes nothing", async () => {
    await post({
      stock_location_id: location.id,
      supplier: { name: "Acme" },
      items: [{ variant_id: drill.id, quantity: 2, serial_numbers: ["OLD-1", "OLD-2"] }],
    })
    const before = await serials("")
    const err = await failure(
      post({
        stock_location_id: location.id,
        supplier: { name: "Acme" },
        items: [
          { variant_id: drill.id, quantity: 3, serial_numbers: ["NEW-1", "NEW-1", "old-1"] },
          { variant_id: saw.id, quantity: 2, serial_numbers: ["OLD-2", "NEW-9"] },
          { variant_id: saw.id, quantity: 5, range: { first: "R-01", count: 4 } },
        ],
      })
    )
    expect(err.status).toBe(400)
    for (const named of ["NEW-1", "OLD-1 (active)", `OLD-2 (${drill.id})`, "4 serial(s) for a quantity of 5"]) {
      expect(err.message).toContain(named)
    }
    const after = await serials("")
    expect(after.count).toBe(before.count)
    expect((await api.get("/admin/serial-receipts", headers)).data.count).toBe(1)
    expect(await stocked(drill)).toBe(2)
    expect(await stocked(saw)).toBeNull()
  })

  it("refuses a variant without serials or series, unknown ids and malformed bodies", async () => {
    const none = await failure(
      post({ stock_location_id: location.id, supplier: { name: "A" }, items: [{ variant_id: drill.id, quantity: 1 }] })
    )
    expect(none.status).toBe(400)
    expect(none.message).toContain("no series")

    const loc = await failure(
      post({ stock_location_id: "sloc_nope", supplier: { name: "A" }, items: [{ variant_id: drill.id, quantity: 1, serial_numbers: ["A"] }] })
    )
    expect(loc.status).toBe(404)
    expect(loc.message).toContain("sloc_nope")
    const variant = await failure(
      post({ stock_location_id: location.id, supplier: { name: "A" }, items: [{ variant_id: "variant_nope", quantity: 1, serial_numbers: ["A"] }] })
    )
    expect(variant.status).toBe(404)

    const base = { stock_location_id: location.id, supplier: { name: "A" } }
    for (const [body, named] of [
      [{ ...base, items: [] }, "items"],
      [{ ...base, items: [{ variant_id: drill.id, quantity: 0, serial_numbers: ["A"] }] }, "quantity"],
      [{ ...base, items: [{ variant_id: drill.id, quantity: 1.5, serial_numbers: ["A"] }] }, "quantity"],
      [{ ...base, items: [{ variant_id: drill.id, quantity: 1, serial_numbers: ["A"], range: { first: "A1", count: 1 } }] }, "not both"],
      [{ ...base, items: [{ variant_id: drill.id, quantity: 1, range: { from: "A1" } }] }, "range"],
      [{ ...base, items: [{ variant_id: drill.id, quantity: 1, serial_numbers: ["A"], colour: 1 }] }, "colour"],
      [{ ...base, supplier: {}, items: [{ variant_id: drill.id, quantity: 1, serial_numbers: ["A"] }] }, "name"],
      [{ ...base, received_at: "yesterday", items: [{ variant_id: drill.id, quantity: 1, serial_numbers: ["A"] }] }, "yesterday"],
    ] as const) {
      const e = await failure(post(body), JSON.stringify(body))
      expect({ body, status: e.status }).toEqual({ body, status: 400 })
      expect(e.message).toContain(named)
    }
    const rangeBack = await failure(
      post({ ...base, items: [{ variant_id: drill.id, quantity: 2, range: { from: "A-10", to: "A-09" } }] })
    )
    expect(rangeBack.status).toBe(400)
    expect(rangeBack.message).toContain("backwards")
    expect((await serials("")).count).toBe(0)
    expect(await statusOf(api.get("/admin/serial-receipts"))).toBe(401)
    expect(await statusOf(api.get("/admin/serial-receipts/snrcpt_nope", headers))).toBe(404)
    expect(await statusOf(api.post("/admin/serial-receipts/snrcpt_nope/cancel", {}, headers))).toBe(404)
  })

  it("cancels a receipt: serials out of stock, inventory reversed; refused once a serial left", async () => {
    const res = await post({
      stock_location_id: location.id,
      supplier: { name: "Acme" },
      items: [{ variant_id: drill.id, quantity: 2, serial_numbers: ["C-1", "C-2"] }],
    })
    const receipt = res.data.serial_receipt
    const canceled = await api.post(`/admin/serial-receipts/${receipt.id}/cancel`, {}, headers)
    expect(canceled.data.serial_receipt).toMatchObject({ status: "canceled", serial_counts: { inactive: 2 } })
    expect(await stocked(drill)).toBe(0)
    const again = await failure(api.post(`/admin/serial-receipts/${receipt.id}/cancel`, {}, headers))
    expect(again.status).toBe(400)
    expect(again.message).toContain("already canceled")

    const second = (
      await post({
        stock_location_id: location.id,
        supplier: { name: "Acme" },
        items: [{ variant_id: saw.id, quantity: 2, serial_numbers: ["L-1", "L-2"] }],
      })
    ).data.serial_receipt
    const sold = (await serials(`q=L-1`)).serial_numbers[0]
    await getContainer().resolve("serial").moveSerials({ ids: [sold.id], movement: "deliver" })
    const refused = await failure(api.post(`/admin/serial-receipts/${second.id}/cancel`, {}, headers))
    expect(refused.status).toBe(400)
    expect(refused.message).toContain("L-1 (delivered)")
    expect((await api.get(`/admin/serial-receipts/${second.id}`, headers)).data.serial_receipt.status).toBe("posted")
    expect(await stocked(saw)).toBe(2)
    expect((await serials(`q=L-2`)).serial_numbers[0].status).toBe("active")
  })

  it("emits received and status-changed events with the serial ids, once the receipt succeeds", async () => {
    const eventBus = getContainer().resolve("event_bus")
    const seen: Record<string, any[]> = { "serial_number.received": [], "serial_number.status_changed": [] }
    for (const name of Object.keys(seen)) {
      eventBus.subscribe(name, async (event: any) => {
        seen[name].push(event.data)
      })
    }
    await failure(
      post({ stock_location_id: location.id, supplier: { name: "A" }, items: [{ variant_id: drill.id, quantity: 2, serial_numbers: ["E-1"] }] })
    )
    const receipt = (
      await post({
        stock_location_id: location.id,
        supplier: { name: "A" },
        items: [{ variant_id: drill.id, quantity: 2, serial_numbers: ["E-1", "E-2"] }],
      })
    ).data.serial_receipt
    const ids = (await serials(`receipt_id=${receipt.id}`)).serial_numbers.map((s: any) => s.id).sort()
    await eventually(async () => seen["serial_number.received"].length === 1 && seen["serial_number.status_changed"].length === 1)
    expect(seen["serial_number.received"][0]).toEqual({
      ids: expect.arrayContaining(ids),
      receipt_id: receipt.id,
      stock_location_id: location.id,
    })
    expect(seen["serial_number.received"][0].ids).toHaveLength(2)
    expect(seen["serial_number.status_changed"][0]).toMatchObject({ movement: "receive", to_status: "active" })
  })

  it("dry run: lists every problem of the receipt at once and saves nothing", async () => {
    await post({
      stock_location_id: location.id,
      supplier: { name: "Earlier" },
      items: [{ variant_id: drill.id, quantity: 1, serial_numbers: ["DUP-1"] }],
    })
    const series = (await api.post("/admin/serial-series", { name: "Saws", pattern: "SW-####" }, headers)).data.serial_series
    await api.post(`/admin/serial-settings/${saw.id}`, { series_id: series.id }, headers)
    const body = {
      stock_location_id: location.id,
      supplier: { name: "Makita EU" },
      items: [
        { variant_id: drill.id, quantity: 3, serial_numbers: ["DUP-1", "NEW-1", "NEW-1"] },
        { variant_id: drill.id, quantity: 2, serial_numbers: ["NEW-2"] },
        { variant_id: saw.id, quantity: 2 },
      ],
    }
    const dry = await api.post("/admin/serial-receipts?dry_run=true", body, headers)
    expect(dry.status).toBe(200)
    expect(dry.data.dry_run).toBe(true)
    const problems = dry.data.problems.join("\n")
    expect(problems).toContain("1 serial(s) for a quantity of 2")
    expect(problems).toContain("serials repeated in the receipt: NEW-1")
    expect(problems).toContain("DUP-1 (active)")
    expect(dry.data.problems).toHaveLength(3)
    // The series values are shown but not issued: a real receipt gets the same ones.
    expect(dry.data.lines[2]).toEqual({ variant_id: saw.id, quantity: 2, serials: ["SW-0001", "SW-0002"], from_series: true })
    expect((await serials(`variant_id=${drill.id}`)).count).toBe(1)
    expect(await stocked(drill)).toBe(1)
    expect((await api.get("/admin/serial-receipts", headers)).data.count).toBe(1)

    const refused = await failure(post(body))
    expect(refused.status).toBe(400)
    expect(refused.message).toContain("serials repeated in the receipt: NEW-1")

    const fixed = {
      ...body,
      items: [
        { variant_id: drill.id, quantity: 2, serial_numbers: ["NEW-1", "NEW-2"] },
        { variant_id: saw.id, quantity: 2 },
      ],
    }
    const clean = await api.post("/admin/serial-receipts?dry_run=true", fixed, headers)
    expect(clean.data.problems).toEqual([])
    expect((await post(fixed)).status).toBe(201)
    const saws = await serials(`variant_id=${saw.id}&order=serial_number`)
    expect(saws.serial_numbers.map((s: any) => s.serial_number)).toEqual(["SW-0001", "SW-0002"])

    const unknown = await failure(api.post("/admin/serial-receipts?dry_run=true", { ...fixed, stock_location_id: "sloc_nope" }, headers))
    expect(unknown.status).toBe(404)
    expect(unknown.message).toContain("sloc_nope")
    const malformed = await failure(api.post("/admin/serial-receipts?dry_run=maybe", fixed, headers))
    expect(malformed.status).toBe(400)
    expect(malformed.message).toContain("'maybe'")
  })

  it("takes a receipt of 10,000 serials in one request", async () => {
    const res = await post({
      stock_location_id: location.id,
      supplier: { name: "Bulk" },
      items: [{ variant_id: drill.id, quantity: 10000, range: { first: "BULK-000001", count: 10000 } }],
    })
    expect(res.data.serial_receipt.serial_counts).toEqual({ active: 10000 })
    expect(await stocked(drill)).toBe(10000)
    expect((await serials("q=BULK-010000")).count).toBe(1)
  })
})
