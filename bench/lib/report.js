// The table printed at the end of a run, and the raw JSON written under bench/results/.
const fs = require("fs")
const os = require("os")
const path = require("path")

const fmt = (v, digits = 2) => (v === null || v === undefined || Number.isNaN(v) ? "-" : Number(v).toFixed(digits))

/** Rows of the targets table: scenario, measured, target, met. */
function targetRows(r) {
  const rows = []
  const add = (scenario, measured, target, met) => rows.push({ scenario, measured, target, met })
  if (r.receipts) {
    const s = r.receipts.small
    add(`receipt of ${s.serials.toLocaleString("en")} serials (admin API)`, `${fmt(s.median_ms / 1000)} s (median of ${s.ms.length})`, "< 2 s", s.median_ms < 2000)
    const l = r.receipts.large
    add(
      `receipt of ${l.serials.toLocaleString("en")} serials vs COPY`,
      `${fmt(l.ratio)}x (${fmt(Math.min(...l.receipt_ms) / 1000)} s vs ${fmt(Math.min(...l.copy_ms) / 1000)} s best)`,
      "<= 5x",
      l.ratio <= 5
    )
  }
  if (r.consistency) {
    const c = r.consistency
    add(
      `consistency run, ${c.checked.serials.toLocaleString("en")} serials / ${c.checked.ledger_entries.toLocaleString("en")} ledger entries`,
      `${fmt(c.seconds)} s (${fmt(c.ratio)}x a count(*) of the ledger, ${fmt(c.baseline_seconds)} s)`,
      c.serials_seeded >= 10000000 ? "< 300 s" : "-",
      c.serials_seeded >= 10000000 ? c.seconds < 300 : null
    )
  }
  if (r.fulfilment) {
    const f = r.fulfilment
    add(`fulfil a ${f.units.toLocaleString("en")}-unit serialized line vs unserialized`, `${fmt(f.ratio)}x`, "<= 1.5x", f.ratio <= 1.5)
  }
  if (r.lookup_load) {
    for (const [conns, v] of Object.entries(r.lookup_load)) {
      const tput = v.lookup.requests_per_s / v.regions.requests_per_s
      const p99 = v.lookup.p99_ms / v.regions.p99_ms
      add(
        `public warranty lookup, ${conns} connections, throughput vs /store/regions/:id`,
        `${fmt(tput)}x (${fmt(v.lookup.requests_per_s, 0)} vs ${fmt(v.regions.requests_per_s, 0)} req/s)`,
        ">= 1.0x",
        tput >= 1.0
      )
      add(
        `public warranty lookup, ${conns} connections, p99 vs /store/regions/:id`,
        `${fmt(p99)}x (${fmt(v.lookup.p99_ms, 0)} vs ${fmt(v.regions.p99_ms, 0)} ms)`,
        "<= 1.2x",
        p99 <= 1.2
      )
    }
  }
  if (r.admin_list?.default_list) {
    const a = r.admin_list
    const ratio = a.default_list.p95 / a.orders.p95
    add(
      `admin serial list (50, default order, no filter) p95 vs /admin/orders?limit=50`,
      `${fmt(ratio)}x (${fmt(a.default_list.p95, 1)} vs ${fmt(a.orders.p95, 1)} ms)`,
      "<= 1.0x and < 100 ms",
      ratio <= 1.0 && a.default_list.p95 < 100
    )
  }
  if (r.list_matrix) {
    const ratios = r.list_matrix.cases.filter((c) => !c.against_the_sort).map((c) => ({ c, ratio: c.serial_list.p95 / c.orders.p95 }))
    const worst = ratios.reduce((a, b) => (b.ratio > a.ratio ? b : a))
    const slowest = ratios.reduce((a, b) => (b.c.serial_list.p95 > a.c.serial_list.p95 ? b : a))
    add(
      `admin serial list, each of ${ratios.length} filters and sorts, p95 vs /admin/orders?limit=50`,
      `worst ${fmt(worst.ratio)}x (${worst.c.name}); slowest ${fmt(slowest.c.serial_list.p95, 1)} ms (${slowest.c.name})`,
      "each <= 1.0x and < 150 ms",
      ratios.every(({ c, ratio }) => ratio <= 1.0 && c.serial_list.p95 < 150)
    )
  }
  const growth = r.growth ?? []
  const atMillion = growth.find((g) => g.serials === 1000000)
  const largestGrowth = growth[growth.length - 1]
  if (atMillion && largestGrowth && largestGrowth.serials > atMillion.serials) {
    // Each size's p99 as a ratio of the baseline route's p99 in the same rounds, so that
    // the machine's load at one size and not the other does not count as growth.
    const relative = (g) => g.lookup.lookup.p99 / g.lookup.regions.p99
    const ratio = relative(largestGrowth) / relative(atMillion)
    add(
      `public warranty lookup p99 (as a ratio of /store/regions/:id's), ${largestGrowth.serials.toLocaleString("en")} vs 1,000,000 serials (one client)`,
      `${fmt(ratio)}x (${fmt(relative(largestGrowth))}x: ${fmt(largestGrowth.lookup.lookup.p99, 1)} vs ${fmt(largestGrowth.lookup.regions.p99, 1)} ms; ` +
        `${fmt(relative(atMillion))}x: ${fmt(atMillion.lookup.lookup.p99, 1)} vs ${fmt(atMillion.lookup.regions.p99, 1)} ms)`,
      "flat (<= 1.2x)",
      ratio <= 1.2
    )
  }
  const pickOne = r.plans && Object.entries(r.plans).find(([name]) => name.startsWith("fulfilment pick (FIFO, 1 of"))
  if (pickOne) {
    const ms = pickOne[1].summary[0]?.execution_ms
    add("FIFO pick of 1 unit from a 100,000-serial receipt with one received_at (EXPLAIN ANALYZE)", `${fmt(ms, 2)} ms`, "< 20 ms", ms < 20)
  }
  if (r.admin_list) {
    const a = r.admin_list
    const ratio = a.serial_list.p95 / a.orders.p95
    add(
      `admin serial list (50, filtered+sorted) p95 vs /admin/orders?limit=50`,
      `${fmt(ratio)}x (${fmt(a.serial_list.p95, 1)} vs ${fmt(a.orders.p95, 1)} ms)`,
      "<= 1.0x and < 100 ms",
      ratio <= 1.0 && a.serial_list.p95 < 100
    )
  }
  if (r.csv_import) {
    const c = r.csv_import
    add(
      `CSV import of ${c.rows.toLocaleString("en")} rows, server memory growth`,
      `${fmt(c.growth_mb, 0)} MB (${fmt(c.seconds, 1)} s)`,
      "< 200 MB",
      c.growth_mb < 200
    )
  }
  if (r.series) {
    add(
      `allocate ${r.series.count.toLocaleString("en")} series values in blocks of ${r.series.block_size.toLocaleString("en")}`,
      `${fmt(r.series.values_per_s, 0)} values/s`,
      "report",
      null
    )
  }
  return rows
}

