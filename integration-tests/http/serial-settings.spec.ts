import { adminHeaders } from "../helpers/admin"
import { createProductWithVariant } from "../helpers/catalog"
import { failure, statusOf } from "../helpers/http"
import { httpSuite } from "../helpers/suite"

jest.setTimeout(120_000)

httpSuite(__filename, ({ api, getContainer }) => {
  let headers: any
  let variant: any

  // Once per file: the runner snapshots the database after this and restores it before
  // every test, so each test starts with the variant's default settings.
  beforeAll(async () => {
    headers = await adminHeaders(api, getContainer())
    ;({ variant } = await createProductWithVariant(getContainer(), { title: "Drill", sku: "DRILL" }))
  })

  it("reads defaults for a new variant, then sets and partly updates its settings", async () => {
    const initial = await api.get(`/admin/serial-settings/${variant.id}`, headers)
    expect(initial.data.serial_settings).toMatchObject({
      variant_id: variant.id,
      is_serialized: false,
      series_id: null,
      warranty: null,
      fulfillment_policy: null,
      effective_fulfillment_policy: "auto",
    })

    const series = (await api.post("/admin/serial-series", { name: "Drills", pattern: "DR-#####" }, headers)).data.serial_series
    const set = await api.post(
      `/admin/serial-settings/${variant.id}`,
      {
        is_serialized: true,
        series_id: series.id,
        warranty: { value: 12, unit: "month" },
        contract: { value: 2, unit: "year" },
        fulfillment_policy: "strict",
      },
      headers
    )
    expect(set.data.serial_settings).toMatchObject({
      is_serialized: true,
      series_id: series.id,
      warranty: { value: 12, unit: "month" },
      contract: { value: 2, unit: "year" },
      fulfillment_policy: "strict",
      effective_fulfillment_policy: "strict",
    })

    // A partial update changes only what it names.
    const partial = await api.post(`/admin/serial-settings/${variant.id}`, { warranty: { value: 90, unit: "day" } }, headers)
    expect(partial.data.serial_settings).toMatchObject({
      is_serialized: true,
      series_id: series.id,
      warranty: { value: 90, unit: "day" },
      fulfillment_policy: "strict",
    })
    const cleared = await api.post(`/admin/serial-settings/${variant.id}`, { series_id: null, fulfillment_policy: null }, headers)
    expect(cleared.data.serial_settings).toMatchObject({ series_id: null, effective_fulfillment_policy: "auto" })
    const read = await api.get(`/admin/serial-settings/${variant.id}`, headers)
    expect(read.data.serial_settings).toMatchObject({ is_serialized: true, series_id: null, warranty: { value: 90, unit: "day" } })
  })

  it("refuses unknown variants and series, and malformed bodies, changing nothing", async () => {
    expect(await statusOf(api.get(`/admin/serial-settings/variant_nope`, headers))).toBe(404)
    expect(await statusOf(api.post(`/admin/serial-settings/variant_nope`, { is_serialized: true }, headers))).toBe(404)
    const unknownSeries = await failure(
      api.post(`/admin/serial-settings/${variant.id}`, { is_serialized: true, series_id: "snser_nope" }, headers)
    )
    expect(unknownSeries.status).toBe(404)
    expect(unknownSeries.message).toContain("snser_nope")

    for (const [body, named] of [
      [{ is_serialized: "yes" }, "is_serialized"],
      [{ warranty: { value: 12, unit: "week" } }, "week"],
      [{ warranty: { value: -1, unit: "day" } }, "warranty"],
      [{ warranty: { value: 1.5, unit: "day" } }, "warranty"],
      [{ fulfillment_policy: "sometimes" }, "sometimes"],
      [{ colour: "red" }, "colour"],
    ] as const) {
      const err = await failure(api.post(`/admin/serial-settings/${variant.id}`, body, headers), JSON.stringify(body))
      expect({ body, status: err.status }).toEqual({ body, status: 400 })
      expect(err.message).toContain(named)
    }
    const read = await api.get(`/admin/serial-settings/${variant.id}`, headers)
    expect(read.data.serial_settings).toMatchObject({ id: null, is_serialized: false })
    expect(await statusOf(api.get(`/admin/serial-settings/${variant.id}`))).toBe(401)
  })
})
