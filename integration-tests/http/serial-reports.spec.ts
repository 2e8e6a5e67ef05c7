import { createStockLocationsWorkflow } from "@medusajs/core-flows"
import { adminHeaders } from "../helpers/admin"
import { createProductWithVariant } from "../helpers/catalog"
import { failure, statusOf } from "../helpers/http"
import { httpSuite } from "../helpers/suite"

jest.setTimeout(180_000)

const DAY_MS = 86_400_000
const inDays = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString()
const dayFromToday = (days: number) => inDays(days).slice(0, 10)
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/

httpSuite(__filename, ({ api, getContainer }) => {
  let headers: any
  let north: any
  let south: any
  let drill: any
  let saw: any
  let serials: Record<string, string>
  /** The warranty end each serial was given, by serial text. */
  const expiresAt: Record<string, string> = {}
  /** When the fixtures were written (the ledger rows' creation times lie in between). */
  let fixturesFrom: number
  let fixturesTo: number

  // Once per file: the runner snapshots the database after this and restores it before
  // every test, so each test starts from exactly these rows. The warranty ends are days
  // from now, and a file runs in well under a minute: still 5, 20, 45 and -2 days away
  // when the tests read them.
  beforeAll(async () => {
    fixturesFrom = Date.now()
    const container = getContainer()
    headers = await adminHeaders(api, container)
    const { result } = await createStockLocationsWorkflow(container).run({
      input: { locations: [{ name: "North" }, { name: "South" }] },
    })
    ;[north, south] = result
    ;({ variant: drill } = await createProductWithVariant(container, { title: "Drill", sku: "DRL" }))
    ;({ variant: saw } = await createProductWithVariant(container, { title: "Saw", sku: "SAW" }))
    for (const v of [drill, saw]) {
      await api.post(`/admin/serial-settings/${v.id}`, { is_serialized: true }, headers)
    }
    const receive = (location: any, variant: any, texts: string[]) =>
      api.post(
        "/admin/serial-receipts",
        { stock_location_id: location.id, supplier: { name: "Acme" }, items: [{ variant_id: variant.id, quantity: texts.length, serial_numbers: texts }] },
        headers
      )
    await receive(north, drill, ["D-1", "D-2", "D-3"])
    await receive(south, drill, ["D-4"])
    await receive(north, saw, ["S-1", "S-2"])
    await api.post("/admin/serial-numbers", { variant_id: saw.id, serial_numbers: ["S-9"] }, headers)
    const list = await api.get("/admin/serial-numbers?limit=100", headers)
    serials = Object.fromEntries(list.data.serial_numbers.map((s: any) => [s.serial_number, s.id]))

    // D-1 delivered (leaves North); S-2 scrapped.
    const service: any = container.resolve("serial")
    await service.moveSerials({ ids: [serials["D-1"]], movement: "deliver", set: { delivered_at: new Date() } })
    await service.moveSerials({ ids: [serials["S-2"]], movement: "scrap" })

    // Warranties: D-1 ends in 5 days, D-2 in 20, D-3 in 45, D-4 ended 2 days ago.
    for (const [text, days] of [
      ["D-1", 5],
      ["D-2", 20],
      ["D-3", 45],
      ["D-4", -2],
    ] as const) {
      expiresAt[text] = inDays(days)
      await api.post(
        `/admin/serial-numbers/${serials[text]}`,
        { warranty_starts_at: inDays(-300), warranty_expires_at: expiresAt[text] },
        headers
      )
    }
    fixturesTo = Date.now()
  })

  const report = (path: string) => api.get(`/admin/serial-reports/${path}`, headers).then((r: any) => r.data)

  it("summary: serials per product and location, counted by status, paginated", async () => {
    const all = await report("summary")
    expect(all).toMatchObject({ report: "summary", count: 5, offset: 0, limit: 50 })
    const rows = Object.fromEntries(
      all.rows.map((r: any) => [`${r.product_id === drill.product_id ? "drill" : "saw"}@${r.stock_location_id === north.id ? "north" : r.stock_location_id === south.id ? "south" : "none"}`, r])
    )
    expect(rows["drill@north"]).toMatchObject({ total: 2, active: 2, delivered: 0 })
    expect(rows["drill@none"]).toMatchObject({ total: 1, delivered: 1 })
    expect(rows["drill@south"]).toMatchObject({ total: 1, active: 1 })
    expect(rows["saw@north"]).toMatchObject({ total: 1, active: 1, scrapped: 0 })
    // scrapped and inactive serials have no location
    expect(rows["saw@none"]).toMatchObject({ total: 2, scrapped: 1, inactive: 1, active: 0 })

    const page = await report("summary?limit=2&offset=4")
    expect(page).toMatchObject({ count: 5, limit: 2, offset: 4 })
    expect(page.rows).toHaveLength(1)
    const beyond = await report("summary?offset=10")
    expect(beyond).toMatchObject({ count: 5, rows: [] })

    const south_ = await report(`summary?stock_location_id=${south.id}`)
    expect(south_.rows).toEqual([expect.objectContaining({ product_id: drill.product_id, stock_location_id: south.id, total: 1 })])
    const saws = await report(`summary?product_id=${saw.product_id}`)
    expect(saws.count).toBe(2)
  })

  it("summary by variant: one row per variant and location, filtered on a variant", async () => {
    const byVariant = await report(`summary?group_by=variant&stock_location_id=${north.id}&limit=10`)
    expect(byVariant.count).toBe(2)
    const rows = Object.fromEntries(byVariant.rows.map((r: any) => [r.variant_id, r]))
    expect(rows[drill.id]).toMatchObject({ product_id: drill.product_id, stock_location_id: north.id, total: 2, active: 2 })
    expect(rows[saw.id]).toMatchObject({ product_id: saw.product_id, stock_location_id: north.id, total: 1, active: 1 })

    const drills = await report(`summary?variant_id=${drill.id}`)
    expect(drills.rows.map((r: any) => r.total).reduce((a: number, b: number) => a + b, 0)).toBe(4)
    expect(drills.rows.every((r: any) => r.product_id === drill.product_id)).toBe(true)
    // Grouped by product (the default), the rows carry no variant.
    expect(drills.rows[0].variant_id).toBeUndefined()
  })

  it("warranty-expiry: serials whose warranty ends within N days, soonest first", async () => {
    const month = await report("warranty-expiry")
    expect(month).toMatchObject({ report: "warranty-expiry", within_days: 30, count: 2 })
    expect(month.rows.map((r: any) => r.serial_number)).toEqual(["D-1", "D-2"])
    expect(month.rows[0]).toMatchObject({
      id: serials["D-1"],
      status: "delivered",
      warranty_expires_at: expiresAt["D-1"],
      maintenance_status: "under_warranty",
    })
    expect((await report("warranty-expiry?within_days=7")).rows.map((r: any) => r.serial_number)).toEqual(["D-1"])
    expect((await report("warranty-expiry?within_days=60")).rows.map((r: any) => r.serial_number)).toEqual(["D-1", "D-2", "D-3"])
    expect((await report("warranty-expiry?within_days=60&status=active")).rows.map((r: any) => r.serial_number)).toEqual(["D-2", "D-3"])
    const page = await report("warranty-expiry?within_days=60&limit=1&offset=1")
    expect(page).toMatchObject({ count: 3, limit: 1, offset: 1 })
    expect(page.rows.map((r: any) => r.serial_number)).toEqual(["D-2"])
  })

  it("contract-expiry: serials whose service contract ends within N days", async () => {
    await api.post(
      "/admin/maintenance-schedules",
      {
        serial_number_ids: [serials["S-1"]],
        type: "amc",
        periodicity: "manual",
        start_date: dayFromToday(-300),
        end_date: dayFromToday(10),
      },
      headers
    )
    await api.post(
      "/admin/maintenance-schedules",
      {
        serial_number_ids: [serials["D-3"]],
        type: "amc",
        periodicity: "manual",
        start_date: dayFromToday(-300),
        end_date: dayFromToday(100),
      },
      headers
    )
    const soon = await report("contract-expiry?within_days=30")
    expect(soon.rows.map((r: any) => [r.serial_number, r.contract_expires_at, r.maintenance_status])).toEqual([
      ["S-1", `${dayFromToday(10)}T00:00:00.000Z`, "under_amc"],
    ])
    expect((await report("contract-expiry?within_days=365")).count).toBe(2)
  })

  it("ledger: entries filtered by serial, type, reference and dates, newest first", async () => {
    const mine = await report(`ledger?serial_number_id=${serials["D-1"]}`)
    expect(mine.rows.map((r: any) => r.type)).toEqual(["warranty_override", "deliver", "receive"])
    expect(mine.rows[0]).toMatchObject({ serial_number: "D-1", created_at: expect.stringMatching(ISO_DATE_TIME) })
    // Written by the fixtures above (1 s of slack for the database's clock and rounding).
    const created = Date.parse(mine.rows[0].created_at)
    expect(created).toBeGreaterThanOrEqual(fixturesFrom - 1000)
    expect(created).toBeLessThanOrEqual(fixturesTo + 1000)

    const receipts = await report("ledger?type=receive")
    expect(receipts.count).toBe(6)
    const both = await report(`ledger?type=deliver&type=scrap`)
    expect(both.rows.map((r: any) => r.serial_number).sort()).toEqual(["D-1", "S-2"])
    const byRef = await report(`ledger?reference_type=purchase_receipt&reference_id=${mine.rows[2].reference_id}`)
    expect(byRef.rows.map((r: any) => r.serial_number).sort()).toEqual(["D-1", "D-2", "D-3"])

    expect((await report(`ledger?from=${inDays(1)}`)).count).toBe(0)
    expect((await report(`ledger?to=${dayFromToday(-1)}`)).count).toBe(0)
    const today = await report(`ledger?from=${dayFromToday(0)}&to=${dayFromToday(0)}&limit=3`)
    expect(today).toMatchObject({ count: 13, limit: 3 })
    expect(today.rows).toHaveLength(3)
  })

  it("refuses unknown reports with a 404 naming them, bad queries with a 400 naming field and value", async () => {
    const unknown = await failure(api.get("/admin/serial-reports/inventory-value", headers))
    expect(unknown.status).toBe(404)
    expect(unknown.message).toContain("inventory-value")
    expect(unknown.message).toContain("summary")

    for (const [path, named] of [
      ["warranty-expiry?within_days=soon", "soon"],
      ["warranty-expiry?within_days=-1", "within_days"],
      ["contract-expiry?status=lost", "lost"],
      ["summary?limit=0", "limit"],
      ["summary?limit=ten", "ten"],
      ["summary?within_days=3", "within_days"],
      ["summary?group_by=colour", "colour"],
      ["ledger?from=yesterday", "yesterday"],
      ["ledger?to=%2B275760-09-13", "275760"],
      ["ledger?from=0000-01-01", "0000-01-01"],
      ["ledger?colour=red", "colour"],
      ["ledger?a.b.c=1", "a.b.c"],
    ]) {
      const err = await failure(api.get(`/admin/serial-reports/${path}`, headers), path)
      expect({ path, status: err.status }).toEqual({ path, status: 400 })
      expect({ path, message: err.message }).toEqual({ path, message: expect.stringContaining(named) })
    }
  })

  it("answers 401 without a login", async () => {
    for (const name of ["summary", "warranty-expiry", "contract-expiry", "ledger", "nope"]) {
      expect(await statusOf(api.get(`/admin/serial-reports/${name}`))).toBe(401)
    }
  })
})
