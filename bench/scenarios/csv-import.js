// CSV import of many rows through POST /admin/serial-imports (raw text/csv body), while the
// server's resident memory is sampled: the import streams, so memory must not grow with
// the file. Baseline: the server's memory just before the request.
const { createVariant, serialize } = require("../lib/api")
const { median } = require("../lib/measure")

async function csvImportScenario(api, store, { rows, memory }) {
  const variant = await createVariant(api, store, { title: "Bench import", sku: "BENCH-IMPORT", stock: rows })
  await serialize(api, variant.variantId)
  const lines = ["serial_number,sku,status,location"]
  for (let i = 0; i < rows; i++) {
    lines.push(`IMP-${String(i + 1).padStart(8, "0")},BENCH-IMPORT,active,Demo Warehouse`)
  }
  const csv = lines.join("\n") + "\n"

  const before = []
  for (let i = 0; i < 5; i++) {
    before.push(memory())
    await new Promise((r) => setTimeout(r, 100))
  }
  const baseline = median(before)
  let peak = baseline
  const sampler = setInterval(() => {
    peak = Math.max(peak, memory())
  }, 50)
  let res
  try {
    res = await api.raw("POST", "/admin/serial-imports", csv, api.adminHeaders, "text/csv")
  } finally {
    clearInterval(sampler)
  }
  peak = Math.max(peak, memory())
  if (res.status !== 200 || res.body?.import?.created !== rows) {
    throw new Error(`Import answered ${res.status}: ${JSON.stringify(res.body).slice(0, 300)}`)
  }
  return {
    rows,
    bytes: Buffer.byteLength(csv),
    seconds: res.ms / 1000,
    memory_before_mb: baseline / 2 ** 20,
    memory_peak_mb: peak / 2 ** 20,
    growth_mb: (peak - baseline) / 2 ** 20,
  }
}

module.exports = { csvImportScenario }
