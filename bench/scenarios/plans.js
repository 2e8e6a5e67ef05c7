// EXPLAIN (ANALYZE, BUFFERS) of the hot queries at the largest size. The plugin's own SQL
// helpers (compiled, from .medusa/server) run against a manager that prefixes EXPLAIN, so
// the plans are of the statements the plugin really sends, the admin list's included (its
// repository, with the same manager).
const path = require("path")
const { root } = require("../lib/server")

// The module's compiled statements (repositories/) and helpers (lib/).
const built = (p) => require(path.join(root, ".medusa", "server", "src", "modules", "serial", p))

function explainingManager(client, sink) {
  return {
    async execute(query, params = []) {
      let n = 0
      const text = query.replace(/\?/g, () => `$${++n}`)
      const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT TEXT) ${text}`, params)
      sink.push(rows.map((r) => r["QUERY PLAN"]).join("\n"))
      // No rows; the list's capped count reads one (0: below the cap, so no estimate asked).
      return /AS n FROM \(SELECT 1/.test(query) ? [{ n: 0 }] : []
    },
  }
}

/** What a plan shows in one line: the scans used, and the execution time. */
function summarizePlan(plan) {
  const used = [
    ...new Set(
      plan
        .split("\n")
        .map((l) => /(Index Only Scan|Index Scan|Bitmap Index Scan|Seq Scan)(?: Backward)?(?: using (\S+))?(?: on (\S+))?/.exec(l))
        .filter(Boolean)
        .map((m) => `${m[1]}${m[2] ? ` ${m[2]}` : ""}${m[3] ? ` on ${m[3]}` : ""}`)
    ),
  ]
  const time = /Execution Time: ([\d.]+) ms/.exec(plan)
  return { scans: used, execution_ms: time ? Number(time[1]) : null, seq_scan: /Seq Scan on serial/.test(plan) }
}

async function explainHotQueries(client, { store, bulk }) {
  const { storefrontSql } = built("repositories/storefront.js")
  const { orderSerialSql } = built("repositories/order-serials.js")
  const { serialSql, serialListSql } = built("repositories/serial-number.js")
  const { ledgerSql } = built("repositories/serial-ledger-entry.js")
  const { generateId } = built("lib/ids.js")
  const out = {}
  const run = async (name, fn) => {
    const sink = []
    await client.query("BEGIN")
    try {
      await fn(explainingManager(client, sink))
    } finally {
      await client.query("ROLLBACK")
    }
    out[name] = { plans: sink, summary: sink.map(summarizePlan) }
  }

  const sold = bulk.soldSerials[Math.floor(bulk.soldSerials.length / 2)]
  await run("public warranty lookup", (m) => storefrontSql.findSoldSerial(m, sold.toUpperCase()))

  const v = bulk.variants[1].variantId
  // The admin list's statements, from the plugin's repository (compiled): a page in the
  // default order, a filtered and sorted page, the warranty filter's page, a search, and
  // the capped count.
  await run("admin list, default order (page)", (m) =>
    serialListSql.listPage(m, {}, { sort: { column: "created_at", descending: true }, limit: 21 })
  )
  await run("admin list, variant and status, received newest first (page)", (m) =>
    serialListSql.listPage(m, { variant_id: [v], status: ["active"] }, { sort: { column: "received_at", descending: true }, limit: 51 })
  )
  await run("admin list, warranty expired, most recently expired first (page)", (m) =>
    serialListSql.listPage(m, { warranty: { state: "expired", now: new Date() } }, { sort: { column: "warranty_expires_at", descending: true }, limit: 51 })
  )
  await run("admin list, search (page)", (m) =>
    serialListSql.listPage(m, { q: sold.slice(-6) }, { sort: { column: "created_at", descending: true }, limit: 21 })
  )
  await run("admin list, count up to 10,000", (m) => serialListSql.countUpTo(m, { variant_id: [v], status: ["active"] }, 10000))

  await run("fulfilment pick (FIFO, 1,000 units)", (m) =>
    orderSerialSql.pickFifo(m, { variant_id: v, location_id: store.locationId, count: 1000, exclude: [] })
  )
  // One receipt of 100,000 serials with one received_at (as a real receipt is): the pick
  // orders them by serial text, which its index holds.
  const oneTime = "variant_bench_one_receipt"
  for (const count of [1, 1000]) {
    await run(`fulfilment pick (FIFO, ${count.toLocaleString("en")} of a 100,000-serial receipt with one received_at)`, async (m) => {
      await client.query(
        `INSERT INTO serial_number (id, serial_number, normalized, scope_key, variant_id, status, stock_location_id, received_at, created_at, updated_at)
         SELECT 'sn_onercpt' || lpad(n::text, 7, '0'), 'ONE-' || lpad(n::text, 7, '0'), 'ONE-' || lpad(n::text, 7, '0'), '',
                $1, 'active', $2, timestamptz '2026-01-01 00:00:00+00', now(), now()
           FROM generate_series(1, 100000) n`,
        [oneTime, store.locationId]
      )
      await client.query("ANALYZE serial_number")
      await orderSerialSql.pickFifo(m, { variant_id: oneTime, location_id: store.locationId, count, exclude: [] })
    })
  }
  await run("fulfilment: serials of an order by line", (m) => orderSerialSql.countByLine(m, "order_bulk1000"))

  const rows = Array.from({ length: 1000 }, (_, i) => ({
    id: generateId("sn"),
    serial_number: `EXPLAIN-${String(i).padStart(6, "0")}`,
    normalized: `EXPLAIN-${String(i).padStart(6, "0")}`,
    scope_key: "",
    variant_id: v,
    product_id: bulk.variants[1].productId,
    inventory_item_id: bulk.variants[1].inventoryItemId,
    status: "active",
    series_id: null,
    notes: null,
    metadata: null,
    stock_location_id: store.locationId,
    receipt_id: "snrcpt_explain",
    supplier_name: "Bench supplier",
    unit_cost: 10,
    received_at: new Date().toISOString(),
  }))
  await run("receipt: duplicate check of 1,000 serials", (m) =>
    serialSql.lockSerials(m, { keys: rows.map((r) => ({ normalized: r.normalized, scope_key: "" })) })
  )
  await run("receipt insert (1,000 serials + ledger)", async (m) => {
    await serialSql.insertSerials(m, rows)
    await ledgerSql.append(
      m,
      "snop_bench_explain",
      rows.map((r) => ({
        serial_number_id: r.id,
        serial_number: r.serial_number,
        type: "receive",
        from_status: null,
        to_status: "active",
        from_location_id: null,
        to_location_id: store.locationId,
        reference_type: "purchase_receipt",
        reference_id: "snrcpt_explain",
        actor_type: null,
        actor_id: null,
        data: null,
      }))
    )
  })
  return out
}

module.exports = { explainHotQueries, summarizePlan }
