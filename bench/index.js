#!/usr/bin/env node
// `npm run bench`: starts embedded Postgres and a production build of the demo store with
// the plugin, seeds serials in bulk, runs the scenarios against baselines measured in the
// same run, prints the table and writes the raw figures to bench/results/.
//
//   --quick            smaller sizes, shorter runs (development)
//   --only=a,b         run only these scenarios: fulfilment, growth, lookup, list, receipts,
//                      plans, import, consistency (the bulk seed runs whenever a later one needs it)
//   --serials=N        the bulk seed grows to N serials (its last step; 10000000 for the
//                      10M figures), the read scenarios measured at each step
//   --consistency-serials=N   serials (five ledger rows each) of the consistency scenario
//   BENCH_PORT=9400    port of the store; BENCH_PGPORT=9401 port of Postgres
const path = require("path")
const { startStore, serverMemory, log, root } = require("./lib/server")
const { Api, readStore, createVariant, serialize } = require("./lib/api")
const { allocateSeriesValues, insertBulkSerials } = require("./lib/bulk-seed")
const { fulfilmentScenario } = require("./scenarios/fulfilment")
const { receiptScenarios } = require("./scenarios/receipt")
const { readLatency, lookupLoad, listMatrix } = require("./scenarios/reads")
const { explainHotQueries } = require("./scenarios/plans")
const { consistencyScenario } = require("./scenarios/consistency")
const { printReport, writeResults, machine } = require("./lib/report")

const argv = process.argv.slice(2)
const quick = argv.includes("--quick")
const onlyArg = argv.find((a) => a.startsWith("--only="))
const only = onlyArg ? new Set(onlyArg.slice(7).split(",")) : null
const wants = (name) => !only || only.has(name)
const consistencyArg = argv.find((a) => a.startsWith("--consistency-serials="))
const serialsArg = argv.find((a) => a.startsWith("--serials="))

const CONFIG = quick
  ? {
      sizes: [10000, 50000],
      fulfil: { units: 200, reps: 2 },
      receipts: { small: 10000, smallReps: 1, large: 20000, largeReps: 2 },
      readRounds: 60,
      load: { connectionCounts: [10, 50], duration: 3, rounds: 2 },
      importRows: 20000,
      consistencySerials: 100000,
    }
  : {
      sizes: [10000, 100000, 1000000],
      fulfil: { units: 1000, reps: 5 },
      receipts: { small: 10000, smallReps: 3, large: 100000, largeReps: 2 },
      readRounds: 150,
      load: { connectionCounts: [10, 50], duration: 8, rounds: 3 },
      importRows: 100000,
      consistencySerials: 1000000,
    }
CONFIG.listRounds = quick ? 20 : 40
if (serialsArg) {
  const largest = Number(serialsArg.split("=")[1])
  if (!Number.isInteger(largest) || largest < 1000) {
    throw new Error(`--serials must be a whole number of at least 1000, got: ${serialsArg.split("=")[1]}`)
  }
  CONFIG.sizes = [...CONFIG.sizes.filter((s) => s < largest), largest]
}
const SERIES_BLOCK = 10000
const SERIES_PATTERN = "BN-{YYYY}-########"

