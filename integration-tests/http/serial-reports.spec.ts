import { createStockLocationsWorkflow } from "@medusajs/core-flows"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { adminHeaders } from "../helpers/admin"
import { createProductWithVariant } from "../helpers/catalog"
import { failure, statusOf } from "../helpers/http"
import { httpSuite } from "../helpers/suite"
import { REPORT_COUNT_CAP } from "../../src/modules/serial/types"

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

  it("expiries-by-month: warranties and contracts ending per calendar month, from this month on, zeros included", async () => {
    await api.post(
      "/admin/maintenance-schedules",
      { serial_number_ids: [serials["S-1"]], type: "amc", periodicity: "manual", start_date: dayFromToday(-300), end_date: dayFromToday(10) },
      headers
    )
    const now = new Date()
    const monthOf = (iso: string) => iso.slice(0, 7)
    const months = Array.from({ length: 4 }, (_, n) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + n, 1)).toISOString().slice(0, 7))
    const expected = (only?: string[]) =>
      months.map((month) => ({
        month,
        warranty: Object.entries(expiresAt).filter(([text, at]) => monthOf(at) === month && (!only || only.includes(text))).length,
        contract: !only && monthOf(`${dayFromToday(10)}T00:00:00.000Z`) === month ? 1 : 0,
      }))
    const all = await report("expiries-by-month?months=4")
    expect(all).toEqual({ report: "expiries-by-month", months: expected() })
    // Whatever the day: the ends in 5 and 20 days always fall in these four months.
    expect(all.months.reduce((n: number, m: any) => n + m.warranty, 0)).toBeGreaterThanOrEqual(2)
    expect((await report("expiries-by-month")).months).toHaveLength(12)
    const atSouth = await report(`expiries-by-month?months=4&stock_location_id=${south.id}`)
    expect(atSouth.months).toEqual(expected(["D-4"]))
    for (const [path, named] of [
      ["expiries-by-month?months=0", "months"],
      ["expiries-by-month?months=37", "months"],
      ["expiries-by-month?within_days=3", "within_days"],
    ]) {
      const err = await failure(api.get(`/admin/serial-reports/${path}`, headers), path)
      expect({ path, status: err.status }).toEqual({ path, status: 400 })
      expect(err.message).toContain(named)
    }
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

  /** Every page of a report by cursor, `limit` rows a page: the rows in order, and each answer. */
  const walkByCursor = async (path: string, limit: number) => {
    const rows: any[] = []
    const pages: any[] = []
    let after: string | null = null
    for (let n = 0; n < 100; n++) {
      const page = await report(`${path}&limit=${limit}${after ? `&after=${encodeURIComponent(after)}` : ""}`)
      rows.push(...page.rows)
      pages.push(page)
      after = page.next_cursor
      if (!after) {
        return { rows, pages }
      }
    }
    throw new Error(`more than 100 pages of ${path}`)
  }

  /** The same by offset, page after page until one says it is the last. */
  const walkByOffset = async (path: string, limit: number) => {
    const rows: any[] = []
    for (let offset = 0; offset < 100 * limit; offset += limit) {
      const page = await report(`${path}&limit=${limit}&offset=${offset}`)
      rows.push(...page.rows)
      if (!page.next_cursor) {
        return rows
      }
    }
    throw new Error(`more than 100 pages of ${path}`)
  }

  /** a before b with NULLs last: -1, 0 or 1. */
  const nullsLast = (a: string | null, b: string | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1)

  it("ledger by stock location: the entries that moved a serial from or to it, newest first", async () => {
    const all = (await report("ledger?limit=1000")).rows
    const touching = (id: string) => all.filter((r: any) => r.from_location_id === id || r.to_location_id === id).map((r: any) => r.id)
    const atSouth = await report(`ledger?limit=1000&stock_location_id=${south.id}`)
    expect(atSouth.rows.map((r: any) => r.id)).toEqual(touching(south.id))
    expect(atSouth.rows.map((r: any) => r.serial_number)).toContain("D-4")
    const atNorth = await report(`ledger?limit=1000&stock_location_id=${north.id}`)
    expect(atNorth.rows.map((r: any) => r.id)).toEqual(touching(north.id))
    // D-1 left North when delivered: that entry is North's too.
    expect(atNorth.rows).toEqual(expect.arrayContaining([expect.objectContaining({ serial_number: "D-1", type: "deliver", from_location_id: north.id })]))
    // Both, paged by cursor one at a time, give the same entries.
    const both = (await report(`ledger?limit=1000&stock_location_id=${north.id}&stock_location_id=${south.id}`)).rows.map((r: any) => r.id)
    expect([...both].sort()).toEqual([...new Set([...touching(north.id), ...touching(south.id)])].sort())
    const walked: string[] = []
    let after: string | null = null
    do {
      const page: any = await report(`ledger?limit=1&stock_location_id=${north.id}&stock_location_id=${south.id}${after ? `&after=${after}` : ""}`)
      walked.push(...page.rows.map((r: any) => r.id))
      after = page.next_cursor
    } while (after)
    expect(walked).toEqual(both)
  })

  it("walks every report to its end by next_cursor in pages of 1, 2 and 3: each row once, in the report's order, as the offset pages and one big page have them", async () => {
    const knex = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
    // Ties on every order: S-1 and S-9 end their warranty with D-2; D-2, D-3 and S-1 their
    // contract on one day; the receipts' six ledger rows written in one instant (to the
    // microsecond, which a cursor must keep to find the rest of them).
    for (const text of ["S-1", "S-9"]) {
      await api.post(`/admin/serial-numbers/${serials[text]}`, { warranty_expires_at: expiresAt["D-2"] }, headers)
    }
    await api.post(
      "/admin/maintenance-schedules",
      { serial_number_ids: [serials["D-2"], serials["D-3"], serials["S-1"]], type: "amc", periodicity: "manual", start_date: dayFromToday(-300), end_date: dayFromToday(100) },
      headers
    )
    await api.post(
      "/admin/maintenance-schedules",
      { serial_number_ids: [serials["D-4"]], type: "amc", periodicity: "manual", start_date: dayFromToday(-300), end_date: dayFromToday(10) },
      headers
    )
    await knex.raw(
      `UPDATE serial_ledger_entry SET created_at = (SELECT min(created_at) + interval '1.234567 seconds' FROM serial_ledger_entry WHERE type = 'receive') WHERE type = 'receive'`
    )
    // Serials without a product (product_id may be empty): the summary's groups with an
    // empty product, in stock at North and out of stock, come last.
    await knex.raw(`UPDATE serial_number SET product_id = NULL WHERE id IN (?, ?)`, [serials["D-2"], serials["S-9"]])

    /** Each report, and whether a row comes before the next in its order (ties broken by id). */
    const reports: Array<[string, (a: any, b: any) => boolean]> = [
      ["summary?", (a, b) => (nullsLast(a.product_id, b.product_id) || nullsLast(a.stock_location_id, b.stock_location_id)) < 0],
      [
        "summary?group_by=variant",
        (a, b) => (nullsLast(a.product_id, b.product_id) || nullsLast(a.variant_id, b.variant_id) || nullsLast(a.stock_location_id, b.stock_location_id)) < 0,
      ],
      ["warranty-expiry?within_days=60", (a, b) => (nullsLast(a.warranty_expires_at, b.warranty_expires_at) || nullsLast(a.id, b.id)) < 0],
      ["contract-expiry?within_days=365", (a, b) => (nullsLast(a.contract_expires_at, b.contract_expires_at) || nullsLast(a.id, b.id)) < 0],
      // The API shows times to the millisecond: rows within one of them are in the order of
      // their microseconds, and the tied receipt rows by id, newest id first.
      [
        "ledger?",
        (a, b) => a.created_at > b.created_at || (a.created_at === b.created_at && (a.type !== "receive" || b.type !== "receive" || a.id > b.id)),
      ],
    ]
    const sizes: Record<string, number> = {}
    for (const [path, before] of reports) {
      const whole = await report(`${path}&limit=1000`)
      expect({ path, next_cursor: whole.next_cursor, count_is_estimate: whole.count_is_estimate }).toEqual({ path, next_cursor: null, count_is_estimate: false })
      expect(whole.count).toBe(whole.rows.length)
      sizes[path] = whole.rows.length
      for (let i = 1; i < whole.rows.length; i++) {
        expect({ path, i, inOrder: before(whole.rows[i - 1], whole.rows[i]) }).toEqual({ path, i, inOrder: true })
      }
      for (const limit of [1, 2, 3]) {
        const { rows, pages } = await walkByCursor(path, limit)
        expect({ path, limit, rows }).toEqual({ path, limit, rows: whole.rows })
        expect({ path, limit, rows: await walkByOffset(path, limit) }).toEqual({ path, limit, rows: whole.rows })
        for (const [n, page] of pages.entries()) {
          expect({ path, limit, n, rows: page.rows.length }).toEqual({ path, limit, n, rows: n < pages.length - 1 ? limit : expect.any(Number) })
          expect(page).toMatchObject({ count: whole.count, count_is_estimate: false, offset: 0, limit })
        }
      }
    }
    expect(sizes).toEqual({
      // Drill at North, South and out of stock; Saw at North and out of stock; no product at North and out of stock.
      "summary?": 7,
      "summary?group_by=variant": 7,
      "warranty-expiry?within_days=60": 5,
      "contract-expiry?within_days=365": 4,
      "ledger?": expect.any(Number),
    })
    const summaryRows = await report("summary?&limit=1000")
    expect(summaryRows.rows.slice(-2).map((r: any) => [r.product_id, r.stock_location_id])).toEqual([
      [null, north.id],
      [null, null],
    ])

    // An offset page gives a cursor too, and its next page is the next offset page.
    const third = await report("ledger?limit=2&offset=4")
    const fourth = await report(`ledger?limit=2&after=${encodeURIComponent(third.next_cursor)}`)
    expect(fourth.rows).toEqual((await report("ledger?limit=2&offset=6")).rows)
    // Filters apply to every page alike.
    const receipts = await walkByCursor("ledger?type=receive", 4)
    expect(receipts.rows.map((r: any) => r.type)).toEqual(Array(6).fill("receive"))
    expect(receipts.pages.map((p: any) => p.count)).toEqual([6, 6])
  })

  it(`counts a report exactly up to ${REPORT_COUNT_CAP} rows, then shows Postgres' estimate marked as one, and still pages by cursor`, async () => {
    const texts = Array.from({ length: REPORT_COUNT_CAP }, (_, i) => `BULK-${String(i).padStart(6, "0")}`)
    await api.post("/admin/serial-numbers", { variant_id: saw.id, serial_numbers: texts }, headers)
    await getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION).raw("ANALYZE serial_ledger_entry")

    const big = await report("ledger?limit=50")
    expect(big.count_is_estimate).toBe(true)
    // Postgres' row estimate of the ledger: near its 10,013 rows, and never within the cap.
    expect(big.count).toBeGreaterThan(REPORT_COUNT_CAP)
    expect(big.count).toBeLessThan(11_500)
    const second = await report(`ledger?limit=50&after=${encodeURIComponent(big.next_cursor)}`)
    expect(second).toMatchObject({ count_is_estimate: true, offset: 0 })
    expect(second.rows).toHaveLength(50)
    expect(second.rows.map((r: any) => r.id)).not.toContain(big.rows[49].id)
    expect(second.rows.map((r: any) => r.id)).toEqual((await report("ledger?limit=50&offset=50")).rows.map((r: any) => r.id))

    // A narrower filter is counted exactly again, as is the summary's handful of groups.
    expect(await report("ledger?type=receive")).toMatchObject({ count: 6, count_is_estimate: false })
    expect(await report("summary?")).toMatchObject({ count: 5, count_is_estimate: false })
  })

  it("refuses a cursor with an offset, a cursor that is not one, and one of another report or order or altered, naming it", async () => {
    const ledgerPage = await report("ledger?limit=2")
    const ledgerCursor: string = ledgerPage.next_cursor
    expect(ledgerCursor).toEqual(expect.any(String))

    const both = await failure(api.get(`/admin/serial-reports/ledger?limit=2&offset=2&after=${encodeURIComponent(ledgerCursor)}`, headers))
    expect(both).toEqual({ status: 400, message: expect.stringContaining("Give 'after' or 'offset', not both (got offset 2)") })

    for (const name of ["summary", "warranty-expiry", "contract-expiry", "ledger"]) {
      const garbage = await failure(api.get(`/admin/serial-reports/${name}?after=not-a-cursor`, headers), name)
      expect({ name, ...garbage }).toEqual({ name, status: 400, message: expect.stringContaining("Invalid cursor 'not-a-cursor'") })
    }

    const named = (cursor: string) => expect.stringContaining(`Invalid cursor '${cursor.slice(0, 100)}'`)
    const summaryCursor: string = (await report("summary?limit=1")).next_cursor
    const warrantyCursor: string = (await report("warranty-expiry?within_days=60&limit=1")).next_cursor
    for (const [path, cursor, because] of [
      ["warranty-expiry?within_days=60", ledgerCursor, "not made for the warranty-expiry report"],
      ["contract-expiry?within_days=60", warrantyCursor, "not made for the contract-expiry report"],
      ["ledger?", summaryCursor, "not made for the ledger report"],
      ["summary?", ledgerCursor, "not made for the summary by product report"],
      // Grouped by variant, the summary is another order, with a longer key.
      ["summary?group_by=variant", summaryCursor, "pass the next_cursor of the previous page"],
    ]) {
      const err = await failure(api.get(`/admin/serial-reports/${path}&after=${encodeURIComponent(cursor)}`, headers), path)
      expect({ path, ...err }).toEqual({ path, status: 400, message: named(cursor) })
      expect({ path, message: err.message }).toEqual({ path, message: expect.stringContaining(because) })
    }

    // Altered cursors: a time that is not one, a NUL that Postgres cannot take, an empty
    // key where the report has none.
    const forge = (values: unknown[]) => Buffer.from(JSON.stringify(values), "utf8").toString("base64url")
    const [, time, id] = JSON.parse(Buffer.from(ledgerCursor, "base64url").toString("utf8"))
    for (const [path, cursor] of [
      ["ledger?", forge(["ledger", "yesterday", id])],
      ["ledger?", forge(["ledger", time, null])],
      ["ledger?", forge(["ledger", time, "snled_\u0000"])],
      ["warranty-expiry?", forge(["warranty-expiry", "2026-02-30 00:00:00+00", id])],
      ["summary?group_by=variant", forge(["summary by variant", null, null, null])],
    ]) {
      const err = await failure(api.get(`/admin/serial-reports/${path}&after=${cursor}`, headers), cursor)
      expect({ path, ...err }).toEqual({ path, status: 400, message: named(cursor) })
    }
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
