import { adminHeaders } from "../helpers/admin"
import { createProductWithVariant } from "../helpers/catalog"
import { failure, statusOf } from "../helpers/http"
import { httpSuite } from "../helpers/suite"

jest.setTimeout(120_000)

const year = new Date().getUTCFullYear()

httpSuite(__filename, ({ api, getContainer }) => {
  let headers: any

  // Once per file: the runner snapshots the database (with this admin) after this and
  // restores it before every test.
  beforeAll(async () => {
    headers = await adminHeaders(api, getContainer())
  })

  it("creates, lists, previews, renames and deletes a series", async () => {
    const created = await api.post("/admin/serial-series", { name: "Drills", pattern: "DR-{YYYY}-#####" }, headers)
    expect(created.status).toBe(201)
    const series = created.data.serial_series
    expect(series).toMatchObject({ name: "Drills", pattern: "DR-{YYYY}-#####" })

    const list = await api.get("/admin/serial-series", headers)
    expect(list.data).toMatchObject({ count: 1, serial_series: [expect.objectContaining({ id: series.id })] })

    const preview = await api.get(`/admin/serial-series/${series.id}/preview?count=3`, headers)
    expect(preview.data.values).toEqual([`DR-${year}-00001`, `DR-${year}-00002`, `DR-${year}-00003`])
    // A preview issues nothing: asking again shows the same values.
    const again = await api.get(`/admin/serial-series/${series.id}/preview?count=1`, headers)
    expect(again.data.values).toEqual([`DR-${year}-00001`])
    const nextYear = await api.get(`/admin/serial-series/${series.id}/preview?count=1&date=2031-06-01T00:00:00Z`, headers)
    expect(nextYear.data.values).toEqual(["DR-2031-00001"])

    const renamed = await api.post(`/admin/serial-series/${series.id}`, { name: "Cordless drills" }, headers)
    expect(renamed.data.serial_series).toMatchObject({ name: "Cordless drills", pattern: "DR-{YYYY}-#####" })

    const del = await api.delete(`/admin/serial-series/${series.id}`, headers)
    expect(del.data).toEqual({ id: series.id, object: "serial_series", deleted: true })
    expect(await statusOf(api.get(`/admin/serial-series/${series.id}`, headers))).toBe(404)
  })

  it("searches series by name and pattern with q", async () => {
    await api.post("/admin/serial-series", { name: "Drills", pattern: "DR-{YYYY}-#####" }, headers)
    await api.post("/admin/serial-series", { name: "Saws", pattern: "SAW-{YY}-###" }, headers)
    const names = async (q: string) =>
      (await api.get(`/admin/serial-series?q=${encodeURIComponent(q)}`, headers)).data.serial_series.map((s: any) => s.name).sort()
    expect(await names("saw")).toEqual(["Saws"])
    expect(await names("{YYYY}")).toEqual(["Drills"])
    expect(await names("-")).toEqual(["Drills", "Saws"])
    expect(await names("nothing")).toEqual([])
  })

  it("skips values that already exist as serials in the preview", async () => {
    const { variant } = await createProductWithVariant(getContainer(), { title: "Saw", sku: "SAW" })
    await api.post(`/admin/serial-settings/${variant.id}`, { is_serialized: true }, headers)
    const series = (await api.post("/admin/serial-series", { name: "Saws", pattern: "SAW-###" }, headers)).data.serial_series
    await api.post("/admin/serial-numbers", { variant_id: variant.id, serial_numbers: ["saw-001", "SAW-003"] }, headers)
    const preview = await api.get(`/admin/serial-series/${series.id}/preview?count=3`, headers)
    expect(preview.data.values).toEqual(["SAW-002", "SAW-004", "SAW-005"])
  })

  it("refuses malformed and colliding patterns with the reason, and duplicate names", async () => {
    const first = await api.post("/admin/serial-series", { name: "Tests", pattern: "test1#" }, headers)

    const collide = await failure(api.post("/admin/serial-series", { name: "Other", pattern: "test##" }, headers), "collide")
    expect(collide.status).toBe(400)
    expect(collide.message).toContain('"Tests"')
    expect(collide.message).toMatch(/for example "TEST1\d+"/)

    for (const [pattern, reason] of [
      ["SN-{YYYY}", "no counter"],
      ["SN-##-##", "more than one"],
      ["SN-{WEEK}-###", "{WEEK}"],
      ["SN-{YYYY-###", "never closed"],
      ["SN,###", '","'],
    ]) {
      const err = await failure(api.post("/admin/serial-series", { name: `P ${pattern}`, pattern }, headers), pattern)
      expect({ pattern, status: err.status }).toEqual({ pattern, status: 400 })
      expect(err.message).toContain(reason)
      expect(err.message).toContain(pattern)
    }

    const dupName = await failure(api.post("/admin/serial-series", { name: "Tests", pattern: "ZZ-###" }, headers))
    expect(dupName.status).toBe(422)
    expect(dupName.message).toContain("Tests")

    // Changing a pattern is checked the same way, against the other series only.
    const second = (await api.post("/admin/serial-series", { name: "Zed", pattern: "ZED-###" }, headers)).data.serial_series
    const bad = await failure(api.post(`/admin/serial-series/${second.id}`, { pattern: "TEST###" }, headers), "update")
    expect(bad.status).toBe(400)
    const own = await api.post(`/admin/serial-series/${first.data.serial_series.id}`, { pattern: "test1##" }, headers)
    expect(own.status).toBe(200)

    const list = await api.get("/admin/serial-series?order=name", headers)
    expect(list.data.serial_series.map((s: any) => [s.name, s.pattern])).toEqual([
      ["Tests", "test1##"],
      ["Zed", "ZED-###"],
    ])
  })

  it("refuses to delete a series a variant uses", async () => {
    const { variant } = await createProductWithVariant(getContainer(), { title: "Drill", sku: "DRILL" })
    const series = (await api.post("/admin/serial-series", { name: "Drills", pattern: "D-#####" }, headers)).data.serial_series
    await api.post(`/admin/serial-settings/${variant.id}`, { is_serialized: true, series_id: series.id }, headers)
    const err = await failure(api.delete(`/admin/serial-series/${series.id}`, headers))
    expect(err.status).toBe(400)
    expect(err.message).toContain("1 variant")
    expect((await api.get(`/admin/serial-series/${series.id}`, headers)).status).toBe(200)
  })

  it("answers 404 for unknown series, 400 for malformed input, 401 without login", async () => {
    expect(await statusOf(api.get("/admin/serial-series/snser_nope", headers))).toBe(404)
    expect(await statusOf(api.get("/admin/serial-series/snser_nope/preview", headers))).toBe(404)
    expect(await statusOf(api.post("/admin/serial-series/snser_nope", { name: "x" }, headers))).toBe(404)
    expect(await statusOf(api.delete("/admin/serial-series/snser_nope", headers))).toBe(404)
    const series = (await api.post("/admin/serial-series", { name: "S", pattern: "S-#" }, headers)).data.serial_series
    for (const q of ["count=0", "count=101", "count=two", "date=yesterday"]) {
      const err = await failure(api.get(`/admin/serial-series/${series.id}/preview?${q}`, headers), q)
      expect({ q, status: err.status }).toEqual({ q, status: 400 })
    }
    for (const body of [{}, { name: "" , pattern: "A-#"}, { name: "A", pattern: 5 }, { name: "A", pattern: "A-#", extra: 1 }]) {
      const err = await failure(api.post("/admin/serial-series", body, headers), JSON.stringify(body))
      expect({ body, status: err.status }).toEqual({ body, status: 400 })
    }
    expect(await statusOf(api.get("/admin/serial-series"))).toBe(401)
    expect(await statusOf(api.post("/admin/serial-series", { name: "N", pattern: "N-#" }))).toBe(401)
    expect((await api.get("/admin/serial-series", headers)).data.count).toBe(1)
  })
})