function printTable(rows, headers) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)))
  const line = (cells) => cells.map((c, i) => String(c).padEnd(widths[i])).join(" | ")
  console.log(line(headers))
  console.log(widths.map((w) => "-".repeat(w)).join("-|-"))
  for (const r of rows) {
    console.log(line(r))
  }
}

function printReport(r) {
  console.log("\nTargets (ratios against baselines measured in the same run)\n")
  printTable(
    targetRows(r).map((x) => [x.scenario, x.measured, x.target, x.met === null ? "-" : x.met ? "met" : "NOT met"]),
    ["scenario", "measured", "target", "result"]
  )
  if (r.growth?.length) {
    console.log("\nGrowth (one client; p50 / p95 ms)\n")
    printTable(
      r.growth.map((g) => [
        g.serials.toLocaleString("en"),
        `${fmt(g.lookup.lookup.p50, 1)} / ${fmt(g.lookup.lookup.p95, 1)}`,
        `${fmt(g.lookup.regions.p50, 1)} / ${fmt(g.lookup.regions.p95, 1)}`,
        `${fmt(g.lookup.lookup.p99, 1)}`,
        g.list.default_list ? `${fmt(g.list.default_list.p50, 1)} / ${fmt(g.list.default_list.p95, 1)}` : "-",
        `${fmt(g.list.serial_list.p50, 1)} / ${fmt(g.list.serial_list.p95, 1)}`,
        `${fmt(g.list.orders.p50, 1)} / ${fmt(g.list.orders.p95, 1)}`,
      ]),
      [
        "serials",
        "warranty lookup",
        "GET /store/regions/:id",
        "lookup p99",
        "admin list, default",
        "admin list, variant+status",
        "GET /admin/orders",
      ]
    )
  }
  if (r.list_matrix) {
    console.log(`\nAdmin serial list at ${r.list_matrix.serials.toLocaleString("en")} serials, each filter and sort (one client; p50 / p95 ms)\n`)
    printTable(
      r.list_matrix.cases.map((c) => [
        c.against_the_sort ? `${c.name} (against the sort, outside the target)` : c.name,
        `${c.count}${c.count_is_estimate ? " (estimate)" : ""}`,
        `${fmt(c.serial_list.p50, 1)} / ${fmt(c.serial_list.p95, 1)}`,
        `${fmt(c.orders.p50, 1)} / ${fmt(c.orders.p95, 1)}`,
        `${fmt(c.serial_list.p95 / c.orders.p95)}x`,
      ]),
      ["case", "count", "serial list", "GET /admin/orders", "p95 ratio"]
    )
  }
  if (r.seed?.length) {
    console.log("\nBulk seed (serials and their ledger rows, set-based, two connections)\n")
    printTable(
      r.seed.map((s) => [
        `${s.from.toLocaleString("en")}..${s.to.toLocaleString("en")}`,
        fmt(s.seconds, 1),
        Object.entries(s.phases ?? {})
          .map(([k, v]) => `${k} ${fmt(v, 1)}`)
          .join(", "),
      ]),
      ["serials", "seconds", "phases (s)"]
    )
  }
  if (r.plans) {
    console.log("\nQuery plans (largest size)\n")
    printTable(
      Object.entries(r.plans).flatMap(([name, p]) =>
        p.summary.map((s, i) => [p.summary.length > 1 ? `${name} #${i + 1}` : name, s.scans.join(", "), fmt(s.execution_ms, 3)])
      ),
      ["query", "scans", "ms"]
    )
  }
}

function writeResults(r, dir) {
  fs.mkdirSync(dir, { recursive: true })
  const file = path.join(dir, `bench-${new Date().toISOString().replace(/[:.]/g, "-")}.json`)
  fs.writeFileSync(file, JSON.stringify({ ...r, targets: targetRows(r) }, null, 2))
  fs.writeFileSync(path.join(dir, "latest.json"), JSON.stringify({ ...r, targets: targetRows(r) }, null, 2))
  return file
}

function machine() {
  return {
    cores: os.cpus().length,
    cpu: os.cpus()[0]?.model,
    memory_gb: Math.round(os.totalmem() / 2 ** 30),
    load_avg: os.loadavg(),
    node: process.version,
  }
}

module.exports = { printReport, writeResults, machine, targetRows }
