import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { adminHeaders } from "../helpers/admin"
import { failure } from "../helpers/http"
import { createOrderWithReservations, createStockedVariant, createStore, receiveSerials, TestStore } from "../helpers/store"
import { httpSuite } from "../helpers/suite"
import buildSerialIndexes from "../../src/scripts/build-serial-indexes"
import { SERIAL_LIST_COUNT_CAP, SERIAL_LIST_NULLABLE_SORTS, SERIAL_LIST_SORTS } from "../../src/shared/serial-list"

jest.setTimeout(240_000)

/**
 * The admin serial list at scale: pages by cursor in every offered order, a count that
 * stops at a cap and then says it is an estimate, and refusals of cursors that are not
 * the list's own.
 */
httpSuite(__filename, ({ api, getContainer }) => {
  let headers: any
  let store: TestStore
  let drill: any
  let all: any[] = []

  // Once per file: 30 serials received at A in one receipt (one received_at for all), 3 of
  // them then delivered; 25 made by hand in one request (one created_at, no received_at),
  // 4 of those with one warranty end. Ties and empty values in every sort.
  beforeAll(async () => {
    const container = getContainer()
    headers = await adminHeaders(api, container)
    store = await createStore(container)
    ;({ variant: drill } = await createStockedVariant(container, store, { title: "Drill", sku: "LIST-DRILL" }))
    await api.post(`/admin/serial-settings/${drill.id}`, { is_serialized: true, fulfillment_policy: "auto" }, headers)
    const received = Array.from({ length: 30 }, (_, i) => `RCV-${String(i).padStart(3, "0")}`)
    await receiveSerials(api, headers, { location_id: store.locationA.id, variant_id: drill.id, serials: received })
    const made = Array.from({ length: 25 }, (_, i) => `HAND-${String(i).padStart(3, "0")}`)
    const created = (await api.post("/admin/serial-numbers", { variant_id: drill.id, serial_numbers: made }, headers)).data.serial_numbers
    for (const s of created.slice(0, 4)) {
      await api.post(`/admin/serial-numbers/${s.id}`, { warranty_expires_at: "2030-01-01T00:00:00.000Z" }, headers)
    }
    const order = await createOrderWithReservations(container, store, [{ variant_id: drill.id, quantity: 3 }])
    await api.post(
      `/admin/orders/${order.id}/fulfillments`,
      { location_id: store.locationA.id, items: [{ id: order.items[0].id, quantity: 3 }] },
      headers
    )
    all = (await api.get("/admin/serial-numbers?limit=1000", headers)).data.serial_numbers
  })

  /** Every page of a query, by cursor: the rows in order and the pages' sizes. */
  const walk = async (query: string, limit: number) => {
    const rows: any[] = []
    const sizes: number[] = []
    let after: string | null = null
    for (let pages = 0; pages < 100; pages++) {
      const res: any = await api.get(
        `/admin/serial-numbers?${query}&limit=${limit}${after ? `&after=${encodeURIComponent(after)}` : ""}`,
        headers
      )
      rows.push(...res.data.serial_numbers)
      sizes.push(res.data.serial_numbers.length)
      after = res.data.next_cursor
      if (!after) {
        return { rows, sizes }
      }
    }
    throw new Error(`more than 100 pages for ${query}`)
  }

  it("walks every offered order, both ways, in pages of 7: each serial once, in the order of one big page, empty values last both ways", async () => {
    expect(all).toHaveLength(55)
    const delivered = all.filter((s) => s.status === "delivered")
    expect(delivered).toHaveLength(3)
    for (const field of SERIAL_LIST_SORTS) {
      for (const order of [field, `-${field}`]) {
        const whole = (await api.get(`/admin/serial-numbers?limit=1000&order=${order}`, headers)).data
        expect(whole.next_cursor).toBeNull()
        const { rows, sizes } = await walk(`order=${order}`, 7)
        expect({ order, ids: rows.map((s) => s.id) }).toEqual({ order, ids: whole.serial_numbers.map((s: any) => s.id) })
        expect(sizes).toEqual([7, 7, 7, 7, 7, 7, 7, 6])
        // In order of the field (to the millisecond the API shows), ties by id.
        const values = rows.map((s) => s[field])
        const descending = order.startsWith("-")
        const nullable = SERIAL_LIST_NULLABLE_SORTS.includes(field)
        for (let i = 1; i < rows.length; i++) {
          const [a, b] = [values[i - 1], values[i]]
          if (a === null || b === null) {
            // Empty values form one block at the end, in either direction.
            expect(nullable).toBe(true)
            expect(b === null || a !== null).toBe(true)
            continue
          }
          const cmp = a < b ? -1 : a > b ? 1 : 0
          expect(descending ? cmp >= 0 : cmp <= 0).toBe(true)
          if (cmp === 0) {
            expect(descending ? rows[i - 1].id > rows[i].id : rows[i - 1].id < rows[i].id).toBe(true)
          }
        }
      }
    }
  })

  it("pages a filtered list by cursor with its exact count; the default order is newest first, by warranty expiry when filtered by warranty", async () => {
    const { rows } = await walk("status=active&stock_location_id=" + store.locationA.id + "&order=serial_number", 4)
    expect(rows.map((s) => s.serial_number)).toEqual(
      all.filter((s) => s.status === "active").map((s) => s.serial_number).sort()
    )
    const first = (await api.get(`/admin/serial-numbers?status=active&limit=4`, headers)).data
    expect(first).toMatchObject({ count: 27, count_is_estimate: false, offset: 0, limit: 4 })
    const created = first.serial_numbers.map((s: any) => s.created_at)
    expect([...created].sort().reverse()).toEqual(created)
    // The search walks by cursor too.
    const search = await walk("q=hand-00&order=-serial_number", 3)
    expect(search.rows.map((s) => s.serial_number)).toEqual(["HAND-009", "HAND-008", "HAND-007", "HAND-006", "HAND-005", "HAND-004", "HAND-003", "HAND-002", "HAND-001", "HAND-000"])
    // The warranty filter with a sort on its own column.
    const covered = await walk("warranty_state=under_warranty&order=warranty_expires_at", 3)
    expect(covered.rows).toHaveLength(4)
    // Without an order, the warranty filter sorts by expiry: soonest to expire first.
    const byDefault = (await api.get("/admin/serial-numbers?warranty_state=under_warranty&limit=50", headers)).data
    expect(byDefault.serial_numbers.map((s: any) => s.id)).toEqual(covered.rows.map((s) => s.id))
    // Filtered to expired warranties: most recently expired first.
    const hand = (n: number) => all.find((s) => s.serial_number === `HAND-0${n}`)
    await api.post(`/admin/serial-numbers/${hand(10).id}`, { warranty_expires_at: "2020-01-01T00:00:00.000Z" }, headers)
    await api.post(`/admin/serial-numbers/${hand(11).id}`, { warranty_expires_at: "2021-01-01T00:00:00.000Z" }, headers)
    const expired = (await api.get("/admin/serial-numbers?warranty_state=expired&limit=50", headers)).data
    expect(expired.serial_numbers.map((s: any) => s.serial_number)).toEqual(["HAND-011", "HAND-010"])
  })

  it(`counts exactly up to ${SERIAL_LIST_COUNT_CAP} matches, then shows Postgres' estimate marked as one, and still pages by cursor`, async () => {
    const texts = Array.from({ length: SERIAL_LIST_COUNT_CAP }, (_, i) => `BULK-${String(i).padStart(6, "0")}`)
    await api.post("/admin/serial-numbers", { variant_id: drill.id, serial_numbers: texts }, headers)
    await getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION).raw("ANALYZE serial_number")
    const big = (await api.get("/admin/serial-numbers?limit=50", headers)).data
    expect(big.count_is_estimate).toBe(true)
    expect(big.count).toBeGreaterThan(SERIAL_LIST_COUNT_CAP)
    // The estimate is Postgres' row estimate for the filter: near the 10,055 serials.
    expect(big.count).toBeGreaterThan(9_000)
    expect(big.count).toBeLessThan(11_500)
    const second = (await api.get(`/admin/serial-numbers?limit=50&after=${encodeURIComponent(big.next_cursor)}`, headers)).data
    expect(second.serial_numbers).toHaveLength(50)
    expect(second.serial_numbers.map((s: any) => s.id)).not.toContain(big.serial_numbers[49].id)
    // A narrower filter is counted exactly again.
    const narrow = (await api.get("/admin/serial-numbers?q=BULK-0000&limit=5", headers)).data
    expect(narrow).toMatchObject({ count: 100, count_is_estimate: false })
  })

  it("refuses a cursor that is not the list's own, or one made for another order, and offset with a cursor, naming what was wrong", async () => {
    const page = (await api.get("/admin/serial-numbers?limit=5&order=serial_number", headers)).data
    expect(page.next_cursor).toEqual(expect.any(String))

    const garbage = await failure(api.get("/admin/serial-numbers?after=not-a-cursor", headers))
    expect(garbage).toEqual({ status: 400, message: expect.stringContaining("Invalid cursor 'not-a-cursor'") })

    const otherOrder = await failure(api.get(`/admin/serial-numbers?order=-created_at&after=${encodeURIComponent(page.next_cursor)}`, headers))
    expect(otherOrder.status).toBe(400)
    expect(otherOrder.message).toContain("not made for order '-created_at'")

    const both = await failure(api.get(`/admin/serial-numbers?order=serial_number&offset=5&after=${encodeURIComponent(page.next_cursor)}`, headers))
    expect(both).toEqual({ status: 400, message: expect.stringContaining("Give 'after' or 'offset', not both") })

    // A cursor whose time is not a time is refused before it reaches Postgres.
    const forged = Buffer.from(JSON.stringify(["-created_at", "yesterday", "sn_1"]), "utf8").toString("base64url")
    const refused = await failure(api.get(`/admin/serial-numbers?after=${forged}`, headers))
    expect(refused).toEqual({ status: 400, message: expect.stringContaining(`Invalid cursor '${forged}'`) })

    // Filter values are data, whatever they hold.
    const odd = await api.get(`/admin/serial-numbers?id=${encodeURIComponent('sn_"x\\y},{')}&id=${all[0].id}&status=active&status=delivered`, headers)
    expect(odd.data.serial_numbers.map((s: any) => s.id)).toEqual(all[0].status === "inactive" ? [] : [all[0].id])

    const unknownSort = await failure(api.get("/admin/serial-numbers?order=status", headers))
    expect(unknownSort.status).toBe(400)
    expect(unknownSort.message).toContain("got: 'status'")
  })

  it("builds the list's indexes concurrently before a migration on a big table, rebuilding one an interrupted build left invalid", async () => {
    const container = getContainer()
    const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
    const indexState = async (name: string) =>
      (
        await knex.raw(
          `SELECT i.indisvalid AS valid, pg_get_indexdef(c.oid) AS def FROM pg_class c JOIN pg_index i ON i.indexrelid = c.oid WHERE c.relname = ?`,
          [name]
        )
      ).rows[0] ?? null
    expect(await indexState("IDX_serial_number_fifo_pick")).toMatchObject({ valid: true })
    await knex.raw(`DROP INDEX "IDX_serial_number_sort_created_at"`)
    // An index a cancelled CONCURRENTLY build leaves behind is marked invalid.
    await knex.raw(`UPDATE pg_index SET indisvalid = false WHERE indexrelid = '"IDX_serial_number_fifo_pick"'::regclass`)
    expect(await indexState("IDX_serial_number_sort_created_at")).toBeNull()

    await buildSerialIndexes({ container, args: [] } as any)

    expect(await indexState("IDX_serial_number_sort_created_at")).toEqual({
      valid: true,
      def: expect.stringContaining("(created_at, id) WHERE (deleted_at IS NULL)"),
    })
    expect(await indexState("IDX_serial_number_fifo_pick")).toEqual({
      valid: true,
      def: expect.stringContaining(`(variant_id, stock_location_id, received_at, serial_number COLLATE "C", id)`),
    })
    expect(await indexState("IDX_serial_number_serial_trgm")).toMatchObject({ valid: true })
    expect(await indexState("IDX_serial_number_deleted_at")).toBeNull()
  })
})
