import { adminHeaders } from "../helpers/admin"
import { createProductWithVariant } from "../helpers/catalog"
import { registerCustomer } from "../helpers/customer"
import { databaseChecksum } from "../helpers/db"
import { createStockedVariant, createStore, serialDetail, TestStore } from "../helpers/store"
import { httpSuite } from "../helpers/suite"

jest.setTimeout(300_000)

const DATE_RULE =
  "an ISO 8601 date (YYYY-MM-DD) or date-time (YYYY-MM-DDTHH:MM:SSZ), a real calendar day of the years 1000 to 9999"

/** Dates no route may take: a day that does not exist, and years Postgres cannot read back. */
const BAD_DATES = ["2027-02-30", "2026-02-29T10:00:00Z", "0000-01-01", "99999-01-01", "+099999-01-01T00:00:00Z"]

/** Characters no stored text may hold, with what the refusal says of each. */
const BAD_TEXT: Array<[string, string]> = [
  ["A\u00001", "contains a NUL character (U+0000)"],
  ["A\u200b1", "contains an invisible formatting character (U+200B)"],
  ["A\u202e1", "contains an invisible formatting character (U+202E)"],
  ["A\u20661", "contains an invisible formatting character (U+2066)"],
  ["A\ud8001", "is not valid Unicode (a lone surrogate U+D800)"],
  ["A\ufffd1", "contains U+FFFD, the mark of bytes that were not valid UTF-8"],
]

/**
 * One date rule and one text rule on every admin write; ownership checks on claims and
 * schedules; errors that say what is wrong. Every refusal is a 400 (or 415, 422) that names
 * the field, and changes nothing.
 */
