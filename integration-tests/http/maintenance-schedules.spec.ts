import { adminHeaders } from "../helpers/admin"
import { createProductWithVariant } from "../helpers/catalog"
import { failure, statusOf } from "../helpers/http"
import { httpSuite } from "../helpers/suite"

jest.setTimeout(180_000)

const DAY_MS = 86_400_000
/** A calendar day relative to today (UTC), `YYYY-MM-DD`. */
const dayFromToday = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10)

/** A timestamp the server set to its clock: an ISO 8601 date-time within a minute of now. */
function expectJustNow(value: unknown) {
  expect(value).toEqual(expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/))
  expect(Math.abs(Date.parse(value as string) - Date.now())).toBeLessThan(60_000)
}

httpSuite(__filename, ({ api, getContainer }) => {
  let headers: any
  let variant: any
  let serials: Record<string, string>

  // Once per file: the runner snapshots the database after this and restores it before
  // every test, so each test starts from these rows, and the token stays valid.
  beforeAll(async () => {
    const container = getContainer()
    headers = await adminHeaders(api, container)
    ;({ variant } = await createProductWithVariant(container, { title: "Boiler", sku: "BOILER-1" }))
    await api.post(`/admin/serial-settings/${variant.id}`, { is_serialized: true }, headers)
    const res = await api.post(
      "/admin/serial-numbers",
      { variant_id: variant.id, serial_numbers: ["BX-1", "BX-2", "BX-3"] },
      headers
    )
    serials = Object.fromEntries(res.data.serial_numbers.map((s: any) => [s.serial_number, s.id]))
  })

  const createSchedule = (body: Record<string, unknown>) =>
    api.post("/admin/maintenance-schedules", body, headers).then((r: any) => r.data.maintenance_schedule)

  const serialOf = async (id: string) => (await api.get(`/admin/serial-numbers/${id}`, headers)).data.serial_number

  describe("POST /admin/maintenance-schedules", () => {
    it("generates calendar-aware visits for every serial: monthly from Jan 31 visits month ends", async () => {
      const res = await api.post(
        "/admin/maintenance-schedules",
        {
          serial_number_ids: [serials["BX-1"], serials["BX-2"]],
          type: "preventive",
          periodicity: "monthly",
          start_date: "2027-01-31",
          visit_count: 4,
          assignee: "Tess Technician",
        },
        headers
      )
      expect(res.status).toBe(201)
      const schedule = res.data.maintenance_schedule
      expect(schedule).toMatchObject({
        type: "preventive",
        periodicity: "monthly",
        interval: null,
        start_date: "2027-01-31",
        end_date: "2027-05-31",
        visit_count: 4,
        first_visit_on_start: false,
        assignee: "Tess Technician",
        status: "active",
      })
      expect(schedule.serial_number_ids).toEqual([serials["BX-1"], serials["BX-2"]].sort())
      expect(schedule.serial_numbers.map((s: any) => s.serial_number)).toEqual(["BX-1", "BX-2"])
      expect(schedule.visits).toHaveLength(8)
      const days = (serial: string) =>
        schedule.visits.filter((v: any) => v.serial_number_id === serials[serial]).map((v: any) => v.scheduled_date)
      expect(days("BX-1")).toEqual(["2027-02-28", "2027-03-31", "2027-04-30", "2027-05-31"])
      expect(days("BX-2")).toEqual(days("BX-1"))
      for (const v of schedule.visits) {
        expect(v).toMatchObject({ status: "pending", kind: "scheduled", technician: "Tess Technician", completed_at: null })
      }

      const read = await api.get(`/admin/maintenance-schedules/${schedule.id}`, headers)
      expect(read.data.maintenance_schedule.visits.map((v: any) => v.id)).toEqual(schedule.visits.map((v: any) => v.id))
    })

    it("puts the first visit on the start date when asked, and derives the visit count from an end date", async () => {
      const schedule = await createSchedule({
        serial_number_ids: [serials["BX-1"]],
        type: "warranty",
        periodicity: "quarterly",
        start_date: "2028-02-29",
        end_date: "2029-02-28",
        first_visit_on_start: true,
      })
      expect(schedule).toMatchObject({ visit_count: 5, end_date: "2029-02-28", first_visit_on_start: true })
      expect(schedule.visits.map((v: any) => v.scheduled_date)).toEqual([
        "2028-02-29",
        "2028-05-29",
        "2028-08-29",
        "2028-11-29",
        "2029-02-28",
      ])
    })

    it("shows the visit days of a schedule's rules before saving, by the same calendar rules, refusing what creating would refuse, writing nothing", async () => {
      const rules = { type: "preventive", periodicity: "monthly", start_date: "2027-01-31", visit_count: 4 }
      const planned = await api.post("/admin/maintenance-schedule-plans", rules, headers)
      expect(planned.status).toBe(200)
      expect(planned.data.plan).toEqual({
        visit_dates: ["2027-02-28", "2027-03-31", "2027-04-30", "2027-05-31"],
        end_date: "2027-05-31",
        visit_count: 4,
      })
      expect((await api.get("/admin/maintenance-schedules", headers)).data.count).toBe(0)
      const created = await createSchedule({ ...rules, serial_number_ids: [serials["BX-1"]] })
      expect(created.visits.map((v: any) => v.scheduled_date)).toEqual(planned.data.plan.visit_dates)

      const disagree = await failure(
        api.post("/admin/maintenance-schedule-plans", { ...rules, type: "amc", end_date: "2027-06-30", visit_count: 6 }, headers)
      )
      expect(disagree.status).toBe(400)
      expect(disagree.message).toContain("end_date 2027-06-30 allows 5 monthly visits but visit_count is 6")
      const unknown = await failure(api.post("/admin/maintenance-schedule-plans", { ...rules, serial_number_ids: [serials["BX-1"]] }, headers))
      expect(unknown.status).toBe(400)
      expect(unknown.message).toContain("serial_number_ids")
      expect((await api.get("/admin/maintenance-schedules", headers)).data.count).toBe(1)
    })

    it("takes custom intervals and accepts an end date and a count that agree", async () => {
      const schedule = await createSchedule({
        serial_number_ids: [serials["BX-3"]],
        type: "preventive",
        periodicity: "custom",
        interval: { value: 10, unit: "day" },
        start_date: "2027-02-25",
        end_date: "2027-03-17",
        visit_count: 2,
      })
      expect(schedule.interval).toEqual({ value: 10, unit: "day" })
      expect(schedule.visits.map((v: any) => v.scheduled_date)).toEqual(["2027-03-07", "2027-03-17"])
    })

    it("generates no visit for a manual schedule", async () => {
      const schedule = await createSchedule({
        serial_number_ids: [serials["BX-1"]],
        type: "preventive",
        periodicity: "manual",
        start_date: "2027-01-01",
      })
      expect(schedule).toMatchObject({ periodicity: "manual", visit_count: null, end_date: null })
      expect(schedule.visits).toEqual([])
    })

    it("refuses an end date and a visit count that disagree, explaining both, and writes nothing", async () => {
      const err = await failure(
        api.post(
          "/admin/maintenance-schedules",
          {
            serial_number_ids: [serials["BX-1"]],
            type: "amc",
            periodicity: "monthly",
            start_date: "2027-01-01",
            end_date: "2027-06-30",
            visit_count: 6,
          },
          headers
        )
      )
      expect(err.status).toBe(400)
      expect(err.message).toContain("end_date 2027-06-30 allows 5 monthly visits but visit_count is 6")
      expect((await api.get("/admin/maintenance-schedules", headers)).data.count).toBe(0)
      expect((await api.get("/admin/maintenance-visits", headers)).data.count).toBe(0)
      expect((await serialOf(serials["BX-1"])).contract_expires_at).toBeNull()
    })

    it("refuses malformed bodies with a 400 naming the field and the value", async () => {
      const base = {
        serial_number_ids: [serials["BX-1"]],
        type: "preventive",
        periodicity: "monthly",
        start_date: "2027-01-01",
        visit_count: 3,
      }
      const cases: Array<[Record<string, unknown>, string[]]> = [
        [{ periodicity: "daily" }, ["periodicity", "daily"]],
        [{ type: "repair" }, ["type", "repair"]],
        [{ start_date: "2027-02-30" }, ["start_date", "2027-02-30"]],
        [{ start_date: "soon" }, ["start_date", "soon"]],
        [{ start_date: "0000-01-01" }, ["start_date", "0000-01-01"]],
        [{ end_date: "2026-12-31" }, ["end_date 2026-12-31", "before start_date 2027-01-01"]],
        [{ visit_count: 0 }, ["visit_count", "0"]],
        [{ visit_count: 2.5 }, ["visit_count", "2.5"]],
        [{ visit_count: 501 }, ["visit_count", "501"]],
        [{ visit_count: null }, ["end_date or visit_count"]],
        [{ interval: { value: 2, unit: "week" } }, ["interval", "custom"]],
        [{ periodicity: "custom" }, ["interval"]],
        [{ periodicity: "custom", interval: { value: 0, unit: "day" } }, ["interval.value", "0"]],
        [{ periodicity: "custom", interval: { value: 1, unit: "year" } }, ["unit", "year"]],
        [{ periodicity: "manual" }, ["manual", "visit_count", "3"]],
        [{ serial_number_ids: [] }, ["serial_number_ids"]],
        [{ serial_number_ids: [serials["BX-1"], serials["BX-1"]] }, ["serial_number_ids", serials["BX-1"]]],
        [{ colour: "red" }, ["colour"]],
        [{ type: "amc", periodicity: "manual", visit_count: undefined }, ["amc", "end_date"]],
      ]
      for (const [patch, named] of cases) {
        const err = await failure(api.post("/admin/maintenance-schedules", { ...base, ...patch }, headers), JSON.stringify(patch))
        expect({ patch, status: err.status }).toEqual({ patch, status: 400 })
        for (const part of named) {
          expect({ patch, message: err.message }).toEqual({ patch, message: expect.stringContaining(part) })
        }
      }
      expect((await api.get("/admin/maintenance-schedules", headers)).data.count).toBe(0)
    })

    it("answers 404 naming unknown serials and customers", async () => {
      const serial = await failure(
        api.post(
          "/admin/maintenance-schedules",
          { serial_number_ids: [serials["BX-1"], "sn_nope"], type: "preventive", periodicity: "yearly", start_date: "2027-01-01", visit_count: 1 },
          headers
        )
      )
      expect(serial.status).toBe(404)
      expect(serial.message).toContain("sn_nope")
      const customer = await failure(
        api.post(
          "/admin/maintenance-schedules",
          {
            serial_number_ids: [serials["BX-1"]],
            type: "preventive",
            periodicity: "yearly",
            start_date: "2027-01-01",
            visit_count: 1,
            customer_id: "cus_nope",
          },
          headers
        )
      )
      expect(customer.status).toBe(404)
      expect(customer.message).toContain("cus_nope")
      expect((await api.get("/admin/maintenance-schedules", headers)).data.count).toBe(0)
    })
  })

  describe("amc schedules and the service contract", () => {
    it("sets the serials' contract expiry to the end date, and cancelling puts back what was there", async () => {
      const first = await createSchedule({
        serial_number_ids: [serials["BX-1"], serials["BX-2"]],
        type: "amc",
        periodicity: "quarterly",
        start_date: "2027-01-01",
        end_date: "2027-12-31",
      })
      expect(first.visits).toHaveLength(6)
      for (const s of first.serial_numbers) {
        expect(s).toMatchObject({ contract_expires_at: "2027-12-31T00:00:00.000Z", maintenance_status: "under_amc" })
      }
      const ledger = (await serialOf(serials["BX-1"])).ledger
      expect(ledger[ledger.length - 1]).toMatchObject({
        type: "contract_change",
        reference_type: "maintenance_schedule",
        reference_id: first.id,
        data: expect.objectContaining({
          changes: { contract_expires_at: { from: null, to: "2027-12-31T00:00:00.000Z" } },
        }),
      })

      // A renewal for one of them extends it; cancelling the renewal goes back to the first contract.
      const renewal = await createSchedule({
        serial_number_ids: [serials["BX-1"]],
        type: "amc",
        periodicity: "yearly",
        start_date: "2028-01-01",
        visit_count: 1,
        first_visit_on_start: true,
      })
      expect(renewal.end_date).toBe("2028-12-31")
      expect((await serialOf(serials["BX-1"])).contract_expires_at).toBe("2028-12-31T00:00:00.000Z")

      const cancelled = await api.post(`/admin/maintenance-schedules/${renewal.id}`, { status: "cancelled" }, headers)
      expect(cancelled.data.maintenance_schedule).toMatchObject({ status: "cancelled" })
      expectJustNow(cancelled.data.maintenance_schedule.cancelled_at)
      expect(cancelled.data.maintenance_schedule.visits.map((v: any) => v.status)).toEqual(["cancelled"])
      expect((await serialOf(serials["BX-1"])).contract_expires_at).toBe("2027-12-31T00:00:00.000Z")

      // Cancelling the first clears it: the serials had no contract before.
      await api.post(`/admin/maintenance-schedules/${first.id}`, { status: "cancelled" }, headers)
      const after = await serialOf(serials["BX-1"])
      expect(after.contract_expires_at).toBeNull()
      expect(after.maintenance_status).toBeNull()
      expect((await serialOf(serials["BX-2"])).contract_expires_at).toBeNull()
      expect(after.ledger.filter((e: any) => e.type === "contract_change").map((e: any) => e.data.changes.contract_expires_at)).toEqual([
        { from: null, to: "2027-12-31T00:00:00.000Z" },
        { from: "2027-12-31T00:00:00.000Z", to: "2028-12-31T00:00:00.000Z" },
        { from: "2028-12-31T00:00:00.000Z", to: "2027-12-31T00:00:00.000Z" },
        { from: "2027-12-31T00:00:00.000Z", to: null },
      ])
    })

    it("deleting an amc schedule puts the contract back too", async () => {
      const schedule = await createSchedule({
        serial_number_ids: [serials["BX-3"]],
        type: "amc",
        periodicity: "manual",
        start_date: "2027-01-01",
        end_date: "2027-06-30",
      })
      expect((await serialOf(serials["BX-3"])).contract_expires_at).toBe("2027-06-30T00:00:00.000Z")
      const res = await api.delete(`/admin/maintenance-schedules/${schedule.id}`, headers)
      expect(res.data).toEqual({ id: schedule.id, object: "maintenance_schedule", deleted: true })
      expect((await serialOf(serials["BX-3"])).contract_expires_at).toBeNull()
      expect(await statusOf(api.get(`/admin/maintenance-schedules/${schedule.id}`, headers))).toBe(404)
    })
  })

  describe("changing, listing and deleting schedules", () => {
    it("moves pending visits to a new assignee, refuses to reopen a cancelled schedule, and lists with filters", async () => {
      const a = await createSchedule({
        serial_number_ids: [serials["BX-1"]],
        type: "preventive",
        periodicity: "weekly",
        start_date: "2027-03-01",
        visit_count: 2,
        assignee: "Ann",
      })
      const b = await createSchedule({
        serial_number_ids: [serials["BX-2"], serials["BX-1"]],
        type: "warranty",
        periodicity: "yearly",
        start_date: "2027-03-01",
        visit_count: 1,
      })
      const reassigned = await api.post(`/admin/maintenance-schedules/${a.id}`, { assignee: "Ben", notes: "gate code 1234" }, headers)
      expect(reassigned.data.maintenance_schedule).toMatchObject({ assignee: "Ben", notes: "gate code 1234", status: "active" })
      expect(reassigned.data.maintenance_schedule.visits.map((v: any) => v.technician)).toEqual(["Ben", "Ben"])

      const bySerial = await api.get(`/admin/maintenance-schedules?serial_number_id=${serials["BX-2"]}`, headers)
      expect(bySerial.data.maintenance_schedules.map((s: any) => s.id)).toEqual([b.id])
      const byType = await api.get(`/admin/maintenance-schedules?type=preventive&type=amc`, headers)
      expect(byType.data.maintenance_schedules.map((s: any) => s.id)).toEqual([a.id])
      const page = await api.get(`/admin/maintenance-schedules?limit=1&offset=1&order=display_id`, headers)
      expect(page.data).toMatchObject({ count: 2, offset: 1, limit: 1 })
      expect(page.data.maintenance_schedules.map((s: any) => s.id)).toEqual([b.id])
      expect(page.data.maintenance_schedules[0].visits).toBeUndefined()

      const none = await api.get(`/admin/maintenance-schedules?serial_number_id=${serials["BX-3"]}`, headers)
      expect(none.data).toMatchObject({ count: 0, maintenance_schedules: [] })
      const slim = await api.get(`/admin/maintenance-schedules/${a.id}?fields=id,status,visits.scheduled_date`, headers)
      expect(slim.data.maintenance_schedule).toMatchObject({ id: a.id, status: "active" })
      expect(slim.data.maintenance_schedule.visits.map((v: any) => v.scheduled_date)).toEqual(["2027-03-08", "2027-03-15"])
      for (const fields of ["id,*visits", "id,visits", "id,*serials", "+notes", "id,visits.*"]) {
        const res = await api.get(`/admin/maintenance-schedules/${a.id}?fields=${fields}`, headers)
        expect({ fields, id: res.data.maintenance_schedule.id }).toEqual({ fields, id: a.id })
      }
      for (const q of ["fields=visits.nope", "fields=nope", "fields=interval", "order=assignee", "status=paused", "limit=-1"]) {
        const err = await failure(api.get(`/admin/maintenance-schedules?${q}`, headers), q)
        expect({ q, status: err.status }).toEqual({ q, status: 400 })
        expect(err.message).toContain(q.split("=")[1])
      }

      await api.post(`/admin/maintenance-schedules/${a.id}`, { status: "cancelled" }, headers)
      const again = await failure(api.post(`/admin/maintenance-schedules/${a.id}`, { status: "completed" }, headers))
      expect(again.status).toBe(400)
      expect(again.message).toContain("cancelled")
      expect(again.message).toContain("completed")
      const bad = await failure(api.post(`/admin/maintenance-schedules/${a.id}`, { status: "active" }, headers))
      expect(bad.status).toBe(400)
      expect(bad.message).toContain("active")
      const cancelled = await api.get(`/admin/maintenance-schedules?status=cancelled`, headers)
      expect(cancelled.data.maintenance_schedules.map((s: any) => s.id)).toEqual([a.id])
    })

    it("refuses to delete a schedule with completed visits, and 404s unknown schedules", async () => {
      const schedule = await createSchedule({
        serial_number_ids: [serials["BX-1"]],
        type: "preventive",
        periodicity: "monthly",
        start_date: "2027-01-01",
        visit_count: 2,
      })
      await api.post(`/admin/maintenance-visits/${schedule.visits[0].id}`, { status: "completed" }, headers)
      const err = await failure(api.delete(`/admin/maintenance-schedules/${schedule.id}`, headers))
      expect(err.status).toBe(400)
      expect(err.message).toContain("1 completed visit")
      expect((await api.get(`/admin/maintenance-schedules/${schedule.id}`, headers)).data.maintenance_schedule.status).toBe("active")

      for (const p of [
        () => api.get("/admin/maintenance-schedules/snmsch_nope", headers),
        () => api.post("/admin/maintenance-schedules/snmsch_nope", { assignee: "X" }, headers),
        () => api.delete("/admin/maintenance-schedules/snmsch_nope", headers),
      ]) {
        const e = await failure(p())
        expect(e.status).toBe(404)
        expect(e.message).toContain("snmsch_nope")
      }
      const bad = await failure(api.post(`/admin/maintenance-schedules/${schedule.id}`, { assignee: 7 }, headers))
      expect(bad.status).toBe(400)
      expect(bad.message).toContain("assignee")
    })
  })

  describe("POST /admin/maintenance-schedules/:id/replan", () => {
    it("plans an active schedule again: the old one cancelled with its pending visits, the done ones kept; a new one with its serials", async () => {
      const old = await createSchedule({
        serial_number_ids: [serials["BX-1"], serials["BX-2"]],
        type: "preventive",
        periodicity: "monthly",
        start_date: "2027-01-31",
        visit_count: 3,
        assignee: "Tess",
        notes: "Keys at the front desk",
      })
      const done = old.visits.find((v: any) => v.serial_number_id === serials["BX-1"])
      await api.post(`/admin/maintenance-visits/${done.id}`, { status: "completed", completed_at: new Date().toISOString() }, headers)

      const res = await api.post(
        `/admin/maintenance-schedules/${old.id}/replan`,
        { periodicity: "quarterly", start_date: "2027-03-01", visit_count: 2, first_visit_on_start: true },
        headers
      )
      expect(res.status).toBe(201)
      const fresh = res.data.maintenance_schedule
      expect(fresh).toMatchObject({
        type: "preventive",
        periodicity: "quarterly",
        start_date: "2027-03-01",
        status: "active",
        assignee: "Tess",
        notes: "Keys at the front desk",
        serial_number_ids: [serials["BX-1"], serials["BX-2"]].sort(),
        metadata: { replaces_schedule_id: old.id },
      })
      expect(fresh.visits.map((v: any) => v.scheduled_date).sort()).toEqual(["2027-03-01", "2027-03-01", "2027-06-01", "2027-06-01"])

      const before = (await api.get(`/admin/maintenance-schedules/${old.id}`, headers)).data.maintenance_schedule
      expect(before.status).toBe("cancelled")
      expect(before.visits.filter((v: any) => v.status === "completed").map((v: any) => v.id)).toEqual([done.id])
      expect(before.visits.filter((v: any) => v.status !== "completed").every((v: any) => v.status === "cancelled")).toBe(true)
    })

    it("an amc schedule planned again moves the serials' contract end to the new plan's", async () => {
      const old = await createSchedule({ serial_number_ids: [serials["BX-2"]], type: "amc", periodicity: "quarterly", start_date: "2027-01-01", end_date: "2027-12-31" })
      expect((await serialOf(serials["BX-2"])).contract_expires_at).toBe("2027-12-31T00:00:00.000Z")
      const fresh = (await api.post(`/admin/maintenance-schedules/${old.id}/replan`, { periodicity: "yearly", start_date: "2027-01-01", end_date: "2028-06-30" }, headers)).data
        .maintenance_schedule
      expect(fresh).toMatchObject({ type: "amc", end_date: "2028-06-30" })
      expect((await serialOf(serials["BX-2"])).contract_expires_at).toBe("2028-06-30T00:00:00.000Z")
    })

    it("refuses rules that do not plan, and a schedule no longer active, changing nothing", async () => {
      const old = await createSchedule({ serial_number_ids: [serials["BX-3"]], type: "preventive", periodicity: "monthly", start_date: "2027-01-01", visit_count: 2 })
      const bad = await failure(
        api.post(`/admin/maintenance-schedules/${old.id}/replan`, { periodicity: "monthly", start_date: "2027-05-01", end_date: "2027-01-01" }, headers)
      )
      expect(bad.status).toBe(400)
      expect(bad.message).toContain("end_date 2027-01-01 is before start_date 2027-05-01")
      const kept = (await api.get(`/admin/maintenance-schedules/${old.id}`, headers)).data.maintenance_schedule
      expect(kept.status).toBe("active")
      expect(kept.visits.map((v: any) => v.status)).toEqual(["pending", "pending"])
      const all = (await api.get(`/admin/maintenance-schedules?serial_number_id=${serials["BX-3"]}`, headers)).data.maintenance_schedules
      expect(all.map((s: any) => s.id)).toEqual([old.id])

      const typeChange = await failure(api.post(`/admin/maintenance-schedules/${old.id}/replan`, { type: "amc", periodicity: "monthly", start_date: "2027-05-01", visit_count: 1 }, headers))
      expect(typeChange.status).toBe(400)

      await api.post(`/admin/maintenance-schedules/${old.id}`, { status: "cancelled" }, headers)
      const closed = await failure(api.post(`/admin/maintenance-schedules/${old.id}/replan`, { periodicity: "monthly", start_date: "2027-05-01", visit_count: 1 }, headers))
      expect(closed).toEqual({ status: 400, message: `Maintenance schedule ${old.id} is cancelled: only an active schedule can be planned again` })
      const missing = await failure(api.post("/admin/maintenance-schedules/snsch_missing/replan", { periodicity: "monthly", start_date: "2027-05-01", visit_count: 1 }, headers))
      expect(missing.status).toBe(404)
    })
  })

  describe("visits", () => {
    let schedule: any

    // Per test: a nested beforeAll would run after the runner's snapshot (its rows would be
    // gone at the next restore), and the days are counted from today.
    beforeEach(async () => {
      // Weekly from 15 days ago: visits 8 and 1 days ago (overdue), in 6 and 13 days.
      schedule = await createSchedule({
        serial_number_ids: [serials["BX-1"]],
        type: "preventive",
        periodicity: "weekly",
        start_date: dayFromToday(-15),
        visit_count: 4,
        assignee: "Ann",
      })
    })

    const visitsBy = async (q: string) =>
      (await api.get(`/admin/maintenance-visits?${q}`, headers)).data.maintenance_visits.map((v: any) => v.scheduled_date)

    it("lists due, overdue and filtered visits, soonest first, with the serial's text", async () => {
      expect(await visitsBy("")).toEqual([dayFromToday(-8), dayFromToday(-1), dayFromToday(6), dayFromToday(13)])
      expect(await visitsBy("overdue=true")).toEqual([dayFromToday(-8), dayFromToday(-1)])
      expect(await visitsBy("due_within_days=7")).toEqual([dayFromToday(6)])
      expect(await visitsBy("due_within_days=6")).toEqual([dayFromToday(6)])
      expect(await visitsBy("due_within_days=5")).toEqual([])
      expect(await visitsBy("due_within_days=7&overdue=true")).toEqual([dayFromToday(-8), dayFromToday(-1), dayFromToday(6)])
      expect(await visitsBy(`schedule_id=${schedule.id}&technician=Ann&limit=2&offset=1`)).toEqual([dayFromToday(-1), dayFromToday(6)])
      expect(await visitsBy(`serial_number_id=${serials["BX-2"]}`)).toEqual([])
      expect(await visitsBy("status=completed")).toEqual([])

      const list = await api.get("/admin/maintenance-visits?limit=1", headers)
      expect(list.data).toMatchObject({ count: 4, limit: 1, offset: 0 })
      expect(list.data.maintenance_visits[0]).toMatchObject({
        serial_number_id: serials["BX-1"],
        serial_number: "BX-1",
        schedule_id: schedule.id,
        kind: "scheduled",
      })
      const withSchedule = await api.get("/admin/maintenance-visits?limit=1&fields=id,scheduled_date,*schedule", headers)
      expect(withSchedule.data.maintenance_visits[0]).toMatchObject({
        scheduled_date: dayFromToday(-8),
        schedule: expect.objectContaining({ id: schedule.id, assignee: "Ann", start_date: dayFromToday(-15) }),
      })

      for (const [q, named] of [
        ["due_within_days=soon", "soon"],
        ["due_within_days=-1", "due_within_days"],
        ["overdue=yes", "yes"],
        ["status=done", "done"],
        ["due_within_days=3&status=completed", "completed"],
        ["a.b.c=1", "a.b.c"],
        ["fields=schedule.nope", "schedule.nope"],
      ]) {
        const err = await failure(api.get(`/admin/maintenance-visits?${q}`, headers), q)
        expect({ q, status: err.status }).toEqual({ q, status: 400 })
        expect(err.message).toContain(named)
      }
    })

    it("completes, partially completes, cancels and reschedules visits; the last one completes the schedule", async () => {
      const [v1, v2, v3, v4] = schedule.visits
      const completedAt = new Date(Date.now() - 8 * DAY_MS).toISOString()
      const done = await api.post(
        `/admin/maintenance-visits/${v1.id}`,
        { status: "completed", completed_at: completedAt, technician: "Cy", notes: "replaced filter" },
        headers
      )
      expect(done.data.maintenance_visit).toMatchObject({ status: "completed", technician: "Cy", notes: "replaced filter" })
      expect(done.data.maintenance_visit.completed_at).toBe(completedAt)

      const partial = await api.post(`/admin/maintenance-visits/${v2.id}`, { status: "partially_completed", notes: "part on order" }, headers)
      expect(partial.data.maintenance_visit.status).toBe("partially_completed")
      const moved = await api.post(`/admin/maintenance-visits/${v2.id}`, { scheduled_date: dayFromToday(2) }, headers)
      expect(moved.data.maintenance_visit).toMatchObject({ scheduled_date: dayFromToday(2), status: "partially_completed" })

      const rescheduled = await api.post(`/admin/maintenance-visits/${v3.id}`, { scheduled_date: dayFromToday(20), technician: "Dee" }, headers)
      expect(rescheduled.data.maintenance_visit).toMatchObject({ scheduled_date: dayFromToday(20), technician: "Dee", status: "pending" })
      await api.post(`/admin/maintenance-visits/${v4.id}`, { status: "cancelled" }, headers)
      expect((await api.get(`/admin/maintenance-schedules/${schedule.id}`, headers)).data.maintenance_schedule.status).toBe("active")

      await api.post(`/admin/maintenance-visits/${v2.id}`, { status: "completed" }, headers)
      await api.post(`/admin/maintenance-visits/${v3.id}`, { status: "completed" }, headers)
      const after = (await api.get(`/admin/maintenance-schedules/${schedule.id}`, headers)).data.maintenance_schedule
      expect(after.status).toBe("completed")
      expectJustNow(after.completed_at)
      expect(after.visits.map((v: any) => v.status).sort()).toEqual(["cancelled", "completed", "completed", "completed"])
    })

    it("refuses transitions out of final statuses naming both, and bad changes naming field and value", async () => {
      const [v1, v2] = schedule.visits
      await api.post(`/admin/maintenance-visits/${v1.id}`, { status: "completed" }, headers)
      const reopen = await failure(api.post(`/admin/maintenance-visits/${v1.id}`, { status: "cancelled" }, headers))
      expect(reopen.status).toBe(400)
      expect(reopen.message).toContain("is completed and cannot become cancelled")
      const moveDone = await failure(api.post(`/admin/maintenance-visits/${v1.id}`, { scheduled_date: dayFromToday(3) }, headers))
      expect(moveDone.status).toBe(400)
      expect(moveDone.message).toContain("cannot be rescheduled")
      // notes of a completed visit can still change
      const noted = await api.post(`/admin/maintenance-visits/${v1.id}`, { notes: "customer signed" }, headers)
      expect(noted.data.maintenance_visit).toMatchObject({ notes: "customer signed", status: "completed" })

      const cases: Array<[Record<string, unknown>, string[]]> = [
        [{ status: "done" }, ["status", "done"]],
        [{ status: "pending" }, ["status", "pending"]],
        [{ scheduled_date: "2027-13-01" }, ["scheduled_date", "2027-13-01"]],
        [{ completed_at: "yesterday", status: "completed" }, ["completed_at", "yesterday"]],
        [{ completed_at: new Date(Date.now() + 2 * DAY_MS).toISOString(), status: "completed" }, ["completed_at", "future"]],
        [{ completed_at: new Date().toISOString() }, ["completed_at", "pending"]],
        [{ kind: "breakdown" }, ["kind"]],
      ]
      for (const [body, named] of cases) {
        const err = await failure(api.post(`/admin/maintenance-visits/${v2.id}`, body, headers), JSON.stringify(body))
        expect({ body, status: err.status }).toEqual({ body, status: 400 })
        for (const part of named) {
          expect({ body, message: err.message }).toEqual({ body, message: expect.stringContaining(part) })
        }
      }
      const v2now = (await api.get(`/admin/maintenance-visits?status=pending&schedule_id=${schedule.id}`, headers)).data
      expect(v2now.maintenance_visits.map((v: any) => v.id)).toContain(v2.id)

      const unknown = await failure(api.post(`/admin/maintenance-visits/snvis_nope`, { status: "completed" }, headers))
      expect(unknown.status).toBe(404)
      expect(unknown.message).toContain("snvis_nope")
    })

    it("logs unscheduled and breakdown visits for a serial", async () => {
      const breakdown = await api.post(
        "/admin/maintenance-visits",
        {
          serial_number_id: serials["BX-1"],
          kind: "breakdown",
          status: "completed",
          technician: "Eve",
          notes: "pump seized",
          schedule_id: schedule.id,
        },
        headers
      )
      expect(breakdown.status).toBe(201)
      expect(breakdown.data.maintenance_visit).toMatchObject({
        kind: "breakdown",
        status: "completed",
        schedule_id: schedule.id,
        serial_number: "BX-1",
        scheduled_date: dayFromToday(0),
        technician: "Eve",
      })
      expectJustNow(breakdown.data.maintenance_visit.completed_at)

      const planned = await api.post(
        "/admin/maintenance-visits",
        { serial_number_id: serials["BX-2"], kind: "unscheduled", scheduled_date: dayFromToday(3) },
        headers
      )
      expect(planned.data.maintenance_visit).toMatchObject({ kind: "unscheduled", status: "pending", schedule_id: null, technician: null })
      expect(await visitsBy("kind=unscheduled&kind=breakdown")).toEqual([dayFromToday(0), dayFromToday(3)])

      const cases: Array<[Record<string, unknown>, number, string[]]> = [
        [{ serial_number_id: "sn_nope", kind: "breakdown" }, 404, ["sn_nope"]],
        [{ serial_number_id: serials["BX-1"], kind: "scheduled" }, 400, ["kind", "scheduled"]],
        [{ serial_number_id: serials["BX-1"], kind: "breakdown", status: "cancelled" }, 400, ["status", "cancelled"]],
        [{ serial_number_id: serials["BX-1"], kind: "breakdown", scheduled_date: "31/01/2027" }, 400, ["scheduled_date", "31/01/2027"]],
        [{ serial_number_id: serials["BX-1"], kind: "breakdown", scheduled_date: "+275760-09-13" }, 400, ["scheduled_date", "275760"]],
        [{ serial_number_id: serials["BX-1"], kind: "breakdown", status: "completed", completed_at: "0000-01-01T00:00:00Z" }, 400, ["completed_at", "0000"]],
        [{ serial_number_id: serials["BX-2"], kind: "breakdown", schedule_id: schedule.id }, 400, ["not covered"]],
        [{ serial_number_id: serials["BX-1"], kind: "breakdown", schedule_id: "snmsch_nope" }, 404, ["snmsch_nope"]],
        [{ serial_number_id: serials["BX-1"], kind: "breakdown", warranty_claim_id: "snclm_nope" }, 404, ["snclm_nope"]],
        [{ kind: "breakdown" }, 400, ["serial_number_id"]],
      ]
      for (const [body, status, named] of cases) {
        const err = await failure(api.post("/admin/maintenance-visits", body, headers), JSON.stringify(body))
        expect({ body, status: err.status }).toEqual({ body, status })
        for (const part of named) {
          expect({ body, message: err.message }).toEqual({ body, message: expect.stringContaining(part) })
        }
      }
      expect((await api.get("/admin/maintenance-visits?kind=breakdown", headers)).data.count).toBe(1)
    })
  })

  it("compensations put schedules, visits and contracts back exactly (what a failed workflow relies on)", async () => {
    const service: any = getContainer().resolve("serial")
    const schedule = await createSchedule({
      serial_number_ids: [serials["BX-1"]],
      type: "amc",
      periodicity: "monthly",
      start_date: "2027-01-01",
      visit_count: 2,
      assignee: "Ann",
    })
    const before = await serialOf(serials["BX-1"])
    expect(before.contract_expires_at).toBe("2027-03-01T00:00:00.000Z")

    const { undo } = await service.updateMaintenanceSchedule(schedule.id, { status: "cancelled", notes: "customer moved" })
    expect((await serialOf(serials["BX-1"])).contract_expires_at).toBeNull()
    await service.undoMaintenanceScheduleChange(undo)
    const restored = (await api.get(`/admin/maintenance-schedules/${schedule.id}`, headers)).data.maintenance_schedule
    expect(restored).toMatchObject({ status: "active", cancelled_at: null, notes: null })
    expect(restored.visits.map((v: any) => [v.status, v.technician])).toEqual([
      ["pending", "Ann"],
      ["pending", "Ann"],
    ])
    const after = await serialOf(serials["BX-1"])
    expect(after.contract_expires_at).toBe(before.contract_expires_at)
    expect(after.ledger).toHaveLength(before.ledger.length)

    const visit = restored.visits[0]
    const done = await service.updateMaintenanceVisit(visit.id, { status: "completed", notes: "ok" })
    await service.undoMaintenanceVisitUpdate(done.undo)
    const visitNow = (await api.get(`/admin/maintenance-visits?schedule_id=${schedule.id}&limit=1`, headers)).data.maintenance_visits[0]
    expect(visitNow).toMatchObject({ id: visit.id, status: "pending", notes: null, completed_at: null, scheduled_date: "2027-02-01" })

    const created = await service.createMaintenanceSchedule({
      serial_number_ids: [serials["BX-1"]],
      type: "amc",
      periodicity: "manual",
      start_date: "2027-01-01",
      end_date: "2029-12-31",
    })
    expect((await serialOf(serials["BX-1"])).contract_expires_at).toBe("2029-12-31T00:00:00.000Z")
    await service.undoCreateMaintenanceSchedule(created.id, created.undo)
    expect(await statusOf(api.get(`/admin/maintenance-schedules/${created.id}`, headers))).toBe(404)
    const last = await serialOf(serials["BX-1"])
    expect(last.contract_expires_at).toBe(before.contract_expires_at)
    expect(last.ledger).toHaveLength(before.ledger.length)
  })

  it("answers 401 on every maintenance route without a login", async () => {
    // One request at a time: requests started together would reject unobserved while
    // the first is awaited, and jest reports those as failures of this test.
    const calls = [
      () => api.get("/admin/maintenance-schedules"),
      () => api.post("/admin/maintenance-schedules", {}),
      () => api.post("/admin/maintenance-schedule-plans", {}),
      () => api.get("/admin/maintenance-schedules/snmsch_1"),
      () => api.post("/admin/maintenance-schedules/snmsch_1", {}),
      () => api.delete("/admin/maintenance-schedules/snmsch_1"),
      () => api.get("/admin/maintenance-visits"),
      () => api.post("/admin/maintenance-visits", {}),
      () => api.post("/admin/maintenance-visits/snvis_1", {}),
    ]
    for (const call of calls) {
      expect(await statusOf(call())).toBe(401)
    }
  })
})
