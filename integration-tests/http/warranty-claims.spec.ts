import { createCustomersWorkflow } from "@medusajs/core-flows"
import { adminHeaders } from "../helpers/admin"
import { createProductWithVariant } from "../helpers/catalog"
import { failure, statusOf } from "../helpers/http"
import { httpSuite } from "../helpers/suite"

jest.setTimeout(180_000)

const DAY_MS = 86_400_000
/** The end (23:59:59.999 UTC) of a day relative to today. */
const endOfDay = (days: number) => {
  const d = new Date(Date.now() + days * DAY_MS)
  d.setUTCHours(23, 59, 59, 999)
  return d.toISOString()
}

httpSuite(__filename, ({ api, getContainer }) => {
  let headers: any
  let serials: Record<string, string>

  // Once per file: the runner snapshots the database after this and restores it before
  // every test, so each test starts from exactly these serials and no claim. The warranty
  // ends are days relative to today, and the file runs in well under a minute.
  beforeAll(async () => {
    const container = getContainer()
    headers = await adminHeaders(api, container)
    const { variant } = await createProductWithVariant(container, { title: "Heat pump", sku: "HP-1" })
    await api.post(`/admin/serial-settings/${variant.id}`, { is_serialized: true }, headers)
    const res = await api.post(
      "/admin/serial-numbers",
      { variant_id: variant.id, serial_numbers: ["HP-A", "HP-B", "HP-C", "HP-D"] },
      headers
    )
    serials = Object.fromEntries(res.data.serial_numbers.map((s: any) => [s.serial_number, s.id]))
    // HP-A: warranty to the end of today (its last day); HP-B: warranty ended yesterday;
    // HP-C: warranty ended yesterday but a service contract runs; HP-D: neither.
    await api.post(`/admin/serial-numbers/${serials["HP-A"]}`, { warranty_starts_at: "2025-01-01T00:00:00Z", warranty_expires_at: endOfDay(0) }, headers)
    await api.post(`/admin/serial-numbers/${serials["HP-B"]}`, { warranty_starts_at: "2025-01-01T00:00:00Z", warranty_expires_at: endOfDay(-1) }, headers)
    await api.post(`/admin/serial-numbers/${serials["HP-C"]}`, { warranty_starts_at: "2025-01-01T00:00:00Z", warranty_expires_at: endOfDay(-1) }, headers)
    await api.post(
      "/admin/maintenance-schedules",
      {
        serial_number_ids: [serials["HP-C"]],
        type: "amc",
        periodicity: "manual",
        start_date: new Date().toISOString().slice(0, 10),
        end_date: new Date(Date.now() + 365 * DAY_MS).toISOString().slice(0, 10),
      },
      headers
    )
  })

  const file = (serial: string, description = "It makes a noise") =>
    api.post("/admin/warranty-claims", { serial_number_id: serials[serial], description }, headers).then((r: any) => r.data.warranty_claim)

  describe("POST /admin/warranty-claims", () => {
    it("computes coverage at filing, on the last day of the warranty and the day after", async () => {
      const lastDay = await api.post(
        "/admin/warranty-claims",
        { serial_number_id: serials["HP-A"], description: "Does not heat" },
        headers
      )
      expect(lastDay.status).toBe(201)
      expect(lastDay.data.warranty_claim).toMatchObject({
        serial_number_id: serials["HP-A"],
        serial_number: "HP-A",
        description: "Does not heat",
        status: "open",
        maintenance_status: "under_warranty",
        covered: true,
        warranty_expires_at: endOfDay(0),
        contract_expires_at: null,
        visits: [],
      })
      // The first claim since the database was restored: numbering starts at 1.
      expect(lastDay.data.warranty_claim.display_id).toBe(1)

      expect(await file("HP-B")).toMatchObject({ maintenance_status: "out_of_warranty", covered: false, warranty_expires_at: endOfDay(-1) })
      expect(await file("HP-C")).toMatchObject({ maintenance_status: "under_amc", covered: true })
      expect(await file("HP-D")).toMatchObject({ maintenance_status: null, covered: false })

      const ledger = (await api.get(`/admin/serial-numbers/${serials["HP-A"]}`, headers)).data.serial_number.ledger
      expect(ledger[ledger.length - 1]).toMatchObject({
        type: "warranty_claim",
        reference_type: "claim",
        reference_id: lastDay.data.warranty_claim.id,
      })
    })

    it("keeps the coverage of the day of filing when the serial's warranty changes later", async () => {
      const claim = await file("HP-A")
      await api.post(`/admin/serial-numbers/${serials["HP-A"]}`, { warranty_expires_at: endOfDay(-30) }, headers)
      const read = await api.get(`/admin/warranty-claims/${claim.id}`, headers)
      expect(read.data.warranty_claim).toMatchObject({ maintenance_status: "under_warranty", covered: true, warranty_expires_at: endOfDay(0) })
    })

    it("takes the serial's customer, and refuses a customer who does not own the serial", async () => {
      const { result } = await createCustomersWorkflow(getContainer()).run({
        input: { customersData: [{ email: "owner@serials.test", first_name: "Olga" }] },
      })
      const res = await api.post(
        "/admin/warranty-claims",
        { serial_number_id: serials["HP-D"], description: "Rattles", customer_id: result[0].id },
        { ...headers, validateStatus: () => true }
      )
      expect(res.status).toBe(400)
      expect(res.data.message).toBe(
        `Serial HP-D belongs to no customer, not to customer ${result[0].id}: a claim names the serial's own customer`
      )
      expect((await file("HP-B")).customer_id).toBeNull()
    })

    it("refuses what the server decides, malformed bodies and unknown ids, and writes nothing", async () => {
      const cases: Array<[Record<string, unknown>, number, string[]]> = [
        [{ serial_number_id: serials["HP-B"], description: "x", covered: true }, 400, ["covered"]],
        [{ serial_number_id: serials["HP-B"], description: "x", maintenance_status: "under_warranty" }, 400, ["maintenance_status"]],
        [{ serial_number_id: serials["HP-B"], description: "   " }, 400, ["description"]],
        [{ serial_number_id: serials["HP-B"] }, 400, ["description"]],
        [{ serial_number_id: serials["HP-B"], description: 42 }, 400, ["description", "42"]],
        [{ description: "x" }, 400, ["serial_number_id"]],
        [{ serial_number_id: "sn_nope", description: "x" }, 404, ["sn_nope"]],
        [{ serial_number_id: serials["HP-B"], description: "x", customer_id: "cus_nope" }, 404, ["cus_nope"]],
      ]
      for (const [body, status, named] of cases) {
        const err = await failure(api.post("/admin/warranty-claims", body, headers), JSON.stringify(body))
        expect({ body, status: err.status }).toEqual({ body, status })
        for (const part of named) {
          expect({ body, message: err.message }).toEqual({ body, message: expect.stringContaining(part) })
        }
      }
      expect((await api.get("/admin/warranty-claims", headers)).data.count).toBe(0)
    })
  })

  describe("POST /admin/warranty-claims/:id", () => {
    it("moves a claim open -> in_progress -> resolved with a resolution, a replacement and its visits", async () => {
      const claim = await file("HP-A")
      const breakdown = await api.post(
        "/admin/maintenance-visits",
        { serial_number_id: serials["HP-A"], kind: "breakdown", warranty_claim_id: claim.id, technician: "Tom" },
        headers
      )
      const other = await api.post(
        "/admin/maintenance-visits",
        { serial_number_id: serials["HP-A"], kind: "unscheduled", status: "completed" },
        headers
      )
      expect((await api.get(`/admin/warranty-claims/${claim.id}`, headers)).data.warranty_claim.visits.map((v: any) => v.id)).toEqual([
        breakdown.data.maintenance_visit.id,
      ])

      const working = await api.post(`/admin/warranty-claims/${claim.id}`, { status: "in_progress" }, headers)
      expect(working.data.warranty_claim).toMatchObject({ status: "in_progress", closed_at: null })

      const resolving = Date.now()
      const resolved = await api.post(
        `/admin/warranty-claims/${claim.id}`,
        {
          status: "resolved",
          resolution: "Unit replaced",
          replacement_serial_number_id: serials["HP-D"],
          visit_ids: [other.data.maintenance_visit.id],
        },
        headers
      )
      expect(resolved.data.warranty_claim).toMatchObject({
        status: "resolved",
        resolution: "Unit replaced",
        replacement_serial_number_id: serials["HP-D"],
      })
      // Closed by this request (1 s of slack for the database's clock and rounding).
      const closedAt = resolved.data.warranty_claim.closed_at
      expect(closedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/)
      expect(Date.parse(closedAt)).toBeGreaterThanOrEqual(resolving - 1000)
      expect(Date.parse(closedAt)).toBeLessThanOrEqual(Date.now() + 1000)
      // visit_ids is the claim's whole list: the breakdown visit is no longer linked
      expect(resolved.data.warranty_claim.visits.map((v: any) => [v.id, v.serial_number])).toEqual([
        [other.data.maintenance_visit.id, "HP-A"],
      ])
      const unlinked = await api.get(`/admin/maintenance-visits?warranty_claim_id=${claim.id}`, headers)
      expect(unlinked.data.count).toBe(1)

      const reopen = await failure(api.post(`/admin/warranty-claims/${claim.id}`, { status: "in_progress" }, headers))
      expect(reopen.status).toBe(400)
      expect(reopen.message).toContain("cannot go from resolved to in_progress")
    })

    it("refuses other transitions naming both statuses, and lets an open claim be rejected", async () => {
      const claim = await file("HP-B")
      const skip = await failure(api.post(`/admin/warranty-claims/${claim.id}`, { status: "resolved" }, headers))
      expect(skip.status).toBe(400)
      expect(skip.message).toContain("cannot go from open to resolved")
      const same = await failure(api.post(`/admin/warranty-claims/${claim.id}`, { status: "open" }, headers))
      expect(same.status).toBe(400)
      expect(same.message).toContain("cannot go from open to open")

      const rejected = await api.post(`/admin/warranty-claims/${claim.id}`, { status: "rejected", resolution: "Out of warranty" }, headers)
      expect(rejected.data.warranty_claim).toMatchObject({ status: "rejected", resolution: "Out of warranty" })
      const after = await failure(api.post(`/admin/warranty-claims/${claim.id}`, { status: "resolved" }, headers))
      expect(after.message).toContain("cannot go from rejected to resolved")
    })

    it("refuses bad changes naming the field and value, and unknown ids with a 404", async () => {
      const claim = await file("HP-A")
      const otherSerialVisit = await api.post(
        "/admin/maintenance-visits",
        { serial_number_id: serials["HP-B"], kind: "breakdown" },
        headers
      )
      const cases: Array<[Record<string, unknown>, number, string[]]> = [
        [{ status: "closed" }, 400, ["status", "closed"]],
        [{ replacement_serial_number_id: serials["HP-A"] }, 400, ["replacement_serial_number_id", serials["HP-A"]]],
        [{ replacement_serial_number_id: "sn_nope" }, 404, ["sn_nope"]],
        [{ visit_ids: ["snvis_nope"] }, 404, ["snvis_nope"]],
        [{ visit_ids: [otherSerialVisit.data.maintenance_visit.id] }, 400, ["visit_ids", otherSerialVisit.data.maintenance_visit.id]],
        [{ visit_ids: "snvis_1" }, 400, ["visit_ids"]],
        [{ covered: false }, 400, ["covered"]],
      ]
      for (const [body, status, named] of cases) {
        const err = await failure(api.post(`/admin/warranty-claims/${claim.id}`, body, headers), JSON.stringify(body))
        expect({ body, status: err.status }).toEqual({ body, status })
        for (const part of named) {
          expect({ body, message: err.message }).toEqual({ body, message: expect.stringContaining(part) })
        }
      }
      expect((await api.get(`/admin/warranty-claims/${claim.id}`, headers)).data.warranty_claim).toMatchObject({
        status: "open",
        replacement_serial_number_id: null,
        covered: true,
      })
      for (const p of [
        () => api.get("/admin/warranty-claims/snclm_nope", headers),
        () => api.post("/admin/warranty-claims/snclm_nope", { status: "in_progress" }, headers),
      ]) {
        const err = await failure(p())
        expect(err.status).toBe(404)
        expect(err.message).toContain("snclm_nope")
      }
    })
  })

  it("lists claims with filters and pagination, newest first", async () => {
    const a = await file("HP-A")
    const b = await file("HP-B")
    const c = await file("HP-C")
    await api.post(`/admin/warranty-claims/${b.id}`, { status: "rejected" }, headers)

    const all = await api.get("/admin/warranty-claims", headers)
    expect(all.data).toMatchObject({ count: 3, offset: 0 })
    expect(all.data.warranty_claims.map((x: any) => x.id)).toEqual([c.id, b.id, a.id])
    const open = await api.get("/admin/warranty-claims?status=open&order=display_id", headers)
    expect(open.data.warranty_claims.map((x: any) => x.id)).toEqual([a.id, c.id])
    const covered = await api.get("/admin/warranty-claims?covered=false", headers)
    expect(covered.data.warranty_claims.map((x: any) => x.id)).toEqual([b.id])
    const bySerial = await api.get(`/admin/warranty-claims?serial_number_id=${serials["HP-C"]}`, headers)
    expect(bySerial.data.warranty_claims.map((x: any) => x.id)).toEqual([c.id])
    const search = await api.get("/admin/warranty-claims?q=hp-c", headers)
    expect(search.data.warranty_claims.map((x: any) => x.id)).toEqual([c.id])
    const page = await api.get("/admin/warranty-claims?limit=1&offset=2", headers)
    expect(page.data).toMatchObject({ count: 3, limit: 1, offset: 2 })
    expect(page.data.warranty_claims.map((x: any) => x.id)).toEqual([a.id])

    for (const [q, named] of [
      ["status=closed", "closed"],
      ["covered=maybe", "maybe"],
      ["limit=0", "limit"],
      ["order=description", "order"],
    ]) {
      const err = await failure(api.get(`/admin/warranty-claims?${q}`, headers), q)
      expect({ q, status: err.status }).toEqual({ q, status: 400 })
      expect(err.message).toContain(named)
    }
  })

  it("answers 401 on every claim route without a login", async () => {
    // One request at a time, so that no rejection goes unobserved while another is awaited.
    for (const call of [
      () => api.get("/admin/warranty-claims"),
      () => api.post("/admin/warranty-claims", {}),
      () => api.get("/admin/warranty-claims/snclm_1"),
      () => api.post("/admin/warranty-claims/snclm_1", {}),
    ]) {
      expect(await statusOf(call())).toBe(401)
    }
  })
})
