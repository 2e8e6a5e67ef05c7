import path from "path"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import type SerialModuleService from "../../src/modules/serial/service"

jest.setTimeout(120000)

const resolve = path.join(__dirname, "../../src/modules/serial")
const pathToMigrations = path.join(resolve, "migrations")

/** Serials exist only for serialized variants: the fake variants of these tests are. */
async function serializeVariants(service: SerialModuleService) {
  await service.createSerialSettings(["variant_a", "variant_b", "variant_c"].map((variant_id) => ({ variant_id, is_serialized: true })))
}

/** The error a promise rejects with, to look at its type and message. */
async function errorOf(p: Promise<unknown>): Promise<{ type?: string; message: string }> {
  try {
    await p
  } catch (e) {
    return e as { type?: string; message: string }
  }
  throw new Error("expected the call to be refused, it succeeded")
}

moduleIntegrationTestRunner<SerialModuleService>({
  moduleName: "serial",
  resolve,
  pathToMigrations,
  moduleOptions: { uniqueness_scope: "global" },
  testSuite: ({ service }) => {
    const ledgerOf = async (serialId: string) =>
      await service.listSerialLedgerEntries({ serial_number_id: serialId }, { order: { created_at: "ASC" } })
    const byText = async (text: string) => {
      const [s] = await service.listSerialNumbers({ serial_number: text })
      return s
    }

    describe("createSerials", () => {
      beforeEach(async () => serializeVariants(service))

      it("creates inactive serials without a location and one create ledger row each", async () => {
        const created = await service.createSerials(
          [
            { serial_number: "SN-0001", variant_id: "variant_a", product_id: "prod_a", notes: "first" },
            { serial_number: "  SN-0002 ", variant_id: "variant_a", metadata: { plan: "trial" } },
          ],
          { reference_type: "import", reference_id: "imp_1", actor_type: "user", actor_id: "user_1" }
        )
        expect(created.map((c) => c.serial_number)).toEqual(["SN-0001", "SN-0002"])

        const serials = await service.listSerialNumbers({}, { order: { serial_number: "ASC" } })
        expect(serials).toHaveLength(2)
        expect(serials[0]).toMatchObject({
          id: created[0].id,
          serial_number: "SN-0001",
          variant_id: "variant_a",
          product_id: "prod_a",
          status: "inactive",
          stock_location_id: null,
          notes: "first",
        })
        // Stored trimmed.
        expect(serials[1]).toMatchObject({ serial_number: "SN-0002", status: "inactive", metadata: { plan: "trial" } })

        for (const c of created) {
          const ledger = await ledgerOf(c.id)
          expect(ledger).toHaveLength(1)
          expect(ledger[0]).toMatchObject({
            serial_number: c.serial_number,
            type: "create",
            from_status: null,
            to_status: "inactive",
            from_location_id: null,
            to_location_id: null,
            reference_type: "import",
            reference_id: "imp_1",
            actor_type: "user",
            actor_id: "user_1",
          })
        }
      })

      it("refuses serials repeated in the input, naming all of them, and writes nothing", async () => {
        const e = await errorOf(
          service.createSerials(
            ["A-1", "B-1", "a-1", "C-1", "B-1", "D-1"].map((serial_number) => ({ serial_number, variant_id: "variant_a" }))
          )
        )
        expect(e.type).toBe("invalid_data")
        expect(e.message).toMatch(/repeated in the input/)
        expect(e.message.toUpperCase()).toContain("A-1")
        expect(e.message).toContain("B-1")
        expect(e.message).not.toContain("C-1")
        expect(e.message).not.toContain("D-1")
        expect(await service.listSerialNumbers({})).toHaveLength(0)
        expect(await service.listSerialLedgerEntries({})).toHaveLength(0)
      })

      it("refuses serials that already exist, case-insensitively, naming them, and writes nothing", async () => {
        await service.createSerials([
          { serial_number: "AB-1", variant_id: "variant_a" },
          { serial_number: "CD-2", variant_id: "variant_a" },
        ])
        const e = await errorOf(
          service.createSerials([
            { serial_number: "ab-1", variant_id: "variant_a" },
            { serial_number: "EF-3", variant_id: "variant_a" },
            { serial_number: " cd-2", variant_id: "variant_b" },
          ])
        )
        expect(e.type).toBe("duplicate_error")
        expect(e.message).toMatch(/already exist/)
        expect(e.message.toUpperCase()).toContain("AB-1")
        expect(e.message.toUpperCase()).toContain("CD-2")
        expect(e.message).not.toContain("EF-3")

        const serials = await service.listSerialNumbers({}, { order: { serial_number: "ASC" } })
        expect(serials.map((s) => s.serial_number)).toEqual(["AB-1", "CD-2"])
        expect(await service.listSerialLedgerEntries({})).toHaveLength(2)
      })

      it("refuses malformed serials with the reason", async () => {
        const e = await errorOf(
          service.createSerials([
            { serial_number: "OK-1", variant_id: "variant_a" },
            { serial_number: "X,Y", variant_id: "variant_a" },
            { serial_number: "   ", variant_id: "variant_a" },
          ])
        )
        expect(e.type).toBe("invalid_data")
        expect(e.message).toContain('serial "X,Y" contains a comma')
        expect(e.message).toContain("serial is empty")
        expect(await service.listSerialNumbers({})).toHaveLength(0)
      })

      it("with global uniqueness, refuses the same text on another variant", async () => {
        await service.createSerials([{ serial_number: "SAME-1", variant_id: "variant_a" }])
        const e = await errorOf(service.createSerials([{ serial_number: "same-1", variant_id: "variant_b" }]))
        expect(e.message).toMatch(/already exist.*SAME-1/)
      })
    })

    describe("moveSerials", () => {
      beforeEach(async () => serializeVariants(service))

      const create = async (...texts: string[]) =>
        await service.createSerials(texts.map((serial_number) => ({ serial_number, variant_id: "variant_a" })))

      it("receives at a location, then delivers, recording each move in the ledger", async () => {
        const [a] = await create("MV-1")
        const receivedAt = new Date("2026-02-01T09:00:00.000Z")
        const received = await service.moveSerials({
          ids: [a.id],
          movement: "receive",
          location_id: "sloc_1",
          set: { received_at: receivedAt, supplier_name: "Acme", receipt_id: "rcpt_1" },
          reference: { reference_type: "purchase_receipt", reference_id: "rcpt_1" },
        })
        expect(received).toEqual([{ id: a.id, status: "active" }])
        expect(await byText("MV-1")).toMatchObject({
          status: "active",
          stock_location_id: "sloc_1",
          supplier_name: "Acme",
          receipt_id: "rcpt_1",
        })
        expect(new Date((await byText("MV-1")).received_at!).toISOString()).toBe(receivedAt.toISOString())

        await service.moveSerials({
          ids: [a.id],
          movement: "deliver",
          set: { customer_id: "cus_1", order_id: "order_1", line_item_id: "ordli_1", delivered_at: new Date() },
          reference: { reference_type: "fulfillment", reference_id: "ful_1" },
        })
        expect(await byText("MV-1")).toMatchObject({
          status: "delivered",
          stock_location_id: null,
          customer_id: "cus_1",
          order_id: "order_1",
          line_item_id: "ordli_1",
        })

        const ledger = await ledgerOf(a.id)
        expect(ledger.map((l) => l.type)).toEqual(["create", "receive", "deliver"])
        expect(ledger[1]).toMatchObject({
          serial_number: "MV-1",
          from_status: "inactive",
          to_status: "active",
          from_location_id: null,
          to_location_id: "sloc_1",
          reference_type: "purchase_receipt",
          reference_id: "rcpt_1",
        })
        expect(ledger[2]).toMatchObject({
          from_status: "active",
          to_status: "delivered",
          from_location_id: "sloc_1",
          to_location_id: null,
          reference_type: "fulfillment",
          reference_id: "ful_1",
        })
      })

      it("refuses to receive without a location and changes nothing", async () => {
        const [a] = await create("MV-2")
        const e = await errorOf(service.moveSerials({ ids: [a.id], movement: "receive" }))
        expect(e.message).toMatch(/MV-2.*needs a stock location/)
        expect(await byText("MV-2")).toMatchObject({ status: "inactive", stock_location_id: null })
        expect(await ledgerOf(a.id)).toHaveLength(1)
      })

      it("refuses a whole batch when one serial may not move, naming it, and changes nothing", async () => {
        const [a, b, c] = await create("BT-1", "BT-2", "BT-3")
        await service.moveSerials({ ids: [a.id, c.id], movement: "receive", location_id: "sloc_1" })

        const e = await errorOf(
          service.moveSerials({
            ids: [a.id, b.id, c.id],
            movement: "deliver",
            set: { order_id: "order_1" },
            reference: { reference_type: "fulfillment", reference_id: "ful_x" },
          })
        )
        expect(e.type).toBe("not_allowed")
        expect(e.message).toContain("Serial BT-2 is inactive")
        expect(e.message).not.toContain("BT-1")
        expect(e.message).not.toContain("BT-3")

        const serials = await service.listSerialNumbers({}, { order: { serial_number: "ASC" } })
        expect(serials.map((s) => [s.serial_number, s.status, s.stock_location_id, s.order_id])).toEqual([
          ["BT-1", "active", "sloc_1", null],
          ["BT-2", "inactive", null, null],
          ["BT-3", "active", "sloc_1", null],
        ])
        expect(await service.listSerialLedgerEntries({ type: "deliver" })).toHaveLength(0)
      })

      it("names every serial a batch refuses", async () => {
        const [a, b] = await create("NM-1", "NM-2")
        const e = await errorOf(service.moveSerials({ ids: [a.id, b.id], movement: "reserve" }))
        expect(e.message).toContain("NM-1")
        expect(e.message).toContain("NM-2")
      })

      it("refuses unknown serial ids", async () => {
        const [a] = await create("NF-1")
        const e = await errorOf(
          service.moveSerials({ ids: [a.id, "sn_missing"], movement: "receive", location_id: "sloc_1" })
        )
        expect(e.type).toBe("not_found")
        expect(e.message).toContain("sn_missing")
        expect(await byText("NF-1")).toMatchObject({ status: "inactive" })
      })

      it("keeps the location on reserve and release, and puts a returned serial at the return location", async () => {
        const [a] = await create("RS-1")
        await service.moveSerials({ ids: [a.id], movement: "receive", location_id: "sloc_1" })
        await service.moveSerials({ ids: [a.id], movement: "reserve", location_id: "sloc_other" })
        expect(await byText("RS-1")).toMatchObject({ status: "reserved", stock_location_id: "sloc_1" })
        await service.moveSerials({ ids: [a.id], movement: "release" })
        expect(await byText("RS-1")).toMatchObject({ status: "active", stock_location_id: "sloc_1" })
        await service.moveSerials({ ids: [a.id], movement: "deliver" })
        await service.moveSerials({ ids: [a.id], movement: "return_restock", location_id: "sloc_2" })
        expect(await byText("RS-1")).toMatchObject({ status: "active", stock_location_id: "sloc_2" })
        expect((await ledgerOf(a.id)).map((l) => [l.type, l.from_status, l.to_status])).toEqual([
          ["create", null, "inactive"],
          ["receive", "inactive", "active"],
          ["reserve", "active", "reserved"],
          ["release", "reserved", "active"],
          ["deliver", "active", "delivered"],
          ["return_restock", "delivered", "active"],
        ])
      })
    })

    describe("updateSerialDetails", () => {
      beforeEach(async () => serializeVariants(service))

      it("stamps each change's ledger rows with its own operation, and an undo removes those rows only", async () => {
        const [a] = await service.createSerials([{ serial_number: "OP-1", variant_id: "variant_a" }])
        const first = await service.updateSerialDetails(a.id, { notes: "first" })
        const second = await service.updateSerialDetails(a.id, { notes: "second" })
        expect(first.operation_id).toMatch(/^snop_/)
        expect(second.operation_id).toMatch(/^snop_/)
        expect(second.operation_id).not.toBe(first.operation_id)
        const before = await ledgerOf(a.id)
        expect(before.map((l) => [l.type, (l.data as any)?.changes?.notes?.to ?? null])).toEqual([
          ["create", null],
          ["update", "first"],
          ["update", "second"],
        ])
        expect(before.map((l) => l.operation_id)).toEqual([expect.stringMatching(/^snop_/), first.operation_id, second.operation_id])

        // Undoing the older change, after a newer one: its row goes, the newer one stays.
        await service.restoreSerialDetails(first)
        const after = await ledgerOf(a.id)
        expect(after.map((l) => l.operation_id)).toEqual([before[0].operation_id, second.operation_id])
        expect((await byText("OP-1")).notes).toBeNull()
      })

      it("records a warranty override in the ledger and marks the serial overridden", async () => {
        const [a] = await service.createSerials([{ serial_number: "WR-1", variant_id: "variant_a" }])
        await service.updateSerialDetails(
          a.id,
          { warranty_starts_at: "2026-01-01T00:00:00.000Z", warranty_expires_at: "2027-01-01T00:00:00.000Z" },
          { actor_type: "user", actor_id: "user_1" }
        )
        const s = await byText("WR-1")
        expect(s.warranty_overridden).toBe(true)
        expect(new Date(s.warranty_starts_at!).toISOString()).toBe("2026-01-01T00:00:00.000Z")
        expect(new Date(s.warranty_expires_at!).toISOString()).toBe("2027-01-01T00:00:00.000Z")

        const ledger = await ledgerOf(a.id)
        expect(ledger.map((l) => l.type)).toEqual(["create", "warranty_override"])
        expect(ledger[1]).toMatchObject({ from_status: "inactive", to_status: "inactive", actor_id: "user_1" })
        expect(ledger[1].data).toMatchObject({
          changes: {
            warranty_starts_at: { from: null, to: "2026-01-01T00:00:00.000Z" },
            warranty_expires_at: { from: null, to: "2027-01-01T00:00:00.000Z" },
          },
        })
      })

      it("records a plain detail change as an update, without overriding the warranty", async () => {
        const [a] = await service.createSerials([{ serial_number: "WR-2", variant_id: "variant_a" }])
        await service.updateSerialDetails(a.id, { notes: "dented box", metadata: { plan: "paid" } })
        expect(await byText("WR-2")).toMatchObject({ notes: "dented box", metadata: { plan: "paid" }, warranty_overridden: false })
        expect((await ledgerOf(a.id)).map((l) => l.type)).toEqual(["create", "update"])
      })

      it("refuses a warranty that expires before it starts and changes nothing", async () => {
        const [a] = await service.createSerials([{ serial_number: "WR-3", variant_id: "variant_a" }])
        const e = await errorOf(
          service.updateSerialDetails(a.id, {
            warranty_starts_at: "2026-06-01T00:00:00.000Z",
            warranty_expires_at: "2026-05-31T23:59:59.000Z",
          })
        )
        expect(e.type).toBe("invalid_data")
        expect(e.message).toMatch(/warranty_expires_at .* is before warranty_starts_at/)

        // Also against a start saved earlier.
        await service.updateSerialDetails(a.id, { warranty_starts_at: "2026-06-01T00:00:00.000Z" })
        await expect(
          service.updateSerialDetails(a.id, { warranty_expires_at: "2026-01-01T00:00:00.000Z" })
        ).rejects.toThrow(/is before warranty_starts_at/)

        const s = await byText("WR-3")
        expect(s.warranty_expires_at).toBeNull()
        expect((await ledgerOf(a.id)).map((l) => l.type)).toEqual(["create", "warranty_override"])
      })
    })

    describe("removeSerials", () => {
      beforeEach(async () => serializeVariants(service))

      it("deletes a fresh inactive serial, whose text can then be used again", async () => {
        const [a] = await service.createSerials([{ serial_number: "RM-1", variant_id: "variant_a" }])
        await service.updateSerialDetails(a.id, { notes: "typo" })
        expect((await service.removeSerials([a.id])).ids).toEqual([a.id])
        expect(await service.listSerialNumbers({})).toHaveLength(0)
        expect((await ledgerOf(a.id)).map((l) => l.type)).toEqual(["create", "update", "delete"])

        const [again] = await service.createSerials([{ serial_number: "rm-1", variant_id: "variant_a" }])
        expect(again.id).not.toBe(a.id)
      })

      it("refuses a serial that was ever received, even once back to inactive, naming it", async () => {
        const [fresh, moved] = await service.createSerials([
          { serial_number: "RM-2", variant_id: "variant_a" },
          { serial_number: "RM-3", variant_id: "variant_a" },
        ])
        await service.moveSerials({ ids: [moved.id], movement: "receive", location_id: "sloc_1" })
        await service.moveSerials({ ids: [moved.id], movement: "deactivate" })
        expect(await byText("RM-3")).toMatchObject({ status: "inactive" })

        const e = await errorOf(service.removeSerials([fresh.id, moved.id]))
        expect(e.type).toBe("not_allowed")
        expect(e.message).toContain("RM-3")
        expect(e.message).not.toContain("RM-2")
        // The whole call is refused: the fresh one is still there too.
        expect((await service.listSerialNumbers({})).map((s) => s.serial_number).sort()).toEqual(["RM-2", "RM-3"])
        expect(await service.listSerialLedgerEntries({ type: "delete" })).toHaveLength(0)
      })

      it("refuses a serial in stock", async () => {
        const [a] = await service.createSerials([{ serial_number: "RM-4", variant_id: "variant_a" }])
        await service.moveSerials({ ids: [a.id], movement: "receive", location_id: "sloc_1" })
        await expect(service.removeSerials([a.id])).rejects.toThrow(/cannot be deleted.*RM-4/)
        expect(await byText("RM-4")).toMatchObject({ id: a.id, status: "active", stock_location_id: "sloc_1" })
      })
    })

    describe("series", () => {
      beforeEach(async () => serializeVariants(service))

      it("refuses a pattern that can produce another series' serials, naming that series", async () => {
        const drills = await service.createSerialSeries({ name: "Drills", pattern: "DR-{YYYY}-#####" })
        const e = await errorOf(service.validateSeriesPattern("dr-{YY}{MM}-###"))
        expect(e.type).toBe("invalid_data")
        expect(e.message).toContain('series "Drills" ("DR-{YYYY}-#####")')
        expect(e.message).toMatch(/for example "DR-\d{4}-\d{5,}"/)

        await expect(service.validateSeriesPattern("SN-{YYYY}-#####")).resolves.toBeUndefined()
        // A series does not collide with itself when its own pattern is saved again.
        await expect(service.validateSeriesPattern("DR-{YYYY}-######", drills.id)).resolves.toBeUndefined()
        await expect(service.validateSeriesPattern("DR-{YYYY}-######")).rejects.toThrow(/Drills/)
      })

      it("refuses a malformed pattern with the reason", async () => {
        const e = await errorOf(service.validateSeriesPattern("SN-{YYYY}"))
        expect(e.type).toBe("invalid_data")
        expect(e.message).toContain('Pattern "SN-{YYYY}" is invalid: it has no counter')
      })

      it("issues 8000 distinct values to 8 concurrent allocations of 1000", async () => {
        const series = await service.createSerialSeries({ name: "Concurrent", pattern: "C-#####" })
        const blocks = await Promise.all(
          Array.from({ length: 8 }, () => service.allocateSeriesValues(series.id, 1000))
        )
        const all = blocks.flat()
        expect(blocks.every((b) => b.length === 1000)).toBe(true)
        expect(new Set(all).size).toBe(8000)
        // No value lost either: exactly 1..8000, and the next one is 8001.
        const numbers = all.map((v) => Number(v.slice(2))).sort((x, y) => x - y)
        expect(numbers[0]).toBe(1)
        expect(numbers[7999]).toBe(8000)
        expect(await service.allocateSeriesValues(series.id, 1)).toEqual(["C-08001"])
      })

      it("never issues a value wider than the counter's digits: refuses, and the counter stays", async () => {
        const series = await service.createSerialSeries({ name: "Overflow", pattern: "X-#####" })
        expect(await service.allocateSeriesValues(series.id, 1)).toEqual(["X-00001"])
        const [counter] = await service.listSerialSeriesCounters({ series_id: series.id })
        await service.updateSerialSeriesCounters({ id: counter.id, value: 99998 })
        await expect(service.allocateSeriesValues(series.id, 3)).rejects.toThrow(
          'Series "Overflow" has only 1 value left for X-##### (its 5-digit counter ends at X-99999), 3 asked: give it a pattern with more digits'
        )
        expect(await service.allocateSeriesValues(series.id, 1)).toEqual(["X-99999"])
        await expect(service.allocateSeriesValues(series.id, 1)).rejects.toThrow('Series "Overflow" has no values left')
      })

      it("skips values that already exist as serials, compared case-insensitively", async () => {
        const series = await service.createSerialSeries({ name: "Skip", pattern: "SK-###" })
        await service.createSerials([
          { serial_number: "SK-002", variant_id: "variant_a" },
          { serial_number: "sk-003", variant_id: "variant_b" },
          { serial_number: "SK-006", variant_id: "variant_a" },
        ])
        expect(await service.previewSeries(series.id, 3)).toEqual(["SK-001", "SK-004", "SK-005"])
        expect(await service.allocateSeriesValues(series.id, 3)).toEqual(["SK-001", "SK-004", "SK-005"])
        expect(await service.allocateSeriesValues(series.id, 2)).toEqual(["SK-007", "SK-008"])
      })

      it("restarts a yearly pattern at 1 for another year, and resumes the first year's count", async () => {
        const series = await service.createSerialSeries({ name: "Yearly", pattern: "Y-{YYYY}-###" })
        const y2026 = new Date("2026-12-31T23:59:59.000Z")
        const y2027 = new Date("2027-01-01T00:00:00.000Z")
        expect(await service.allocateSeriesValues(series.id, 2, { date: y2026 })).toEqual(["Y-2026-001", "Y-2026-002"])
        expect(await service.allocateSeriesValues(series.id, 2, { date: y2027 })).toEqual(["Y-2027-001", "Y-2027-002"])
        expect(await service.allocateSeriesValues(series.id, 1, { date: y2026 })).toEqual(["Y-2026-003"])
      })

      it("counts {SKU} patterns per SKU and refuses to allocate without a SKU", async () => {
        const series = await service.createSerialSeries({ name: "PerSku", pattern: "{SKU}-##" })
        expect(await service.allocateSeriesValues(series.id, 2, { sku: "DRL" })).toEqual(["DRL-01", "DRL-02"])
        expect(await service.allocateSeriesValues(series.id, 1, { sku: "SAW" })).toEqual(["SAW-01"])
        const e = await errorOf(service.allocateSeriesValues(series.id, 1, { sku: null }))
        expect(e.type).toBe("invalid_data")
        expect(e.message).toContain('Series "PerSku"')
        expect(e.message).toContain("no SKU")
      })

      it("previews the next values without issuing them", async () => {
        const series = await service.createSerialSeries({ name: "Preview", pattern: "PV-####" })
        const first = await service.previewSeries(series.id, 3)
        expect(first).toEqual(["PV-0001", "PV-0002", "PV-0003"])
        expect(await service.previewSeries(series.id, 3)).toEqual(first)
        expect(await service.allocateSeriesValues(series.id, 3)).toEqual(first)
        expect(await service.previewSeries(series.id, 2)).toEqual(["PV-0004", "PV-0005"])
      })

      it("counts the variants and serials that use a series", async () => {
        const series = await service.createSerialSeries({ name: "Used", pattern: "U-###" })
        const other = await service.createSerialSeries({ name: "Other", pattern: "O-###" })
        expect(await service.seriesUsage(series.id)).toEqual({ variants: 0, serials: 0 })

        await service.upsertVariantSettings("variant_a", { is_serialized: true, series_id: series.id })
        await service.upsertVariantSettings("variant_b", { is_serialized: true, series_id: series.id })
        await service.upsertVariantSettings("variant_c", { is_serialized: true, series_id: other.id })
        await service.createSerials([
          { serial_number: "U-001", variant_id: "variant_a", series_id: series.id },
          { serial_number: "U-002", variant_id: "variant_a", series_id: series.id },
          { serial_number: "U-003", variant_id: "variant_b", series_id: series.id },
          { serial_number: "O-001", variant_id: "variant_c", series_id: other.id },
          { serial_number: "HAND-1", variant_id: "variant_a" },
        ])
        expect(await service.seriesUsage(series.id)).toEqual({ variants: 2, serials: 3 })
        expect(await service.seriesUsage(other.id)).toEqual({ variants: 1, serials: 1 })
      })
    })

    describe("upsertVariantSettings", () => {
      it("creates settings, then a partial update keeps the other fields", async () => {
        const series = await service.createSerialSeries({ name: "Drills", pattern: "DR-#####" })
        const created = await service.upsertVariantSettings("variant_a", {
          is_serialized: true,
          series_id: series.id,
          warranty: { value: 12, unit: "month" },
          fulfillment_policy: "strict",
        })
        expect(created.previous).toBeNull()
        expect(created.settings).toMatchObject({
          variant_id: "variant_a",
          is_serialized: true,
          series_id: series.id,
          warranty_value: 12,
          warranty_unit: "month",
          contract_value: null,
          contract_unit: null,
          fulfillment_policy: "strict",
        })

        const updated = await service.upsertVariantSettings("variant_a", { contract: { value: 1, unit: "year" } })
        expect(updated.previous).toMatchObject({ id: created.settings.id, contract_value: null })
        const [row] = await service.listSerialSettings({ variant_id: "variant_a" })
        expect(row).toMatchObject({
          id: created.settings.id,
          is_serialized: true,
          series_id: series.id,
          warranty_value: 12,
          warranty_unit: "month",
          contract_value: 1,
          contract_unit: "year",
          fulfillment_policy: "strict",
        })

        // null clears a field; leaving it out keeps it.
        await service.upsertVariantSettings("variant_a", { warranty: null, series_id: null })
        const [cleared] = await service.listSerialSettings({ variant_id: "variant_a" })
        expect(cleared).toMatchObject({
          series_id: null,
          warranty_value: null,
          warranty_unit: null,
          contract_value: 1,
          fulfillment_policy: "strict",
        })
        expect(await service.listSerialSettings({})).toHaveLength(1)
      })

      it("refuses an unknown series and leaves the settings as they were", async () => {
        await service.upsertVariantSettings("variant_a", { is_serialized: true })
        const e = await errorOf(service.upsertVariantSettings("variant_a", { series_id: "snser_missing", is_serialized: false }))
        expect(e.type).toBe("not_found")
        expect(e.message).toContain("snser_missing")
        const [row] = await service.listSerialSettings({ variant_id: "variant_a" })
        expect(row).toMatchObject({ is_serialized: true, series_id: null })
      })
    })
  },
})

