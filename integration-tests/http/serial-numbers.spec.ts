import { adminHeaders } from "../helpers/admin"
import { createProductWithVariant } from "../helpers/catalog"
import { failure, statusOf as status } from "../helpers/http"
import { httpSuite } from "../helpers/suite"

jest.setTimeout(120_000)

httpSuite(__filename, ({ api, getContainer }) => {
  let headers: any
  let variant: any
  let product: any

  // Once per file: the runner snapshots the database after this and restores it before
  // every test. (The list tests' serials below stay per test: a nested beforeAll would run
  // after the snapshot, and the other tests start without serials.)
  beforeAll(async () => {
    const container = getContainer()
    headers = await adminHeaders(api, container)
    ;({ product, variant } = await createProductWithVariant(container, { title: "Drill", sku: "DRILL-1" }))
    await api.post(`/admin/serial-settings/${variant.id}`, { is_serialized: true }, headers)
  })

  describe("POST /admin/serial-numbers", () => {
    it("creates inactive serials with the variant's product and a ledger row", async () => {
      const res = await api.post(
        "/admin/serial-numbers",
        { variant_id: variant.id, serial_numbers: ["SN-1", "sn-2"], notes: "from the bench" },
        headers
      )
      expect(res.status).toBe(201)
      expect(res.data.serial_numbers).toHaveLength(2)
      const first = res.data.serial_numbers.find((s: any) => s.serial_number === "SN-1")
      expect(first).toMatchObject({
        status: "inactive",
        variant_id: variant.id,
        product_id: product.id,
        stock_location_id: null,
        notes: "from the bench",
        maintenance_status: null,
      })
      expect(first.normalized).toBeUndefined()

      const detail = await api.get(`/admin/serial-numbers/${first.id}`, headers)
      expect(detail.data.serial_number.ledger).toEqual([
        expect.objectContaining({ type: "create", from_status: null, to_status: "inactive", reference_type: "manual" }),
      ])
    })

    it("refuses a location, naming the field, and writes nothing", async () => {
      const err = await failure(
        api.post(
          "/admin/serial-numbers",
          { variant_id: variant.id, serial_number: "SN-9", stock_location_id: "sloc_123" },
          headers
        )
      )
      expect(err.status).toBe(400)
      expect(err.message).toContain("stock_location_id")
      const list = await api.get("/admin/serial-numbers", headers)
      expect(list.data.count).toBe(0)
    })

    it("refuses duplicates case-insensitively, naming every one", async () => {
      await api.post("/admin/serial-numbers", { variant_id: variant.id, serial_numbers: ["AB-1", "AB-2"] }, headers)
      const err = await failure(
        api.post("/admin/serial-numbers", { variant_id: variant.id, serial_numbers: ["ab-1", "AB-2 ", "AB-3"] }, headers)
      )
      expect(err.status).toBe(422)
      expect(err.message).toContain("AB-1")
      expect(err.message).toContain("AB-2")
      expect(err.message).not.toContain("AB-3")

      const repeated = await failure(
        api.post("/admin/serial-numbers", { variant_id: variant.id, serial_numbers: ["X-1", "x-1"] }, headers)
      )
      expect(repeated.status).toBe(400)
      expect(repeated.message).toContain("X-1")
      const list = await api.get("/admin/serial-numbers", headers)
      expect(list.data.count).toBe(2)
    })

    it("answers 404 for an unknown variant and 400 for malformed bodies", async () => {
      const unknown = await failure(
        api.post("/admin/serial-numbers", { variant_id: "variant_nope", serial_number: "Z-1" }, headers)
      )
      expect(unknown.status).toBe(404)
      expect(unknown.message).toContain("variant_nope")

      const bad = [
        [{ variant_id: variant.id }, "serial_number"],
        [{ variant_id: variant.id, serial_number: "A,B" }, "comma"],
        [{ variant_id: variant.id, serial_number: "   " }, "empty"],
        [{ variant_id: variant.id, serial_number: "X".repeat(101) }, "101"],
        [{ variant_id: variant.id, serial_numbers: "SN-1" }, "serial_numbers"],
        [{ variant_id: variant.id, serial_number: "OK-1", status: "active" }, "status"],
        [{ variant_id: variant.id, serial_number: "OK-1", colour: "red" }, "colour"],
        [{ variant_id: variant.id, serial_number: "OK-1", end_of_life_at: "soon" }, "soon"],
      ] as const
      for (const [body, named] of bad) {
        const err = await failure(api.post("/admin/serial-numbers", body, headers))
        expect({ body, status: err.status }).toEqual({ body, status: 400 })
        expect(err.message).toContain(named)
      }
      expect((await api.get("/admin/serial-numbers", headers)).data.count).toBe(0)
    })
  })

  describe("GET /admin/serial-numbers", () => {
    beforeEach(async () => {
      await api.post(
        "/admin/serial-numbers",
        { variant_id: variant.id, serial_numbers: ["LIST-3", "LIST-1", "LIST-2", "OTHER-1"] },
        headers
      )
    })

    it("lists with filters, search, order and pagination", async () => {
      const page = await api.get("/admin/serial-numbers?limit=2&offset=1&order=serial_number", headers)
      expect(page.data).toMatchObject({ count: 4, offset: 1, limit: 2 })
      expect(page.data.serial_numbers.map((s: any) => s.serial_number)).toEqual(["LIST-2", "LIST-3"])

      const search = await api.get("/admin/serial-numbers?q=list&order=-serial_number", headers)
      expect(search.data.serial_numbers.map((s: any) => s.serial_number)).toEqual(["LIST-3", "LIST-2", "LIST-1"])

      const byProduct = await api.get(`/admin/serial-numbers?product_id=${product.id}&status=inactive`, headers)
      expect(byProduct.data.count).toBe(4)
      const byStatus = await api.get(`/admin/serial-numbers?status=active`, headers)
      expect(byStatus.data.count).toBe(0)
      const byVariant = await api.get(`/admin/serial-numbers?variant_id=variant_other`, headers)
      expect(byVariant.data.count).toBe(0)
    })

    it("filters by warranty state: running, ended or never set", async () => {
      const all = (await api.get("/admin/serial-numbers?order=serial_number", headers)).data.serial_numbers
      const byName = Object.fromEntries(all.map((s: any) => [s.serial_number, s.id]))
      await api.post(`/admin/serial-numbers/${byName["LIST-1"]}`, { warranty_expires_at: "2099-01-01T00:00:00.000Z" }, headers)
      await api.post(`/admin/serial-numbers/${byName["LIST-2"]}`, { warranty_expires_at: "2020-01-01T00:00:00.000Z" }, headers)
      const names = async (state: string) =>
        (await api.get(`/admin/serial-numbers?order=serial_number&warranty_state=${state}`, headers)).data.serial_numbers.map(
          (s: any) => s.serial_number
        )
      expect(await names("under_warranty")).toEqual(["LIST-1"])
      expect(await names("expired")).toEqual(["LIST-2"])
      expect(await names("none")).toEqual(["LIST-3", "OTHER-1"])
      const byIds = await api.get(`/admin/serial-numbers?order=serial_number&id=${byName["LIST-2"]}&id=${byName["OTHER-1"]}`, headers)
      expect(byIds.data.serial_numbers.map((s: any) => s.serial_number)).toEqual(["LIST-2", "OTHER-1"])
      const exported = await api.get(`/admin/serial-numbers/export?warranty_state=expired`, headers)
      expect(exported.data).toContain("LIST-2")
      expect(exported.data).not.toContain("LIST-1")
      const chosen = await api.get(`/admin/serial-numbers/export?id=${byName["LIST-1"]}&id=${byName["OTHER-1"]}`, headers)
      expect(chosen.data.trim().split(/\r?\n/)).toHaveLength(3)
      const combined = await api.get("/admin/serial-numbers?warranty_state=none&q=other", headers)
      expect(combined.data.serial_numbers.map((s: any) => s.serial_number)).toEqual(["OTHER-1"])

      const err = await failure(api.get("/admin/serial-numbers?warranty_state=soon", headers))
      expect(err.status).toBe(400)
      expect(err.message).toContain("'soon'")
    })

    it("joins the variant and product through the links", async () => {
      const res = await api.get(
        "/admin/serial-numbers?q=OTHER&fields=id,serial_number,*product_variant,*product",
        headers
      )
      expect(res.data.serial_numbers[0].product_variant).toMatchObject({ id: variant.id, sku: "DRILL-1" })
      expect(res.data.serial_numbers[0].product).toMatchObject({ id: product.id, title: "Drill" })
    })

    it("lets query.graph read a product and a variant with their serials", async () => {
      const query = getContainer().resolve("query")
      const { data: products } = await query.graph({
        entity: "product",
        fields: ["id", "serials.serial_number"],
        filters: { id: product.id },
      })
      expect(products[0].serials.map((s: any) => s.serial_number).sort()).toEqual([
        "LIST-1",
        "LIST-2",
        "LIST-3",
        "OTHER-1",
      ])
      const { data: variants } = await query.graph({
        entity: "product_variant",
        fields: ["id", "serial_numbers.status"],
        filters: { id: variant.id },
      })
      expect(variants[0].serial_numbers).toHaveLength(4)
    })

    it("answers 400 naming the value for malformed queries", async () => {
      for (const [q, named] of [
        ["status=lost", "lost"],
        ["limit=abc", "abc"],
        ["limit=0", "limit"],
        ["order=password", "password"],
        ["fields=secret_column", "secret_column"],
        ["a.b.c=1", "a.b.c"],
        ["unknown_filter=1", "unknown_filter"],
      ]) {
        const err = await failure(api.get(`/admin/serial-numbers?${q}`, headers), q)
        expect({ q, status: err.status }).toEqual({ q, status: 400 })
        expect(err.message).toContain(named)
      }
    })

    it("keeps serials when their product is deleted", async () => {
      const { deleteProductsWorkflow } = await import("@medusajs/core-flows")
      await deleteProductsWorkflow(getContainer()).run({ input: { ids: [product.id] } })
      const res = await api.get(`/admin/serial-numbers?variant_id=${variant.id}&fields=id,serial_number,variant_id,*product_variant`, headers)
      expect(res.data.count).toBe(4)
      expect(res.data.serial_numbers[0].variant_id).toBe(variant.id)
      expect(res.data.serial_numbers[0].product_variant ?? null).toBeNull()
      const detail = await api.get(`/admin/serial-numbers/${res.data.serial_numbers[0].id}`, headers)
      expect(detail.data.serial_number.ledger).toHaveLength(1)
    })

    it("needs an admin", async () => {
      expect(await status(api.get("/admin/serial-numbers"))).toBe(401)
      expect(await status(api.post("/admin/serial-numbers", { variant_id: variant.id, serial_number: "N-1" }))).toBe(401)
    })
  })

  describe("/admin/serial-numbers/:id", () => {
    it("updates notes, metadata, end of life and overrides the warranty with a ledger row", async () => {
      const created = await api.post("/admin/serial-numbers", { variant_id: variant.id, serial_number: "U-1" }, headers)
      const id = created.data.serial_number.id
      const res = await api.post(
        `/admin/serial-numbers/${id}`,
        {
          notes: "checked",
          metadata: { plan: "trial" },
          warranty_starts_at: "2026-01-31T00:00:00.000Z",
          warranty_expires_at: "2099-02-28T00:00:00.000Z",
        },
        headers
      )
      expect(res.data.serial_number).toMatchObject({
        notes: "checked",
        metadata: { plan: "trial" },
        warranty_overridden: true,
        maintenance_status: "under_warranty",
      })
      expect(res.data.serial_number.ledger.map((l: any) => l.type)).toEqual(["create", "warranty_override"])

      const refused = await failure(api.post(`/admin/serial-numbers/${id}`, { stock_location_id: "sloc_1" }, headers))
      expect(refused.status).toBe(400)
      expect(refused.message).toContain("stock_location_id")
      const backwards = await failure(
        api.post(`/admin/serial-numbers/${id}`, { warranty_expires_at: "2020-01-01T00:00:00.000Z" }, headers)
      )
      expect(backwards.status).toBe(400)
      const after = await api.get(`/admin/serial-numbers/${id}`, headers)
      expect(after.data.serial_number.warranty_expires_at).toBe("2099-02-28T00:00:00.000Z")
      expect(after.data.serial_number.ledger).toHaveLength(2)
    })

    it("deletes a serial without stock history and 404s unknown ids", async () => {
      const created = await api.post("/admin/serial-numbers", { variant_id: variant.id, serial_number: "D-1" }, headers)
      const id = created.data.serial_number.id
      const del = await api.delete(`/admin/serial-numbers/${id}`, headers)
      expect(del.data).toEqual({ id, object: "serial_number", deleted: true })
      expect(await status(api.get(`/admin/serial-numbers/${id}`, headers))).toBe(404)
      expect(await status(api.delete(`/admin/serial-numbers/sn_missing`, headers))).toBe(404)
      expect(await status(api.post(`/admin/serial-numbers/sn_missing`, { notes: "x" }, headers))).toBe(404)
      // The text is free again once deleted.
      const again = await api.post("/admin/serial-numbers", { variant_id: variant.id, serial_number: "d-1" }, headers)
      expect(again.status).toBe(201)
    })

    it("refuses to delete a serial that moved with stock", async () => {
      const created = await api.post("/admin/serial-numbers", { variant_id: variant.id, serial_number: "H-1" }, headers)
      const id = created.data.serial_number.id
      await getContainer()
        .resolve("serial")
        .moveSerials({ ids: [id], movement: "receive", location_id: "sloc_test" })
      const err = await failure(api.delete(`/admin/serial-numbers/${id}`, headers))
      expect(err.status).toBe(400)
      expect(err.message).toContain("H-1")
      expect((await api.get(`/admin/serial-numbers/${id}`, headers)).data.serial_number.status).toBe("active")
    })
  })
})
