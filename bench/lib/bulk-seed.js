// Fills the store with serials in seconds. Series values come from the plugin's own block
// allocation (its compiled SQL helpers: one counter upsert and one "already taken?" check
// per block, as `allocateSeriesValues` does); the rows are written set-based, with the
// columns and ledger rows the plugin writes for a receipt and a delivery. The measured
// scenarios themselves go through the HTTP API.
const path = require("path")
const { root } = require("./server")

const built = (p) => require(path.join(root, ".medusa", "server", "src", "modules", "serial", p))
const builtShared = (p) => require(path.join(root, ".medusa", "server", "src", "shared", p))

/** The plugin's SqlManager shape (`execute(sql, params)` with `?` placeholders) over a pg client. */
function managerFor(client) {
  return {
    async execute(query, params = []) {
      let n = 0
      const text = query.replace(/\?/g, () => `$${++n}`)
      const { rows } = await client.query(text, params)
      return rows
    },
  }
}

/**
 * Issues `count` values of a series in blocks of `blockSize`, each block in its own
 * transaction as a receipt would; returns { values, seconds }.
 */
async function allocateSeriesValues(client, { seriesId, pattern, count, blockSize = 10000, date = new Date() }) {
  const { seriesCounterSql } = built("repositories/serial-series-counter.js")
  const { serialSql } = built("repositories/serial-number.js")
  const { parseSeriesPattern, resolvePattern, formatSerial } = builtShared("series-pattern.js")
  const { normalizeSerial } = builtShared("serial-text.js")
  const manager = managerFor(client)
  const parsed = parseSeriesPattern(pattern)
  const resolved = resolvePattern(parsed, { date })
  const values = []
  const started = process.hrtime.bigint()
  while (values.length < count) {
    const wanted = Math.min(blockSize, count - values.length)
    await client.query("BEGIN")
    const end = await seriesCounterSql.advanceCounter(manager, seriesId, resolved.key, wanted)
    const block = []
    for (let v = end - BigInt(wanted) + 1n; v <= end; v++) {
      block.push(formatSerial(resolved, parsed.digits, v))
    }
    const existing = await serialSql.existingNormalized(manager, block.map(normalizeSerial))
    await client.query("COMMIT")
    for (const value of block) {
      if (!existing.has(normalizeSerial(value))) {
        values.push(value)
      }
    }
  }
  return { values, seconds: Number(process.hrtime.bigint() - started) / 1e9 }
}

/**
 * Writes serials for `values` (index `offset` onwards in the whole bulk set), spread over
 * the variants: 60 % delivered to one of 50,000 customers, 35 % in stock at the location,
 * 5 % entered without stock. One ledger row each. Chunks of 50,000 rows, one statement
 * each, shared out over `clients` (one connection per core: a single INSERT uses one core).
 * Returns the seconds of each phase.
 */
async function insertBulkSerials(clients, { values, offset, variants, locationId, seriesId }) {
  const CHUNK = 50000
  const [client] = clients
  const clock = phaseClock()
  // A large load is quicker with the secondary indexes built once afterwards than kept up
  // row by row; the end state is the same tables with the same indexes.
  const rebuild = values.length >= 200000
  let indexes = []
  if (rebuild) {
    const { rows } = await client.query(
      `SELECT i.tablename, i.indexname, i.indexdef FROM pg_indexes i
        WHERE i.schemaname = 'public' AND i.tablename IN ('serial_number', 'serial_ledger_entry')
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`
    )
    indexes = rows
    for (const { indexname } of indexes) {
      await client.query(`DROP INDEX "${indexname}"`)
    }
  }
  const chunks = []
  for (let from = 0; from < values.length; from += CHUNK) {
    chunks.push({ from, values: values.slice(from, from + CHUNK) })
  }
  await shareOut(clients, chunks, (c, chunk) =>
    c.query(INSERT_CHUNK, [
      chunk.values,
      offset + chunk.from,
      variants.map((v) => v.variantId),
      variants.map((v) => v.productId),
      variants.map((v) => v.inventoryItemId),
      locationId,
      seriesId,
    ])
  )
  clock.lap("insert")
  if (rebuild) {
    // CREATE INDEX takes a lock that other CREATE INDEX statements share: the indexes of
    // both tables are built side by side, largest table first.
    for (const c of clients) {
      await c.query("SET maintenance_work_mem = '256MB'")
    }
    const ordered = [...indexes].sort((a, b) => (a.tablename === b.tablename ? 0 : a.tablename === "serial_number" ? -1 : 1))
    await shareOut(clients, ordered, (c, { indexdef }) => c.query(indexdef))
    clock.lap("indexes")
  }
  // A store's autovacuum gets there in time; without it, index-only scans (the list's
  // count) still visit the heap of freshly written rows.
  await shareOut(clients, ["serial_number", "serial_ledger_entry"], (c, table) => c.query(`VACUUM ANALYZE ${table}`))
  clock.lap("vacuum")
  return clock.result()
}