moduleIntegrationTestRunner<SerialModuleService>({
  moduleName: "serial",
  resolve,
  pathToMigrations,
  dbName: "medusa-serial-per-variant-integration",
  moduleOptions: { uniqueness_scope: "per_variant" },
  testSuite: ({ service }) => {
    describe("createSerials with per_variant uniqueness", () => {
      beforeEach(async () => serializeVariants(service))

      it("allows the same text on two variants but not twice on one", async () => {
        await service.createSerials([
          { serial_number: "PV-1", variant_id: "variant_a" },
          { serial_number: "pv-1", variant_id: "variant_b" },
        ])
        expect(await service.listSerialNumbers({})).toHaveLength(2)

        const e = await errorOf(service.createSerials([{ serial_number: "Pv-1", variant_id: "variant_a" }]))
        expect(e.type).toBe("duplicate_error")
        expect(e.message).toMatch(/already exist.*PV-1/)

        const repeated = await errorOf(
          service.createSerials([
            { serial_number: "PV-2", variant_id: "variant_a" },
            { serial_number: "PV-2", variant_id: "variant_b" },
            { serial_number: "pv-2", variant_id: "variant_a" },
          ])
        )
        expect(repeated.message).toMatch(/repeated in the input: pv-2$/i)
        expect(await service.listSerialNumbers({})).toHaveLength(2)
      })
    })
  },
})