httpSuite(__filename, ({ api, getContainer }) => {
  let headers: any
  let store: TestStore
  let drill: any
  let serial: any
  let alice: any
  let bob: any
  let series: any
  let claimId: string
  let visitId: string
  let registrationId: string

  const send = (method: "get" | "post", url: string, body?: unknown, extra: Record<string, string> = {}) =>
    api.request({ method, url, data: body, headers: { ...headers.headers, ...extra }, validateStatus: () => true })

  // Once per file: the runner snapshots the database after this and restores it before
  // every test, so each test starts from these rows, and the tokens stay valid.
  beforeAll(async () => {
    const container = getContainer()
    headers = await adminHeaders(api, container)
    store = await createStore(container)
    ;({ variant: drill } = await createStockedVariant(container, store, { title: "Drill", sku: "DRILL-1" }))
    await api.post(`/admin/serial-settings/${drill.id}`, { is_serialized: true, warranty: { value: 1, unit: "year" } }, headers)
    await api.post("/admin/serial-numbers", { variant_id: drill.id, serial_numbers: ["CAF\u00c9-1", "A1", "REG-1"] }, headers)
    serial = await serialDetail(api, headers, "A1")
    series = (await api.post("/admin/serial-series", { name: "Drills", pattern: "D-#####" }, headers)).data.serial_series
    alice = await registerCustomer(api, store.publishableKey, "alice@serials.test")
    bob = await registerCustomer(api, store.publishableKey, "bob@serials.test")
    const registration = await api.post(
      "/store/customers/me/serial-numbers",
      { serial_number: "A1", purchased_at: "2026-01-10" },
      alice.headers
    )
    registrationId = registration.data.registration.id
    await api.post(`/admin/serial-registrations/${registrationId}`, { action: "approve" }, headers)
    claimId = (await api.post("/admin/warranty-claims", { serial_number_id: serial.id, description: "Noisy" }, headers)).data
      .warranty_claim.id
    visitId = (await api.post("/admin/maintenance-visits", { serial_number_id: serial.id, kind: "breakdown" }, headers)).data
      .maintenance_visit.id
  })

  it("refuses a day that does not exist and years outside 1000-9999 on every route that takes a date, naming field and value", async () => {
    const before = await databaseChecksum(getContainer())
    const receipt = (received_at: string) => ({
      stock_location_id: store.locationA.id,
      supplier: { name: "Acme" },
      received_at,
      items: [{ variant_id: drill.id, quantity: 1, serial_numbers: ["NEW-1"] }],
    })
    const routes: Array<[string, (d: string) => Promise<any>]> = [
      ["end_of_life_at", (d) => send("post", "/admin/serial-numbers", { variant_id: drill.id, serial_number: "NEW-1", end_of_life_at: d })],
      ["end_of_life_at", (d) => send("post", `/admin/serial-numbers/${serial.id}`, { end_of_life_at: d })],
      ["warranty_starts_at", (d) => send("post", `/admin/serial-numbers/${serial.id}`, { warranty_starts_at: d })],
      ["warranty_expires_at", (d) => send("post", `/admin/serial-numbers/${serial.id}`, { warranty_expires_at: d })],
      ["received_at", (d) => send("post", "/admin/serial-receipts", receipt(d))],
      ["received_at", (d) => send("post", "/admin/serial-receipts?dry_run=true", receipt(d))],
      ["from", (d) => send("get", `/admin/serial-reports/ledger?from=${encodeURIComponent(d)}`)],
      ["to", (d) => send("get", `/admin/serial-reports/ledger?to=${encodeURIComponent(d)}`)],
      ["completed_at", (d) => send("post", `/admin/maintenance-visits/${visitId}`, { status: "completed", completed_at: d })],
    ]
    for (const [field, call] of routes) {
      for (const day of BAD_DATES) {
        const res = await call(day)
        expect({ field, day, status: res.status, message: res.data.message }).toEqual({
          field,
          day,
          status: 400,
          message: `Invalid request: Field '${field}' must be ${DATE_RULE}, got: '${day}'`,
        })
      }
    }
    expect(await databaseChecksum(getContainer())).toEqual(before)

    // A leap day is a real day, stored as that day.
    const leap = await send("post", `/admin/serial-numbers/${serial.id}`, { end_of_life_at: "2028-02-29" })
    expect(leap.status).toBe(200)
    expect((await serialDetail(api, headers, "A1")).end_of_life_at).toBe("2028-02-29T00:00:00.000Z")
  })

  it("refuses a receipt received in the future", async () => {
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString()
    const res = await send("post", "/admin/serial-receipts", {
      stock_location_id: store.locationA.id,
      supplier: { name: "Acme" },
      received_at: tomorrow,
      items: [{ variant_id: drill.id, quantity: 1, serial_numbers: ["NEW-1"] }],
    })
    expect(res.status).toBe(400)
    expect(res.data.message).toBe(`Invalid request: Field 'received_at' cannot be in the future, got: '${tomorrow}'`)
    expect((await api.get("/admin/serial-receipts", headers)).data.count).toBe(0)
  })

  it("refuses NUL, invisible, direction-control and broken characters in every stored text, naming the field", async () => {
    const before = await databaseChecksum(getContainer())
    const writes: Array<[string, (t: string) => Promise<any>]> = [
      ["serial_numbers", (t) => send("post", "/admin/serial-numbers", { variant_id: drill.id, serial_numbers: [t] })],
      ["notes", (t) => send("post", "/admin/serial-numbers", { variant_id: drill.id, serial_number: "NEW-1", notes: t })],
      ["metadata.plan", (t) => send("post", `/admin/serial-numbers/${serial.id}`, { metadata: { plan: t } })],
      ["notes", (t) => send("post", `/admin/serial-numbers/${serial.id}`, { notes: t })],
      ["supplier.name", (t) => send("post", "/admin/serial-receipts", { stock_location_id: store.locationA.id, supplier: { name: t }, items: [{ variant_id: drill.id, quantity: 1, serial_numbers: ["NEW-1"] }] })],
      ["supplier.reference", (t) => send("post", "/admin/serial-receipts", { stock_location_id: store.locationA.id, supplier: { name: "Acme", reference: t }, items: [{ variant_id: drill.id, quantity: 1, serial_numbers: ["NEW-1"] }] })],
      ["receipt serial", (t) => send("post", "/admin/serial-receipts", { stock_location_id: store.locationA.id, supplier: { name: "Acme" }, items: [{ variant_id: drill.id, quantity: 1, serial_numbers: [t] }] })],
      ["name", (t) => send("post", `/admin/serial-series/${series.id}`, { name: t })],
      ["description", (t) => send("post", "/admin/warranty-claims", { serial_number_id: serial.id, description: t })],
      ["resolution", (t) => send("post", `/admin/warranty-claims/${claimId}`, { resolution: t })],
      ["notes", (t) => send("post", "/admin/maintenance-schedules", { serial_number_ids: [serial.id], type: "preventive", periodicity: "manual", start_date: "2027-01-01", notes: t })],
      ["assignee", (t) => send("post", "/admin/maintenance-schedules", { serial_number_ids: [serial.id], type: "preventive", periodicity: "manual", start_date: "2027-01-01", assignee: t })],
      ["technician", (t) => send("post", `/admin/maintenance-visits/${visitId}`, { technician: t })],
      ["notes", (t) => send("post", `/admin/maintenance-visits/${visitId}`, { notes: t })],
      ["note", (t) => send("post", `/admin/serial-registrations/${registrationId}`, { action: "reject", note: t })],
    ]
    for (const [field, write] of writes) {
      for (const [text, problem] of BAD_TEXT) {
        const res = await write(text)
        const answer = { field, text: JSON.stringify(text), status: res.status, message: String(res.data.message) }
        expect(answer).toEqual({ field, text: JSON.stringify(text), status: 400, message: expect.stringContaining(problem) })
        if (!field.includes(" ")) {
          expect(res.data.message).toContain(field.split(".").pop())
        }
      }
    }
    expect(await databaseChecksum(getContainer())).toEqual(before)
  })

  it("treats a serial typed with a combining accent as the one typed precomposed, and never lets an invisible character make a second A1", async () => {
    const decomposed = await send("post", "/admin/serial-numbers", { variant_id: drill.id, serial_number: "cafe\u0301-1" })
    expect(decomposed.status).toBe(422)
    expect(decomposed.data.message).toBe("Serials already exist: CAF\u00c9-1")
    // Receiving it by its decomposed text receives the serial entered earlier.
    const receipt = await send("post", "/admin/serial-receipts", {
      stock_location_id: store.locationA.id,
      supplier: { name: "Acme" },
      items: [{ variant_id: drill.id, quantity: 1, serial_numbers: ["CAFE\u0301-1"] }],
    })
    expect(receipt.status).toBe(201)
    const cafe = await serialDetail(api, headers, "CAF\u00c9-1")
    expect(cafe).toMatchObject({ status: "active", stock_location_id: store.locationA.id })
    const hidden = await send("post", "/admin/serial-numbers", { variant_id: drill.id, serial_number: "A\u200b1" })
    expect(hidden.status).toBe(400)
    expect((await api.get("/admin/serial-numbers?q=A1", headers)).data.serial_numbers.map((s: any) => s.serial_number)).toEqual(["A1"])
  })

  it("refuses a claim or schedule naming a customer who does not own the serial", async () => {
    const before = await databaseChecksum(getContainer())
    const reg = await serialDetail(api, headers, "REG-1")
    const claims: Array<[any, string]> = [
      [{ serial_number_id: serial.id, description: "x", customer_id: bob.customer.id }, `Serial A1 belongs to customer ${alice.customer.id}, not to customer ${bob.customer.id}: a claim names the serial's own customer`],
      [{ serial_number_id: reg.id, description: "x", customer_id: bob.customer.id }, `Serial REG-1 belongs to no customer, not to customer ${bob.customer.id}: a claim names the serial's own customer`],
    ]
    for (const [body, message] of claims) {
      const res = await send("post", "/admin/warranty-claims", body)
      expect([res.status, res.data.message]).toEqual([400, message])
    }
    const schedule = await send("post", "/admin/maintenance-schedules", {
      serial_number_ids: [serial.id, reg.id],
      type: "preventive",
      periodicity: "manual",
      start_date: "2027-01-01",
      customer_id: alice.customer.id,
    })
    expect(schedule.status).toBe(400)
    expect(schedule.data.message).toBe(
      `A schedule for customer ${alice.customer.id} can hold only that customer's serials; not theirs: REG-1 (no customer)`
    )
    expect(await databaseChecksum(getContainer())).toEqual(before)
    // Bob sees nothing of Alice's serial.
    expect((await api.get("/store/customers/me/warranty-claims", bob.headers)).data.count).toBe(0)
    // The serial's own customer, or none given, is accepted.
    expect((await send("post", "/admin/warranty-claims", { serial_number_id: serial.id, description: "x", customer_id: alice.customer.id })).status).toBe(201)
  })

  it("refuses serials for a variant that is not serialized", async () => {
    const { variant: hammer } = await createProductWithVariant(getContainer(), { title: "Hammer", sku: "HAM-1" })
    const res = await send("post", "/admin/serial-numbers", { variant_id: hammer.id, serial_numbers: ["H-1"] })
    expect(res.status).toBe(400)
    expect(res.data.message).toBe(`Variant ${hammer.id} is not serialized: turn serial tracking on in its settings before entering serials`)
    expect((await api.get(`/admin/serial-numbers?variant_id=${hammer.id}`, headers)).data.count).toBe(0)
  })

  it("says what is wrong: a fractional quantity, a JSON body sent as text/plain", async () => {
    const before = await databaseChecksum(getContainer())
    const fractional = await send("post", "/admin/serial-receipts", {
      stock_location_id: store.locationA.id,
      supplier: { name: "Acme" },
      items: [{ variant_id: drill.id, quantity: 1.5, serial_numbers: ["NEW-1"] }],
    })
    expect(fractional.status).toBe(400)
    expect(fractional.data.message).toBe("Invalid request: Field 'quantity' must be a whole number from 1 to 100000, got: '1.5'")
    const body = JSON.stringify({ variant_id: drill.id, serial_number: "NEW-1" })
    for (const [url, type] of [
      ["/admin/serial-numbers", "text/plain"],
      [`/admin/serial-numbers/${serial.id}`, "text/plain;charset=UTF-8"],
      ["/admin/warranty-claims", "application/x-www-form-urlencoded"],
    ]) {
      const res = await send("post", url, body, { "content-type": type })
      expect(res.status).toBe(415)
      expect(res.data).toEqual({
        type: "unsupported_media_type",
        message: `Content type '${type}' is not accepted: send the body as JSON, with 'Content-Type: application/json'`,
      })
    }
    const customerPlain = await api.post("/store/customers/me/warranty-claims", "serial_number=A1", {
      headers: { ...alice.headers.headers, "content-type": "text/plain" },
      validateStatus: () => true,
    })
    expect(customerPlain.status).toBe(415)
    expect(await databaseChecksum(getContainer())).toEqual(before)
  })

  it("answers every loser of a receipt race the same 400", async () => {
    const post = () =>
      send("post", "/admin/serial-receipts", {
        stock_location_id: store.locationA.id,
        supplier: { name: "Acme" },
        items: [{ variant_id: drill.id, quantity: 3, serial_numbers: ["RACE-1", "RACE-2", "RACE-3"] }],
      })
    const answers = await Promise.all(Array.from({ length: 6 }, post))
    const statuses = answers.map((a) => a.status).sort()
    expect(statuses).toEqual([201, 400, 400, 400, 400, 400])
    const messages = new Set(answers.filter((a) => a.status === 400).map((a) => a.data.message))
    expect([...messages]).toEqual([
      "Receipt refused: serials that already exist and are not awaiting stock: RACE-1 (active), RACE-2 (active), RACE-3 (active)",
    ])
    expect((await api.get("/admin/serial-receipts", headers)).data.count).toBe(1)
  })

  describe("CSV import and export", () => {
    const importCsv = (csv: string | Buffer, query = "") =>
      api.post(`/admin/serial-imports${query}`, csv, {
        headers: { ...headers.headers, "content-type": "text/csv" },
        validateStatus: () => true,
      })

    it("applies the text rule in the dry run exactly as in the import: a NUL is the same 400 in both", async () => {
      const csv = ["serial_number,sku,notes", "N-1,DRILL-1,fine", "N-2,DRILL-1,bad\u0000note", "N\u200b3,DRILL-1,"].join("\n")
      const errors = [
        { row: 3, column: "notes", value: "bad\u0000note", message: "'notes' contains a NUL character (U+0000)" },
        { row: 4, column: "serial_number", value: "N\u200b3", message: "'serial_number' contains an invisible formatting character (U+200B)" },
      ]
      const dry = await importCsv(csv, "?dry_run=true")
      expect(dry.status).toBe(200)
      expect(dry.data.import).toMatchObject({ dry_run: true, error_count: 2, errors })
      const real = await importCsv(csv)
      expect(real.status).toBe(400)
      expect(real.data).toMatchObject({ error_count: 2, errors })
      expect((await api.get("/admin/serial-numbers?q=N-", headers)).data.count).toBe(0)
    })

    it("refuses bytes that are not UTF-8, naming row and column, instead of storing �", async () => {
      const latin1 = Buffer.concat([
        Buffer.from("serial_number,sku,supplier\nL-1,DRILL-1,Acme\nL-2,DRILL-1,M"),
        Buffer.from([0xfc]),
        Buffer.from("ller\n"),
      ])
      const res = await importCsv(latin1)
      expect(res.status).toBe(400)
      expect(res.data.errors).toEqual([
        { row: 3, column: "supplier", value: "M\ufffdller", message: "'supplier' contains U+FFFD, the mark of bytes that were not valid UTF-8" },
      ])
    })

    it("answers a quote inside an unquoted value with a 400 naming the line", async () => {
      const res = await importCsv(['serial_number,sku', "Q-1,DRILL-1", 'SN-C"1,DRILL-1'].join("\n"))
      expect(res.status).toBe(400)
      expect(res.data.message).toMatch(/^The file is not valid CSV at line 3: Invalid Opening Quote/)
      expect(res.data.errors).toEqual([expect.objectContaining({ row: 3, message: expect.stringMatching(/^The file is not valid CSV at line 3: /) })])
      expect((await api.get("/admin/serial-numbers?q=Q-1", headers)).data.count).toBe(0)
    })

    it("exports a value starting with | as text, not a formula", async () => {
      await api.post("/admin/serial-numbers", { variant_id: drill.id, serial_number: "P-1", notes: "|calc" }, headers)
      const res = await api.get("/admin/serial-numbers/export?q=P-1", { ...headers, responseType: "text", transformResponse: (d: any) => d })
      expect(String(res.data)).toContain(",'|calc,")
    })
  })
})
