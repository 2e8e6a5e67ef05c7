// The consistency check at scale: `serials` serials, each with a five-entry history that
// replays cleanly (receive, reserve, release, deliver, ship), written set-based, then one
// run started through the admin API and walked by the worker's subscriber, timed from
// the POST to the run's `completed`. Baseline in the same run: one sequential count of the
// whole ledger, the least any check that reads every entry must do.
const { createVariant, serialize } = require("../lib/api")
const { log } = require("../lib/server")
const { shareOut } = require("../lib/bulk-seed")

const CHUNK = 500000

async function consistencyScenario(api, fixtures, clients, { serials }) {
  const [client] = clients
  const v = await createVariant(api, fixtures, { title: "Bench consistency", sku: "BENCH-CONSISTENCY" })
  await serialize(api, v.variantId, {})
  const seeded = await seed(clients, { serials, variant: v, locationId: fixtures.locationId })
  log(`Consistency: seeded ${serials.toLocaleString("en")} serials and ${(serials * 5).toLocaleString("en")} ledger rows in ${seeded.seconds.toFixed(0)} s`)

  const sizes = await client.query(
    `SELECT (SELECT count(*) FROM serial_number) AS serials, (SELECT count(*) FROM serial_ledger_entry) AS ledger,
            pg_size_pretty(pg_total_relation_size('serial_ledger_entry')) AS ledger_size,
            pg_size_pretty(pg_total_relation_size('serial_number')) AS serial_size`
  )
  const t0 = process.hrtime.bigint()
  await client.query(`SELECT count(*) FROM serial_ledger_entry`)
  const baselineSeconds = Number(process.hrtime.bigint() - t0) / 1e9

  const t1 = process.hrtime.bigint()
  const { status, body } = await api.admin("POST", "/admin/serial-reports/consistency/runs", {})
  if (status !== 202) {
    throw new Error(`consistency run not started: ${status} ${JSON.stringify(body).slice(0, 300)}`)
  }
  let run = body.run
  while (run.status === "running") {
    await new Promise((resolve) => setTimeout(resolve, 500))
    run = (await api.admin("GET", `/admin/serial-reports/consistency/runs/${run.id}`)).body.run
  }
  const seconds = Number(process.hrtime.bigint() - t1) / 1e9
  if (run.status !== "completed") {
    throw new Error(`consistency run ${run.status}: ${run.error}`)
  }
  return {
    serials_seeded: serials,
    table_rows: { serials: Number(sizes.rows[0].serials), ledger: Number(sizes.rows[0].ledger) },
    table_sizes: { serial_number: sizes.rows[0].serial_size, serial_ledger_entry: sizes.rows[0].ledger_size },
    seed_seconds: seeded.seconds,
    seconds,
    baseline: "SELECT count(*) FROM serial_ledger_entry (one sequential read of the whole ledger)",
    baseline_seconds: baselineSeconds,
    ratio: seconds / baselineSeconds,
    checked: run.report.checked,
    problem_count: run.report.problem_count,
    // The seeded histories are clean; other scenarios' bulk rows (one entry each) are not.
    problems_listed: run.report.problems.length,
  }
}

/**
 * The serials and their ledgers in chunks of CHUNK serials, shared over the connections,
 * with the secondary indexes dropped meanwhile and built again after (as a store's bulk
 * load would): the end state is the tables with all their indexes, analyzed.
 */
async function seed(clients, { serials, variant, locationId }) {
  const [client] = clients
  const started = process.hrtime.bigint()
  const { rows: indexes } = await client.query(
    `SELECT i.tablename, i.indexname, i.indexdef FROM pg_indexes i
      WHERE i.schemaname = 'public' AND i.tablename IN ('serial_number', 'serial_ledger_entry')
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`
  )
  for (const { indexname } of indexes) {
    await client.query(`DROP INDEX "${indexname}"`)
  }
  const chunks = []
  for (let from = 1; from <= serials; from += CHUNK) {
    chunks.push([from, Math.min(serials, from + CHUNK - 1)])
  }
  await shareOut(clients, chunks, async (c, [from, to]) => {
    await c.query(SERIALS, [from, to, variant.variantId, variant.productId, variant.inventoryItemId])
    await c.query(LEDGER, [from, to, locationId])
  })
  for (const c of clients) {
    await c.query("SET maintenance_work_mem = '512MB'")
  }
  await shareOut(clients, indexes, (c, { indexdef }) => c.query(indexdef))
  await shareOut(clients, ["serial_number", "serial_ledger_entry"], (c, table) => c.query(`VACUUM ANALYZE ${table}`))
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9 }
}

const SERIALS = `INSERT INTO serial_number
    (id, serial_number, normalized, scope_key, variant_id, product_id, inventory_item_id, status, customer_id, order_id,
     line_item_id, fulfillment_id, delivered_at, received_at, created_at, updated_at)
  SELECT 'sn_cc' || lpad(g::text, 10, '0'), 'CC-' || g, 'CC-' || g, '', $3, $4, $5, 'delivered', 'cus_cc' || (g % 50000),
         'order_cc' || (g / 4), 'ordli_cc' || (g / 4), 'ful_cc' || (g / 4), at + interval '4 days', at, at, at
    FROM generate_series($1::bigint, $2::bigint) g,
         LATERAL (SELECT timestamptz '2024-01-01 00:00:00+00' + g * interval '2 seconds' AS at) t`

// The five entries of each serial, a day apart: in stock, reserved for a line, released,
// delivered on that line, shipped.
const LEDGER = `INSERT INTO serial_ledger_entry
    (id, operation_id, serial_number_id, serial_number, type, from_status, to_status, from_location_id, to_location_id,
     reference_type, reference_id, actor_type, data, created_at, updated_at)
  SELECT 'snled_cc' || lpad(g::text, 10, '0') || e.k, 'snop_cc' || g || '_' || e.k, 'sn_cc' || lpad(g::text, 10, '0'),
         'CC-' || g, e.type, e.from_status, e.to_status,
         CASE WHEN e.k BETWEEN 1 AND 3 THEN $3 END, CASE WHEN e.k BETWEEN 0 AND 2 THEN $3 END,
         e.reference_type, CASE e.reference_type WHEN 'order' THEN 'order_cc' || (g / 4) ELSE 'ful_cc' || (g / 4) END,
         'system',
         CASE WHEN e.k IN (1, 3) THEN jsonb_build_object('order_id', 'order_cc' || (g / 4), 'line_item_id', 'ordli_cc' || (g / 4)) END,
         at + e.k * interval '1 day', at + e.k * interval '1 day'
    FROM generate_series($1::bigint, $2::bigint) g,
         LATERAL (SELECT timestamptz '2024-01-01 00:00:00+00' + g * interval '2 seconds' AS at) t,
         (VALUES (0, 'receive', NULL, 'active', 'purchase_receipt'),
                 (1, 'reserve', 'active', 'reserved', 'order'),
                 (2, 'release', 'reserved', 'active', 'order'),
                 (3, 'deliver', 'active', 'delivered', 'fulfillment'),
                 (4, 'ship', 'delivered', 'delivered', 'fulfillment')) AS e(k, type, from_status, to_status, reference_type)`

module.exports = { consistencyScenario }