const INSERT_CHUNK = `WITH src AS (
         SELECT v.serial, (v.i - 1 + $2::bigint) AS n
           FROM unnest($1::text[]) WITH ORDINALITY AS v(serial, i)
       ), shaped AS (
         SELECT serial, n,
                CASE WHEN n % 20 = 0 THEN 'inactive' WHEN n % 20 <= 12 THEN 'delivered' ELSE 'active' END AS status,
                ($3::text[])[(n % array_length($3::text[], 1)) + 1] AS variant_id,
                ($4::text[])[(n % array_length($4::text[], 1)) + 1] AS product_id,
                ($5::text[])[(n % array_length($5::text[], 1)) + 1] AS inventory_item_id,
                timestamptz '2024-01-01 00:00:00+00' + n * interval '20 seconds' AS at
           FROM src
       ), ins AS (
         INSERT INTO serial_number
           (id, serial_number, normalized, scope_key, variant_id, product_id, inventory_item_id, status, series_id,
            stock_location_id, receipt_id, supplier_name, supplier_reference, unit_cost, raw_unit_cost, received_at,
            customer_id, order_id, line_item_id, fulfillment_id, delivered_at, warranty_starts_at,
            warranty_expires_at, created_at, updated_at)
         SELECT 'sn_bulk' || lpad(n::text, 10, '0'), serial, upper(serial), '', variant_id, product_id,
                inventory_item_id, status, $7,
                CASE WHEN status = 'active' THEN $6 END,
                CASE WHEN status <> 'inactive' THEN 'snrcpt_bulk' || (n / 1000) END,
                CASE WHEN status <> 'inactive' THEN 'Bulk supplier' END,
                CASE WHEN status <> 'inactive' THEN 'PO-' || (n / 1000) END,
                CASE WHEN status <> 'inactive' THEN 100 END,
                CASE WHEN status <> 'inactive' THEN jsonb_build_object('value', '100', 'precision', 20) END,
                CASE WHEN status <> 'inactive' THEN at END,
                CASE WHEN status = 'delivered' THEN 'cus_bulk' || (n % 50000) END,
                CASE WHEN status = 'delivered' THEN 'order_bulk' || (n / 4) END,
                CASE WHEN status = 'delivered' THEN 'ordli_bulk' || (n / 4) END,
                CASE WHEN status = 'delivered' THEN 'ful_bulk' || (n / 4) END,
                CASE WHEN status = 'delivered' THEN at + interval '10 days' END,
                CASE WHEN status = 'delivered' THEN at + interval '10 days' END,
                CASE WHEN status = 'delivered' THEN at + interval '10 days' + interval '12 months' END,
                at, at
           FROM shaped
         RETURNING id, serial_number, status, receipt_id, fulfillment_id, created_at
       )
       INSERT INTO serial_ledger_entry
         (id, serial_number_id, serial_number, type, from_status, to_status, from_location_id, to_location_id,
          reference_type, reference_id, actor_type, created_at, updated_at)
       SELECT 'snled_bulk' || substr(id, 8), id, serial_number,
              CASE status WHEN 'inactive' THEN 'create' WHEN 'delivered' THEN 'deliver' ELSE 'receive' END,
              CASE status WHEN 'delivered' THEN 'active' END,
              status,
              CASE status WHEN 'delivered' THEN $6 END,
              CASE status WHEN 'active' THEN $6 END,
              CASE status WHEN 'inactive' THEN 'manual' WHEN 'delivered' THEN 'fulfillment' ELSE 'purchase_receipt' END,
              CASE status WHEN 'inactive' THEN NULL WHEN 'delivered' THEN fulfillment_id ELSE receipt_id END,
              'system', created_at, created_at
         FROM ins`

/** Runs `work` on every item, each client taking the next item as soon as it is free. */
async function shareOut(clients, items, work) {
  let next = 0
  await Promise.all(
    clients.map(async (c) => {
      while (next < items.length) {
        await work(c, items[next++])
      }
    })
  )
}

/** Seconds of each phase, and in all. */
function phaseClock() {
  const started = process.hrtime.bigint()
  let last = started
  const phases = {}
  return {
    lap(name) {
      const now = process.hrtime.bigint()
      phases[name] = Number(now - last) / 1e9
      last = now
    },
    result: () => ({ seconds: Number(process.hrtime.bigint() - started) / 1e9, phases }),
  }
}

module.exports = { allocateSeriesValues, insertBulkSerials, managerFor, shareOut }
