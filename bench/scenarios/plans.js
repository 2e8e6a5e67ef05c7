// EXPLAIN (ANALYZE, BUFFERS) of the hot queries at the largest size. The plugin's own SQL
// helpers (compiled, from .medusa/server) run against a manager that prefixes EXPLAIN, so
// the plans are of the statements the plugin really sends; the admin list is built by
// Medusa's query layer (MikroORM), so its two statements (page and count) are written out
// here as that layer sends them for the bench's filter and order.
const path = require("path")
const { root } = require("../lib/server")

const built = (p) => require(path.join(root, ".medusa", "server", "src", "modules", "serial", "lib", p))

function explainingManager(client, sink) {
  return {
    async execute(query, params = []) {
      let n = 0
      const text = query.replace(/\?/g, () => `$${++n}`)
      const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT TEXT) ${text}`, params)
      sink.push(rows.map((r) => r["QUERY PLAN"]).join("\n"))
      return []
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
  const { storefrontSql } = built("storefront-sql.js")
  const { fulfillmentSql } = built("fulfillment-sql.js")
  const { sql, generateId } = built("sql.js")
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
  await run("admin list, filtered and sorted (page + count)", async (m) => {
    await m.execute(
      `SELECT s0.* FROM public.serial_number AS s0
        WHERE s0.deleted_at IS NULL AND s0.variant_id = ? AND s0.status IN (?)
        ORDER BY s0.received_at DESC LIMIT 50`,
      [v, "active"]
    )
    await m.execute(
      `SELECT count(*) AS count FROM public.serial_number AS s0
        WHERE s0.deleted_at IS NULL AND s0.variant_id = ? AND s0.status IN (?)`,
      [v, "active"]
    )
  })

  await run("fulfilment pick (FIFO, 1,000 units)", (m) =>
    fulfillmentSql.pickFifo(m, { variant_id: v, location_id: store.locationId, count: 1000, exclude: [] })
  )
  await run("fulfilment: serials of an order by line", (m) => fulfillmentSql.countByLine(m, "order_bulk1000"))

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
    sql.findSerialsByKey(m, rows.map((r) => ({ normalized: r.normalized, scope_key: "" })))
  )
  await run("receipt insert (1,000 serials + ledger)", async (m) => {
    await sql.insertSerials(m, rows)
    await sql.insertLedger(
      m,
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
