import { adminHeaders } from "../helpers/admin"
import { sqlRows } from "../helpers/db"
import { createStockedVariant, createStore, receiveSerials } from "../helpers/store"
import { httpSuite } from "../helpers/suite"

jest.setTimeout(120_000)

/**
 * The test system itself: a file starts from the app as booted, also after other files in
 * its shard, and each test starts from the file's snapshot. The database is put back in
 * place, keeping the app's connections (integration-tests/helpers/database-snapshots.js),
 * or by Medusa's drop and copy when a test changed the tables. The tests here depend on
 * the one before them, on purpose: what one leaves behind is what the next checks is gone.
 */
httpSuite(__filename, ({ api, getContainer }) => {
  let headers: any
  let variantId: string
  let locationId: string
  let sequence: { name: string; value: string }
  let connections: number[] = []
  // What the database held before this file's fixtures: in a shard, other files ran before.
  let before: { serials: number; products: number; customers: number }

  const sql = (query: string, bindings: unknown[] = []) => sqlRows(getContainer(), query, bindings)
  const serialNumbers = async () =>
    (await api.get(`/admin/serial-numbers?variant_id=${variantId}&order=serial_number`, headers)).data.serial_numbers.map((s: any) => s.serial_number)
  const sequenceValue = async () => (await sql(`SELECT last_value::text AS value FROM pg_sequences WHERE sequencename = ?`, [sequence.name]))[0].value
  // The app's connections to this database (the pool's, and the one asking).
  const openConnections = async (): Promise<number[]> =>
    (await sql(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend'`)).map((r) => r.pid)

  beforeAll(async () => {
    const [counts] = await sql(
      `SELECT (SELECT count(*) FROM serial_number)::int AS serials, (SELECT count(*) FROM product)::int AS products,
        (SELECT count(*) FROM customer)::int AS customers`
    )
    before = counts
    const container = getContainer()
    headers = await adminHeaders(api, container)
    const store = await createStore(container)
    const { variant } = await createStockedVariant(container, store, { title: "Drill", sku: "DRILL" })
    variantId = variant.id
    locationId = store.locationA.id
    await api.post(`/admin/serial-settings/${variantId}`, { is_serialized: true }, headers)
    await receiveSerials(api, headers, { location_id: locationId, variant_id: variantId, serials: ["ISO-1"] })
    const [seq] = await sql(`SELECT sequencename AS name FROM pg_sequences WHERE schemaname = 'public' ORDER BY sequencename LIMIT 1`)
    sequence = { name: seq.name, value: "" }
    sequence.value = await sequenceValue()
  })

  it("the file started from the app as booted: no serial, product or customer of a file before it", async () => {
    expect(before).toEqual({ serials: 0, products: 0, customers: 0 })
  })

  it("a test receives a serial and draws from a sequence", async () => {
    await receiveSerials(api, headers, { location_id: locationId, variant_id: variantId, serials: ["ISO-2"] })
    await sql(`SELECT nextval(?::regclass)`, [`public.${sequence.name}`])
    expect(await serialNumbers()).toEqual(["ISO-1", "ISO-2"])
    expect(await sequenceValue()).not.toBe(sequence.value)
    connections = await openConnections()
  })

  it("the next test finds neither, on the app's same connections (restored in place)", async () => {
    expect(await serialNumbers()).toEqual(["ISO-1"])
    expect(await sequenceValue()).toBe(sequence.value)
    expect((await openConnections()).filter((pid) => connections.includes(pid))).not.toEqual([])
  })

  it("a test creates a table and receives a serial", async () => {
    await sql(`CREATE TABLE test_isolation_extra (id int)`)
    await receiveSerials(api, headers, { location_id: locationId, variant_id: variantId, serials: ["ISO-3"] })
    connections = await openConnections()
  })

  it("the next test finds neither, the database copied again (Medusa's restore ended the connections)", async () => {
    expect(await sql(`SELECT to_regclass('public.test_isolation_extra') AS t`)).toEqual([{ t: null }])
    expect(await serialNumbers()).toEqual(["ISO-1"])
    expect((await openConnections()).filter((pid) => connections.includes(pid))).toEqual([])
    await receiveSerials(api, headers, { location_id: locationId, variant_id: variantId, serials: ["ISO-4"] })
    connections = await openConnections()
  })

  it("after a copy, the next restore is in place again", async () => {
    expect(await serialNumbers()).toEqual(["ISO-1"])
    expect((await openConnections()).filter((pid) => connections.includes(pid))).not.toEqual([])
  })
})
