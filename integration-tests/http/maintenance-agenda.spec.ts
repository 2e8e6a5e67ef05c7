import { adminHeaders } from "../helpers/admin"
import { failure } from "../helpers/http"
import { createStockedVariant, createStore, receiveSerials, serialsBy, TestStore } from "../helpers/store"
import { httpSuite } from "../helpers/suite"
import { shiftDay, weekStart } from "../../src/shared/week"

jest.setTimeout(180_000)

/**
 * The week agenda of maintenance visits (GET /admin/maintenance-agenda): a week's visits
 * that are not cancelled, the overdue ones, by technician and by the units' location.
 */
httpSuite(__filename, ({ api, getContainer }) => {
  let headers: any
  let store: TestStore
  let ids: Record<string, string>
  const today = new Date().toISOString().slice(0, 10)
  // Next week: every visit in it lies ahead, whatever day the suite runs.
  const monday = shiftDay(weekStart(today), 7)

  beforeAll(async () => {
    const container = getContainer()
    headers = await adminHeaders(api, container)
    store = await createStore(container)
    const { variant } = await createStockedVariant(container, store, { title: "Boiler", sku: "BOIL-A" })
    await api.post(`/admin/serial-settings/${variant.id}`, { is_serialized: true }, headers)
    await receiveSerials(api, headers, { location_id: store.locationA.id, variant_id: variant.id, serials: ["MA-1"] })
    await receiveSerials(api, headers, { location_id: store.locationB.id, variant_id: variant.id, serials: ["MA-2"] })
    ids = Object.fromEntries(Object.entries(await serialsBy(api, headers, `variant_id=${variant.id}`)).map(([k, s]) => [k, s.id]))
    const visit = (serial: string, day: string, technician: string, kind = "unscheduled") =>
      api.post("/admin/maintenance-visits", { serial_number_id: ids[serial], kind, scheduled_date: day, technician }, headers).then((r: any) => r.data.maintenance_visit)
    await visit("MA-2", shiftDay(monday, 4), "Ann")
    await visit("MA-1", shiftDay(monday, 2), "Tom", "breakdown")
    const cancelled = await visit("MA-1", shiftDay(monday, 1), "Tom")
    await api.post(`/admin/maintenance-visits/${cancelled.id}`, { status: "cancelled" }, headers)
    await visit("MA-1", shiftDay(monday, 7), "Tom") // the week after
    await visit("MA-1", shiftDay(today, -10), "Tom") // overdue
    await visit("MA-2", shiftDay(today, -20), "Eve") // overdue
  })

  const agenda = (q: string) => api.get(`/admin/maintenance-agenda?${q}`, headers).then((r: any) => r.data)
  const brief = (v: any) => [v.scheduled_date.slice(0, 10), v.serial_number, v.technician, v.kind]

  it("lists a week's visits by day, the overdue ones, and the week's technicians", async () => {
    const res = await agenda(`week=${shiftDay(monday, 3)}`)
    expect(res).toMatchObject({ week_start: monday, today, truncated: false, technicians: ["Ann", "Eve", "Tom"] })
    expect(res.visits.map(brief)).toEqual([
      [shiftDay(monday, 2), "MA-1", "Tom", "breakdown"],
      [shiftDay(monday, 4), "MA-2", "Ann", "unscheduled"],
    ])
    expect(res.visits[0]).toMatchObject({ status: "pending", stock_location_id: store.locationA.id, serial_number_id: ids["MA-1"] })
    expect(res.overdue.map(brief)).toEqual([
      [shiftDay(today, -20), "MA-2", "Eve", "unscheduled"],
      [shiftDay(today, -10), "MA-1", "Tom", "unscheduled"],
    ])
    // Without a week: this week.
    expect((await agenda("")).week_start).toBe(weekStart(today))
  })

  it("narrows to one technician and to units at one location; the picker keeps every technician", async () => {
    const tom = await agenda(`week=${monday}&technician=Tom`)
    expect(tom.visits.map(brief)).toEqual([[shiftDay(monday, 2), "MA-1", "Tom", "breakdown"]])
    expect(tom.overdue.map(brief)).toEqual([[shiftDay(today, -10), "MA-1", "Tom", "unscheduled"]])
    expect(tom.technicians).toEqual(["Ann", "Eve", "Tom"])
    const atB = await agenda(`week=${monday}&stock_location_id=${store.locationB.id}`)
    expect(atB.visits.map(brief)).toEqual([[shiftDay(monday, 4), "MA-2", "Ann", "unscheduled"]])
    expect(atB.overdue.map((v: any) => v.serial_number)).toEqual(["MA-2"])
    expect(atB.technicians).toEqual(["Ann", "Eve"])
  })

  it("refuses a malformed week, technician or unknown parameter with a 400 naming it", async () => {
    const cases: Array<[string, string]> = [
      ["week=2026-02-30", "Field 'week' must be a real calendar day (YYYY-MM-DD, years 1000 to 9999), got: '2026-02-30'"],
      ["technician=%E2%80%AETom", "Field 'technician' contains an invisible formatting character (U+202E)"],
      ["colour=red", "colour"],
    ]
    for (const [q, message] of cases) {
      const err = await failure(api.get(`/admin/maintenance-agenda?${q}`, headers))
      expect([q, err.status]).toEqual([q, 400])
      expect(err.message).toContain(message)
    }
  })
})
