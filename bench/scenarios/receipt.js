// Purchase receipts posted through the admin API: a 10,000-serial receipt against an
// absolute target, and a large one against a COPY of the same serial rows into a table
// built like serial_number (same columns, same indexes), alternating.
const fs = require("fs")
const os = require("os")
const path = require("path")
const { createVariant, serialize } = require("../lib/api")
const { median } = require("../lib/measure")

const serialsFor = (prefix, count) =>
  Array.from({ length: count }, (_, i) => `${prefix}-${String(i + 1).padStart(7, "0")}`)

async function postReceipt(api, store, variant, serials) {
  const res = await api.admin("POST", "/admin/serial-receipts", {
    stock_location_id: store.locationId,
    supplier: { name: "Bench supplier", reference: "PO-BENCH" },
    items: [{ variant_id: variant.variantId, quantity: serials.length, unit_cost: 12.5, serial_numbers: serials }],
  })
  if (res.body.serial_receipt.serial_counts.active !== serials.length) {
    throw new Error(`Receipt answered ${JSON.stringify(res.body.serial_receipt.serial_counts)}`)
  }
  return res.ms
}

/** COPY of the rows a receipt writes into serial_number, into an equivalent empty table. */
async function copyBaseline(client, store, variant, serials, tag) {
  const file = path.join(os.tmpdir(), `bench-copy-${process.pid}-${tag}.csv`)
  const now = new Date().toISOString()
  const lines = serials.map(
    (s, i) =>
      `sn_copy${tag}${String(i).padStart(8, "0")},${s},${s.toUpperCase()},"",${variant.variantId},${variant.productId},${variant.inventoryItemId},active,${store.locationId},snrcpt_copy${tag},Bench supplier,PO-BENCH,12.5,"{""value"": ""12.5"", ""precision"": 20}",${now},${now},${now}`
  )
  fs.writeFileSync(file, lines.join("\n") + "\n", { mode: 0o644 })
  const table = `bench_copy_${tag}`
  await client.query(`DROP TABLE IF EXISTS ${table}`)
  await client.query(`CREATE TABLE ${table} (LIKE serial_number INCLUDING ALL)`)
  const started = process.hrtime.bigint()
  await client.query(
    `COPY ${table} (id, serial_number, normalized, scope_key, variant_id, product_id, inventory_item_id, status,
       stock_location_id, receipt_id, supplier_name, supplier_reference, unit_cost, raw_unit_cost, received_at,
       created_at, updated_at) FROM '${file}' WITH (FORMAT csv)`
  )
  const ms = Number(process.hrtime.bigint() - started) / 1e6
  await client.query(`DROP TABLE ${table}`)
  fs.rmSync(file, { force: true })
  return ms
}

async function receiptScenarios(api, store, client, { small, smallReps, large, largeReps }) {
  const variant = await createVariant(api, store, { title: "Bench receipts", sku: "BENCH-RCPT" })
  await serialize(api, variant.variantId)

  const smallMs = []
  for (let i = 0; i < smallReps; i++) {
    smallMs.push(await postReceipt(api, store, variant, serialsFor(`RS${i}`, small)))
  }

  const receiptMs = []
  const copyMs = []
  for (let i = 0; i < largeReps; i++) {
    const serials = serialsFor(`RL${i}`, large)
    if (i % 2) {
      receiptMs.push(await postReceipt(api, store, variant, serials))
      copyMs.push(await copyBaseline(client, store, variant, serialsFor(`CL${i}`, large), String(i)))
    } else {
      copyMs.push(await copyBaseline(client, store, variant, serialsFor(`CL${i}`, large), String(i)))
      receiptMs.push(await postReceipt(api, store, variant, serials))
    }
  }
  return {
    small: { serials: small, ms: smallMs, median_ms: median(smallMs) },
    large: {
      serials: large,
      receipt_ms: receiptMs,
      copy_ms: copyMs,
      ratio: median(receiptMs) / median(copyMs),
    },
  }
}

module.exports = { receiptScenarios }
