import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { spawn } from "child_process"
import path from "path"
import { adminHeaders } from "../helpers/admin"
import { expectConsistent, runConsistencyCheck } from "../helpers/consistency"
import { createOrderWithReservations, createStockedVariant, createStore, receiveSerials, serialsBy, TestStore } from "../helpers/store"
import { httpSuite } from "../helpers/suite"
import { walkSerialConsistencyRun } from "../../src/jobs/serial-consistency"
import checkSerialConsistency from "../../src/scripts/check-serial-consistency"

jest.setTimeout(240_000)

/**
 * The consistency check (`GET /admin/serial-reports/consistency` and the `medusa exec`
 * script): a store whose serials went through receipts, fulfilments and returns is
 * consistent; rows changed behind the plugin's back are each named.
 */
httpSuite(__filename, ({ api, getContainer, dbConfig }) => {
  let headers: any
  let store: TestStore
  let drill: any
  let cable: any
  let order: any

  const sqlRaw = async (query: string, bindings: unknown[] = []) => {
    const knex = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION) as any
    return (await knex.raw(query, bindings)).rows
  }
  const check = async () => await runConsistencyCheck(api, headers)

  // Once per file: the runner snapshots the database after this and restores it before
  // every test, so each test starts from these rows, and the token stays valid.
  beforeAll(async () => {
    const container = getContainer()
    headers = await adminHeaders(api, container)
    store = await createStore(container)
    ;({ variant: drill } = await createStockedVariant(container, store, { title: "Drill", sku: "DRILL" }))
    // Not serialized: its stock is not the check's business.
    ;({ variant: cable } = await createStockedVariant(container, store, {
      title: "Cable",
      sku: "CABLE",
      stock: { [store.locationA.id]: 7 },
    }))
    await api.post(`/admin/serial-settings/${drill.id}`, { is_serialized: true }, headers)
    await receiveSerials(api, headers, { location_id: store.locationA.id, variant_id: drill.id, serials: ["DR-1", "DR-2", "DR-3", "DR-4"] })
    await receiveSerials(api, headers, { location_id: store.locationB.id, variant_id: drill.id, serials: ["DR-B1"] })
    order = await createOrderWithReservations(container, store, [{ variant_id: drill.id, quantity: 2 }])
    await api.post(
      `/admin/orders/${order.id}/fulfillments`,
      {
        location_id: store.locationA.id,
        items: [{ id: order.items[0].id, quantity: 2 }],
        additional_data: { serial_numbers: { [order.items[0].id]: ["DR-1", "DR-2"] } },
      },
      headers
    )
  })

  it("a store after receipts and a fulfilment is consistent, with what it checked counted", async () => {
    const report = await expectConsistent(api, headers)
    expect(report).toEqual({
      ok: true,
      checked: { serialized_variants: 1, variant_locations: 2, serials: 5, ledger_entries: 7 },
      problems: [],
      problem_count: 0,
      unserialized_stock: [],
    })
  })

  it("the report route answers the latest run: none before the first, its report after", async () => {
    const before = (await api.get("/admin/serial-reports/consistency", headers)).data
    expect(before).toEqual({ report: "consistency", run: null })
    const report = await runConsistencyCheck(api, headers)
    const after = (await api.get("/admin/serial-reports/consistency", headers)).data
    expect(after.run).toMatchObject({ status: "completed", trigger: "admin", limit: 1000, serials_checked: 5, error: null, report })
    expect(Date.parse(after.run.finished_at)).toBeGreaterThanOrEqual(Date.parse(after.run.started_at))
  })

  it("a run stopped midway is taken over from its checkpoint by the next start, each serial counted once", async () => {
    const service: any = getContainer().resolve("serial")
    const { run } = await service.startConsistencyRun({ trigger: "cli", limit: 1000 })
    // Two serials checked, then the process that walked the run dies: its heartbeat goes stale.
    expect(await service.checkConsistencyChunk(run.id, 2)).toEqual({ done: false })
    expect((await service.retrieveConsistencyRun(run.id)).serials_checked).toBe(2)
    const live = await api.post("/admin/serial-reports/consistency/runs", {}, headers)
    expect({ status: live.status, id: live.data.run.id }).toEqual({ status: 200, id: run.id })
    await sqlRaw(`UPDATE serial_consistency_run SET heartbeat_at = now() - interval '1 hour' WHERE id = ?`, [run.id])

    const taken = await api.post("/admin/serial-reports/consistency/runs", {}, headers)
    expect({ status: taken.status, id: taken.data.run.id }).toEqual({ status: 202, id: run.id })
    let finished = taken.data.run
    while (finished.status === "running") {
      await new Promise((resolve) => setTimeout(resolve, 50))
      finished = (await api.get(`/admin/serial-reports/consistency/runs/${run.id}`, headers)).data.run
    }
    expect(finished).toMatchObject({ status: "completed", trigger: "cli", serials_checked: 5 })
    expect(finished.report).toEqual(await runConsistencyCheck(api, headers))
    expect(finished.report.checked).toEqual({ serialized_variants: 1, variant_locations: 2, serials: 5, ledger_entries: 7 })
    // The first walker, back from its stall, finds the run finished: it leaves it as it is.
    expect(await walkSerialConsistencyRun(getContainer(), run.id)).toMatchObject({ id: run.id, status: "completed", error: null })

    const unknown = await api.get("/admin/serial-reports/consistency/runs/sncrun_nope", headers).catch((e: any) => e.response)
    expect({ status: unknown.status, message: unknown.data.message }).toEqual({ status: 404, message: expect.stringContaining("sncrun_nope") })
  })

  it("walkers side by side check each serial once, and a chunk a dead walker claimed is checked by the next", async () => {
    const service: any = getContainer().resolve("serial")
    const single = await runConsistencyCheck(api, headers)

    // Three walkers, one serial per chunk: five chunks claimed and recorded in any order.
    const { run: parallel } = await service.startConsistencyRun({ trigger: "cli", limit: 1000 })
    const walked = await walkSerialConsistencyRun(getContainer(), parallel.id, { chunkSize: 1, walkers: 3 })
    expect(walked).toMatchObject({ status: "completed", serials_checked: 5, report: single })

    // A walker checked the first serial, then another claimed the next two and died with them.
    const { run } = await service.startConsistencyRun({ trigger: "cli", limit: 1000 })
    expect(await service.checkConsistencyChunk(run.id, 1)).toEqual({ done: false })
    const ids = (await sqlRaw(`SELECT id FROM serial_number ORDER BY id`)).map((r: any) => r.id)
    await sqlRaw(
      `UPDATE serial_consistency_run
          SET cursor = ?, claimed = ?::jsonb, heartbeat_at = now() - interval '1 hour'
        WHERE id = ?`,
      [ids[2], JSON.stringify([{ id: "sncclm_dead", after: ids[0], last: ids[2], claimed_at: "2026-01-01T00:00:00.000Z" }]), run.id]
    )
    const taken = await api.post("/admin/serial-reports/consistency/runs", {}, headers)
    expect({ status: taken.status, id: taken.data.run.id }).toEqual({ status: 202, id: run.id })
    let finished = taken.data.run
    while (finished.status === "running") {
      await new Promise((resolve) => setTimeout(resolve, 50))
      finished = (await api.get(`/admin/serial-reports/consistency/runs/${run.id}`, headers)).data.run
    }
    expect(finished).toMatchObject({ status: "completed", serials_checked: 5, report: single })
  })

  it("stock Medusa counts beyond the serials is reported as unserialized, and is not a failure", async () => {
    await sqlRaw(
      `UPDATE inventory_level SET stocked_quantity = stocked_quantity + 3
        WHERE location_id = ? AND inventory_item_id IN (
          SELECT inventory_item_id FROM product_variant_inventory_item WHERE variant_id = ?)`,
      [store.locationB.id, drill.id]
    )
    const report = await check()
    expect(report.ok).toBe(true)
    expect(report.unserialized_stock).toEqual([
      { variant_id: drill.id, location_id: store.locationB.id, stocked_quantity: 4, serials_in_stock: 1, unserialized: 3 },
    ])
  })

  it("names a serial delivered on two lines, a status its ledger disagrees with, and serials beyond Medusa's stock", async () => {
    const drills = await serialsBy(api, headers, `variant_id=${drill.id}`)
    // DR-1 (delivered on the order's line) delivered again on another line.
    await sqlRaw(
      `INSERT INTO serial_ledger_entry (id, serial_number_id, serial_number, type, from_status, to_status,
         reference_type, reference_id, data, created_at, updated_at)
       VALUES ('snled_tamper1', ?, 'DR-1', 'deliver', 'delivered', 'delivered', 'fulfillment', 'ful_other',
         jsonb_build_object('order_id', 'order_other', 'line_item_id', 'ordli_other'), clock_timestamp(), clock_timestamp())`,
      [drills["DR-1"].id]
    )
    // DR-3 is in stock per its ledger; its row says inactive.
    await sqlRaw(`UPDATE serial_number SET status = 'inactive' WHERE id = ?`, [drills["DR-3"].id])
    // Medusa counts no unit at B, where DR-B1 is in stock.
    await sqlRaw(
      `UPDATE inventory_level SET stocked_quantity = 0
        WHERE location_id = ? AND inventory_item_id IN (
          SELECT inventory_item_id FROM product_variant_inventory_item WHERE variant_id = ?)`,
      [store.locationB.id, drill.id]
    )

    const report = await check()
    expect(report.ok).toBe(false)
    const byKind = (kind: string) => report.problems.filter((p: any) => p.kind === kind)

    expect(byKind("delivered_twice")).toEqual([
      expect.objectContaining({
        serial_number: "DR-1",
        variant_id: drill.id,
        expected: { line_item_id: order.items[0].id },
        actual: { line_item_id: "ordli_other" },
        message: expect.stringContaining("DR-1"),
      }),
    ])
    expect(byKind("state_differs_from_ledger")).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          serial_number: "DR-3",
          location_id: store.locationA.id,
          expected: { status: "active", stock_location_id: store.locationA.id },
          actual: { status: "inactive", stock_location_id: store.locationA.id },
          message: "Serial DR-3: status is inactive, its ledger says active",
        }),
        // DR-1's row still names the order's line; its (tampered) ledger ends on another.
        expect.objectContaining({ serial_number: "DR-1", message: expect.stringContaining("line_item_id is") }),
      ])
    )
    expect(byKind("serials_exceed_stock")).toEqual([
      expect.objectContaining({
        variant_id: drill.id,
        location_id: store.locationB.id,
        expected: 0,
        actual: 1,
        message: expect.stringContaining("1 serials in stock but Medusa's stocked quantity is 0"),
      }),
    ])
    expect(report.problem_count).toBe(report.problems.length)
    // DR-3 no longer counts at A: Medusa's extra unit there shows as unserialized.
    expect(report.unserialized_stock).toEqual([expect.objectContaining({ location_id: store.locationA.id, unserialized: 1 })])
  })

  it("names a ledger entry the status machine forbids, one that breaks the chain, and a serial without ledger", async () => {
    const drills = await serialsBy(api, headers, `variant_id=${drill.id}`)
    await sqlRaw(`UPDATE serial_ledger_entry SET from_status = 'inactive' WHERE serial_number_id = ? AND type = 'deliver'`, [
      drills["DR-2"].id,
    ])
    await sqlRaw(`UPDATE serial_ledger_entry SET type = 'reserve' WHERE serial_number_id = ? AND type = 'receive'`, [
      drills["DR-4"].id,
    ])
    await sqlRaw(`DELETE FROM serial_ledger_entry WHERE serial_number_id = ?`, [drills["DR-B1"].id])
    const report = await check()
    expect(report.ok).toBe(false)
    const found = report.problems.map((p: any) => [p.kind, p.serial_number])
    expect(found).toEqual(
      expect.arrayContaining([
        ["ledger_chain", "DR-2"],
        ["ledger_transition", "DR-4"],
        ["ledger_missing", "DR-B1"],
      ])
    )
    expect(report.problems.find((p: any) => p.kind === "ledger_transition").actual).toEqual({
      type: "reserve",
      from_status: null,
      to_status: "active",
    })
  })

  it("the limit caps the problems listed, not those counted; a bad limit is a 400 naming it", async () => {
    await sqlRaw(`UPDATE serial_number SET status = 'scrapped', stock_location_id = NULL WHERE variant_id = ?`, [drill.id])
    const report = await runConsistencyCheck(api, headers, { limit: 2 })
    expect(report.problems).toHaveLength(2)
    // Five serials disagree with their ledger; fewer serials than Medusa counts is no problem.
    expect(report.problem_count).toBe(5)
    const bad = await api.post("/admin/serial-reports/consistency/runs", { limit: "zero" }, headers).catch((e: any) => e.response)
    expect(bad.status).toBe(400)
    expect(bad.data.message).toContain("zero")
    const unknown = await api.get("/admin/serial-reports/consistency?colour=red", headers).catch((e: any) => e.response)
    expect(unknown.status).toBe(400)
  })

  it("the medusa exec script prints the report and exits 0 when consistent, 1 naming the problem when not", async () => {
    // Consistent: the script's function on this app (a `medusa exec` boots a whole app, 6 s
    // of CPU), its output and exit status caught...
    const printed: string[] = []
    const write = process.stdout.write
    const exitCodeBefore = process.exitCode
    process.stdout.write = ((chunk: any) => printed.push(String(chunk)) > 0) as any
    let cleanStatus: number | string | undefined
    try {
      process.exitCode = undefined
      await checkSerialConsistency({ container: getContainer(), args: [] } as any)
      cleanStatus = process.exitCode ?? 0
    } finally {
      process.stdout.write = write
      process.exitCode = exitCodeBefore
    }
    const cleanReport = JSON.parse(printed.join(""))
    expect({ status: cleanStatus, ok: cleanReport.ok }).toEqual({ status: 0, ok: true })

    // ...and broken, through `medusa exec` in its own process, as cron or CI runs it
    // (asynchronous: this process serves the store's HTTP API meanwhile).
    const drills = await serialsBy(api, headers, `variant_id=${drill.id}`)
    await sqlRaw(`UPDATE serial_number SET stock_location_id = ? WHERE id = ?`, [store.locationB.id, drills["DR-4"].id])
    const env = {
      ...process.env,
      DATABASE_URL: `postgres://${process.env.DB_USERNAME}:${process.env.DB_PASSWORD}@${process.env.DB_HOST}:${process.env.DB_PORT}/${dbConfig.dbName}`,
      NODE_ENV: "development",
      LOG_LEVEL: "error",
    }
    const root = path.resolve(__dirname, "../..")
    const child = spawn(
      process.execPath,
      [require.resolve("@medusajs/cli/cli.js", { paths: [root] }), "exec", "./src/scripts/check-serial-consistency.ts"],
      { cwd: root, env }
    )
    let stdout = ""
    child.stdout.on("data", (d) => (stdout += d))
    child.stderr.resume()
    const status = await new Promise<number | null>((resolve) => child.on("close", resolve))
    const report = JSON.parse(stdout.slice(stdout.indexOf("{"), stdout.lastIndexOf("}") + 1))
    expect(status).toBe(1)
    expect(report.ok).toBe(false)
    expect(report.problems.map((p: any) => [p.kind, p.serial_number ?? p.location_id])).toEqual(
      expect.arrayContaining([
        ["state_differs_from_ledger", "DR-4"],
        ["serials_exceed_stock", store.locationB.id],
      ])
    )
  })
})