async function main() {
  const started = Date.now()
  const port = Number(process.env.BENCH_PORT || 9400)
  const pgPort = Number(process.env.BENCH_PGPORT || 9401)
  const logFile = path.join(root, ".bench", "medusa.log")
  const result = {
    date: new Date().toISOString(),
    command: `npm run bench${argv.length ? ` -- ${argv.join(" ")}` : ""}`,
    quick,
    machine: machine(),
    config: CONFIG,
  }
  const store = await startStore({ port, pgPort, logFile })
  const client = store.pg.client("medusa_bench")
  await client.connect()
  let failed = null
  try {
    const api = new Api(store.baseUrl, store.publishableKey)
    await api.login()
    const fixtures = await readStore(api)
    log(`Store up (${((Date.now() - started) / 1000).toFixed(0)} s)`)

    if (wants("fulfilment")) {
      log(`Fulfilment: ${CONFIG.fulfil.units} units x ${CONFIG.fulfil.reps}, serialized vs unserialized...`)
      result.fulfilment = await fulfilmentScenario(api, fixtures, CONFIG.fulfil)
    }

    const needsBulk = ["growth", "lookup", "list", "plans"].some(wants)
    if (needsBulk) {
      const variants = []
      const { body: s } = await api.admin("POST", "/admin/serial-series", { name: "Bench bulk", pattern: SERIES_PATTERN })
      for (let i = 1; i <= 4; i++) {
        const v = await createVariant(api, fixtures, { title: `Bench bulk ${i}`, sku: `BENCH-BULK-${i}` })
        await serialize(api, v.variantId, { seriesId: s.serial_series.id })
        variants.push(v)
      }
      const largest = CONFIG.sizes[CONFIG.sizes.length - 1]
      log(`Allocating ${largest.toLocaleString("en")} series values in blocks of ${SERIES_BLOCK}...`)
      const alloc = await allocateSeriesValues(client, {
        seriesId: s.serial_series.id,
        pattern: SERIES_PATTERN,
        count: largest,
        blockSize: SERIES_BLOCK,
      })
      result.series = {
        count: largest,
        block_size: SERIES_BLOCK,
        seconds: alloc.seconds,
        values_per_s: largest / alloc.seconds,
      }
      const bulk = { variants, seriesId: s.serial_series.id, values: alloc.values, soldSerials: [] }
      result.growth = []
      result.seed = []
      let seeded = 0
      // One more connection, so that the seed keeps both cores of the machine busy.
      const second = store.pg.client("medusa_bench")
      await second.connect()
      for (const size of CONFIG.sizes) {
        const { seconds, phases } = await insertBulkSerials([client, second], {
          values: alloc.values.slice(seeded, size),
          offset: seeded,
          variants,
          locationId: fixtures.locationId,
          seriesId: s.serial_series.id,
        })
        const detail = Object.entries(phases).map(([k, v]) => `${k} ${v.toFixed(1)} s`).join(", ")
        log(`Seeded serials ${seeded.toLocaleString("en")}..${size.toLocaleString("en")} in ${seconds.toFixed(1)} s (${detail})`)
        result.seed.push({ from: seeded, to: size, seconds, phases })
        seeded = size
        bulk.soldSerials = []
        for (let n = 0; n < size; n++) {
          if (n % 20 >= 1 && n % 20 <= 12) {
            bulk.soldSerials.push(alloc.values[n])
          }
        }
        if (wants("growth") || wants("list")) {
          log(`Read latency at ${size.toLocaleString("en")} serials...`)
          const g = await readLatency(api, fixtures, bulk, { rounds: CONFIG.readRounds })
          result.growth.push({ serials: size, ...g })
        }
      }
      await second.end()
      if (result.growth.length) {
        result.admin_list = result.growth[result.growth.length - 1].list
      }
      if (wants("list")) {
        log(`Every filter and sort of the admin list at ${seeded.toLocaleString("en")} serials, ${CONFIG.listRounds} rounds each...`)
        result.list_matrix = { serials: seeded, cases: await listMatrix(api, fixtures, bulk, { rounds: CONFIG.listRounds }) }
      }
      if (wants("lookup")) {
        log(`Warranty lookup under load (autocannon), ${CONFIG.load.connectionCounts.join(" and ")} connections...`)
        result.lookup_load = await lookupLoad(api, fixtures, bulk, CONFIG.load)
      }
      if (wants("plans")) {
        log("EXPLAIN (ANALYZE, BUFFERS) of the hot queries...")
        result.plans = await explainHotQueries(client, { store: fixtures, bulk })
      }
    }

    if (wants("consistency")) {
      const serials = consistencyArg ? Number(consistencyArg.split("=")[1]) : CONFIG.consistencySerials
      log(`Consistency check over ${serials.toLocaleString("en")} serials with five ledger rows each...`)
      const second = store.pg.client("medusa_bench")
      await second.connect()
      try {
        result.consistency = await consistencyScenario(api, fixtures, [client, second], { serials })
      } finally {
        await second.end()
      }
      const c = result.consistency
      log(`Consistency run: ${c.seconds.toFixed(1)} s (${c.ratio.toFixed(1)}x a count of the ledger, ${c.baseline_seconds.toFixed(1)} s); ${c.checked.serials} serials, ${c.checked.ledger_entries} entries, ${c.problem_count} problems`)
    }

    if (wants("receipts")) {
      log(`Receipts: ${CONFIG.receipts.small} serials x ${CONFIG.receipts.smallReps}, ${CONFIG.receipts.large} vs COPY x ${CONFIG.receipts.largeReps}...`)
      result.receipts = await receiptScenarios(api, fixtures, client, CONFIG.receipts)
    }

    if (wants("import")) {
      let importScenario = null
      try {
        importScenario = require("./scenarios/csv-import").csvImportScenario
      } catch {}
      if (importScenario) {
        log(`CSV import of ${CONFIG.importRows.toLocaleString("en")} rows...`)
        result.csv_import = await importScenario(api, fixtures, {
          rows: CONFIG.importRows,
          memory: () => serverMemory(store.serverPid),
        })
      }
    }
  } catch (e) {
    failed = e
  } finally {
    result.seconds = (Date.now() - started) / 1000
    result.machine.load_avg_end = require("os").loadavg()
    await client.end().catch(() => {})
    await store.stop()
  }
  const file = writeResults(result, path.join(root, "bench", "results"))
  printReport(result)
  console.log(`\nRaw figures: ${path.relative(process.cwd(), file)} (${result.seconds.toFixed(0)} s in all)`)
  if (failed) {
    throw failed
  }
}

main().catch((e) => {
  console.error(`\x1b[31m[bench]\x1b[0m ${e && e.stack ? e.stack : e}`)
  process.exit(1)
})
