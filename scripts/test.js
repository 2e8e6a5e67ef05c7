#!/usr/bin/env node
// `npm test`: every jest test file (unit, module, HTTP and the admin's browser tests), each
// file's result printed as it finishes. The last line is the total, "N passed, M failed",
// read from jest's JSON results (kept in .test-results/jest.json), so a run that executed no
// test shows as "0 passed".
//
// The default run, in this order:
// 1. Postgres starts (scripts/lib/test-db.js).
// 2. Side by side: the builds the browser tests' demo store needs (the plugin, then the
//    store's admin bundle, each only when stale; output in .test-results/build.log) and,
//    on one jest worker, the unit files beside the plugin's build; beside the store's
//    build, the browser stores' template database (migrated and seeded), then the module
//    files on one jest worker.
// 3. The HTTP shards and the browser shard (integration-tests/shards), on as many workers
//    as the machine has cores (at most 4).
// Runs side by side are fine: each has its own files, and its own Postgres when another
// run holds .test-db/.
//
//   npm test -- integration-tests/unit      arguments go to jest; files or patterns named
//                                          make one jest run (Postgres started by its
//                                          global setup; builds first if browser files are
//                                          named), and each HTTP file named runs on its own
//                                          app (shards can be named too)
//   npm test -- --measure                  also print wall time, how busy the CPUs were and
//                                          peak memory (PSS of every process of the run, and
//                                          the test databases kept in memory)
//   npm run test:chaos                     the chaos tests (jest.chaos.config.js)
//   npm run test:all                       both
//
// A watchdog stops a run in which no test file has finished for TEST_WATCHDOG_MINUTES
// (default 10), naming the files still running, and prints the totals so far.
const { spawn } = require("child_process")
const fs = require("fs")
const os = require("os")
const path = require("path")

const root = path.resolve(__dirname, "..")
const resultsDir = path.join(root, ".test-results")
fs.mkdirSync(resultsDir, { recursive: true })

const args = process.argv.slice(2)
const measure = args.includes("--measure")
const jestArgs = args.filter((a) => a !== "--measure")
// Jest options that take a value as the next argument (the others are flags or --x=y).
const TAKES_VALUE = new Set(["-t", "--testNamePattern", "-c", "--config", "--selectProjects", "--maxWorkers", "-w", "--shard", "--testPathIgnorePatterns", "--reporters", "--outputFile"])
const positional = jestArgs.filter((a, i) => !a.startsWith("-") && !TAKES_VALUE.has(jestArgs[i - 1]))
const chaos = jestArgs.some((a) => /jest\.chaos\.config/.test(a))
const tag = chaos ? "chaos" : "jest"
// Files of this run (runs side by side must not share them); jest's JSON (of both jest runs,
// merged) is kept as .test-results/<tag>.json once the run ends.
const progressFile = path.join(resultsDir, `${tag}-${process.pid}-progress.ndjson`)
const keptResults = path.join(resultsDir, `${tag}.json`)
fs.writeFileSync(progressFile, "")
const started = Date.now()

const workers = process.env.TEST_WORKERS || String(Math.max(1, Math.min(4, os.cpus().length)))
const watchdogMs = Number(process.env.TEST_WATCHDOG_MINUTES || 10) * 60_000

// The default run (no files named, not the chaos tests) is three jest runs, so that the
// builds the browser tests need run beside light tests instead of before all tests.
const fullRun = !chaos && positional.length === 0
// Beside the builds, on one worker, files that need neither the builds nor much memory: the
// unit files beside the plugin's build (which leaves part of a core idle), the module
// files beside the store's (which leaves most of one idle once its server part is built).
const UNIT_FILES = ["integration-tests/unit"]
const MODULE_FILES = ["integration-tests/modules"]
// After them, on every worker: the HTTP shards and the browser shard.
const MAIN_FILES = ["integration-tests/shards"]
// How the browser store serves its admin (integration-tests/helpers/browser.ts).
const browserStoreMode = process.env.BROWSER_STORE_MODE || "start"
// Whether this run has browser test files: all of them, or files named that are (or the
// shards' folder, which holds the browser shard).
const withBrowserTests = !chaos && (positional.length === 0 || positional.some((p) => /browser|(^|\/)shards\/?$/.test(p)))

/**
 * The builds the browser tests' demo store needs (plugin, demo admin bundle), each when
 * stale. Not beside the HTTP or browser files: those race requests against Medusa's 5 s
 * inventory lock, and the admin build's 2.2 GB on top of their workers' would pass 3 GB. In
 * the default run they go beside the unit files, and once those are done (`templateAfter`
 * resolves) the browser stores' template database is migrated and seeded beside the demo
 * build, then `thenBeside()` is called (also when there is no template to make here).
 * Answers whether all of it worked.
 */
async function buildForBrowserTests({ templateAfter = null, thenBeside = () => {} } = {}) {
  if (!withBrowserTests) {
    return true
  }
  const store = require("./lib/store")
  const logFile = path.join(resultsDir, "build.log")
  fs.writeFileSync(logFile, "")
  // The browser helper's environment for the same builds (no database is opened).
  const env = store.storeEnv({ databaseUrl: "", port: 9000, mode: browserStoreMode, base: { ...process.env, LOG_LEVEL: "info" } })
  const log = (m) => console.log(`[build] ${m}`)
  const run = (what, a, { cwd, env: stepEnv }) => store.runMedusa(what, a, { cwd, env: stepEnv ?? env, logFile, log })
  const besideDemoBuild = async () => {
    try {
      await templateAfter
      if (!templateAfter || !databaseEnv.DB_HOST) {
        return // the first browser file makes it
      }
      const serverUrl = (db) => store.databaseUrlFromEnv(db, { ...process.env, ...databaseEnv })
      const release = await store.holdServerLock(serverUrl, "serial-browser-store")
      try {
        // Behind the admin build, which the browser files wait for, in the CPU's queue.
        const behind = (what, a, opts) => store.runMedusa(what, a, { cwd: opts.cwd, env: opts.env ?? env, logFile, log, priority: 10 })
        await store.prepareTemplateDatabase({ serverUrl, name: store.BROWSER_TEMPLATE_DB, env, run: behind })
      } finally {
        await release()
      }
    } finally {
      thenBeside()
    }
  }
  try {
    await store.ensureBrowserStoreBuilds(run, { mode: browserStoreMode, env, warn: log, besideDemoBuild })
    return true
  } catch (e) {
    console.error(`[build] ${String(e.message).split("\n")[0]} (the browser tests need it; log: ${logFile})`)
    return false
  }
}

/**
 * One jest run (`npm test` makes one or two, see the top of this file). Resolves with its exit
 * code and the file its JSON results were written to (missing when it was stopped).
 */
const runs = []
let jestStartedAt = null
function runJest(args, { workers: maxWorkers = workers, env = {}, priority = 0 } = {}) {
  jestStartedAt ??= Date.now()
  const resultsFile = path.join(resultsDir, `${tag}-${process.pid}-${runs.length + 1}.json`)
  const child = spawn(
    process.execPath,
    [
      // Medusa's test runner loads medusa-config.ts with a dynamic import.
      "--experimental-vm-modules",
      "--no-warnings=ExperimentalWarning",
      require.resolve("jest/bin/jest", { paths: [root] }),
      `--maxWorkers=${maxWorkers}`,
      // A worker that grew past this after a file is replaced: a shard's Medusa app leaves
      // about 1 GB behind, and a browser file run by that worker next would add its store
      // and Chromium on top (3.25 GB peak at 1200MB; 2.46 GB at 600MB, for a second or two
      // of start-up per replaced worker).
      `--workerIdleMemoryLimit=${process.env.TEST_WORKER_MEMORY || "600MB"}`,
      "--json",
      `--outputFile=${resultsFile}`,
      ...args,
    ],
    {
      cwd: root,
      stdio: "inherit",
      // Its own process group, so the watchdog can stop jest, its workers and what they started.
      detached: true,
      env: {
        ...process.env,
        NODE_ENV: "test",
        TZ: process.env.TZ || "UTC",
        LOG_LEVEL: process.env.LOG_LEVEL || "error",
        SERIAL_TEST_PROGRESS_FILE: progressFile,
        ...databaseEnv,
        // A shard's worker with a 2 GB heap cap grew to 1.15 GB before collecting, with 1.5 GB
        // to 0.9 GB, for about 5% more of its CPU time: the margin that keeps a run under 3 GB.
        NODE_OPTIONS: `${process.env.NODE_OPTIONS || ""} --max-old-space-size=${process.env.TEST_HEAP_MB || 1536}`.trim(),
        ...env,
      },
    }
  )
  if (priority) {
    // Its workers, started later, inherit the niceness.
    try {
      os.setPriority(child.pid, priority)
    } catch {}
  }
  const run = { child, resultsFile, exited: null }
  run.exited = new Promise((resolve) => child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0))))
  runs.push(run)
  return run
}

function progress() {
  const events = fs
    .readFileSync(progressFile, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l))
  const results = events.filter((e) => e.event === "result")
  const finished = new Set(results.map((e) => e.file))
  const running = events.filter((e) => e.event === "start" && !finished.has(e.file)).map((e) => e.file)
  // HTTP files finished inside a shard that has not: their counts are not in `results` yet.
  const suites = events.filter((e) => e.event === "suite" && !finished.has(e.shard))
  return {
    results: [...results, ...suites],
    running,
    lastAt: Math.max(jestStartedAt ?? started, ...events.filter((e) => e.event === "result" || e.event === "suite").map((e) => e.at)),
  }
}

let stoppedBy = null
/** Stops every jest run still going (their process groups) with `signal`. */
function killRuns(signal) {
  for (const { child } of runs) {
    try {
      process.kill(-child.pid, signal)
    } catch {}
  }
}
const watchdog = setInterval(() => {
  if (!runs.length) {
    return // still building
  }
  const { lastAt, running } = progress()
  if (Date.now() - lastAt > watchdogMs) {
    stoppedBy = `watchdog: no test file finished for ${watchdogMs / 60_000} minutes; stopping. Still running: ${running.join(", ") || "none (jest itself hung)"}`
    console.error(stoppedBy)
    killRuns("SIGKILL")
  }
}, 5_000)

// Peak memory: the sum of the proportional set size (PSS) of every process of the run,
// sampled every 2 s (reading every process' memory map each second took 14 s of CPU in a
// full run). PSS shares pages among the processes that map them, so Postgres'
// shared memory counts once.
let peakKb = 0
// What made up the peak, by kind of process, so that the figure says where to cut.
let peakByKind = {}
// CPU time of each process of the run as last sampled, by pid (what a process used in its
// last second, or that lived less than a second, is missed).
const cpuByPid = new Map()
function processKind(pid) {
  const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ")
  if (/postgres/.test(cmd)) return "postgres"
  if (/chrom/i.test(cmd)) return "chromium"
  if (/jest-worker|processChild/.test(cmd)) return "jest workers"
  if (/medusa/.test(cmd) && / (start|develop)\b/.test(cmd)) return "browser store"
  if (/medusa/.test(cmd) && / (build|plugin:build)\b/.test(cmd)) return "builds"
  if (/jest/.test(cmd)) return "jest"
  if (/scripts\/test\.js/.test(cmd)) return "test runner"
  return "other"
}
const sampler = measure
  ? setInterval(() => {
      const children = new Map()
      const ticks = new Map()
      for (const pid of fs.readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
        try {
          const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ")
          const ppid = Number(fields[1])
          children.set(ppid, [...(children.get(ppid) || []), Number(pid)])
          // utime + stime, in clock ticks
          ticks.set(Number(pid), Number(fields[11]) + Number(fields[12]))
        } catch {}
      }
      let kb = 0
      const byKind = {}
      const visit = (pid) => {
        try {
          const pss = /^Pss:\s+(\d+)/m.exec(fs.readFileSync(`/proc/${pid}/smaps_rollup`, "utf8"))
          const n = pss ? Number(pss[1]) : 0
          kb += n
          const kind = processKind(pid)
          byKind[kind] = (byKind[kind] || 0) + n
          cpuByPid.set(pid, { kind, ticks: ticks.get(pid) ?? 0 })
        } catch {}
        for (const child of children.get(pid) || []) {
          visit(child)
        }
      }
      visit(process.pid)
      // The test databases kept in memory (a tmpfs folder, scripts/lib/ram-tablespace.js)
      // are memory no process maps.
      const inMemory = ramDatabasesKb()
      if (inMemory) {
        kb += inMemory
        byKind["databases in memory"] = inMemory
      }
      if (kb > peakKb) {
        peakKb = kb
        peakByKind = byKind
      }
    }, 2_000)
  : null

/** Kilobytes the tmpfs of the test databases holds beyond what it held when the run began. */
const ramFolder = measure ? require("./lib/ram-tablespace").ramFolder() : null
const tmpfsUsedKb = () => {
  const { blocks, bfree, bsize } = fs.statfsSync(ramFolder)
  return ((blocks - bfree) * bsize) / 1024
}
const tmpfsAtStartKb = ramFolder ? tmpfsUsedKb() : 0
function ramDatabasesKb() {
  return ramFolder ? Math.max(0, tmpfsUsedKb() - tmpfsAtStartKb) : 0
}

/** Busy and total CPU time of the machine so far (/proc/stat, in clock ticks). */
function cpuTicks() {
  try {
    const [, ...fields] = fs.readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).map(Number)
    const total = fields.reduce((a, b) => a + b, 0)
    const idle = fields[3] + (fields[4] || 0)
    // Time the virtual machine's host gave to others while this one wanted to run.
    const steal = fields[7] || 0
    return { busy: total - idle - steal, steal, total }
  } catch {
    return null
  }
}
const cpuAtStart = cpuTicks()

/** Ends the watchdog and the memory sampler (their figures are read after). */
function stopTimers() {
  clearInterval(watchdog)
  if (sampler) {
    clearInterval(sampler)
  }
}

/** Jest's JSON results of the runs, as one (what a single run would have written). */
function mergeResults(all) {
  const merged = { ...all[0], testResults: [] }
  for (const key of Object.keys(all[0])) {
    if (/^num/.test(key)) {
      merged[key] = all.reduce((sum, r) => sum + (r[key] || 0), 0)
    }
  }
  merged.success = all.every((r) => r.success)
  merged.startTime = Math.min(...all.map((r) => r.startTime))
  merged.testResults = all.flatMap((r) => r.testResults)
  return merged
}

/**
 * The totals, from jest's JSON results of every run, or, when a run was stopped or died,
 * from the progress file (each file that did not finish counted as one failure). Prints
 * them last and exits.
 */
async function finish({ extraFailures = 0 } = {}) {
  const codes = await Promise.all(runs.map((r) => r.exited))
  stopTimers()
  await stopDatabase()
  let passed = 0
  let failed = 0
  let skipped = 0
  let suitesFailed = 0
  if (!stoppedBy && runs.length && runs.every((r) => fs.existsSync(r.resultsFile))) {
    const results = mergeResults(runs.map((r) => JSON.parse(fs.readFileSync(r.resultsFile, "utf8"))))
    passed = results.numPassedTests
    failed = results.numFailedTests
    skipped = results.numPendingTests + (results.numTodoTests || 0)
    // A file that fails to load runs no test; count it, or it would vanish from the totals.
    suitesFailed = results.testResults.filter(
      (s) => s.status === "failed" && !s.assertionResults.some((a) => a.status === "failed")
    ).length
    fs.writeFileSync(keptResults, JSON.stringify(results))
    for (const r of runs) {
      fs.rmSync(r.resultsFile, { force: true })
    }
  } else if (runs.length) {
    // Stopped, or jest died: the totals of the files that finished, and each file that did
    // not finish as one failure.
    const { results, running } = progress()
    for (const r of results) {
      passed += r.passed
      failed += r.failed
      skipped += r.skipped
    }
    suitesFailed = Math.max(1, running.length)
    console.log(stoppedBy ? "Totals so far:" : `jest ended (exit ${codes.join(", ")}) without results; totals of the files that finished:`)
  }
  failed += suitesFailed + extraFailures
  if (suitesFailed && !stoppedBy) {
    console.log(`${suitesFailed} test file(s) failed before running their tests (counted as failed)`)
  }
  if (measure) {
    const wall = (Date.now() - started) / 1000
    const cpu = cpuTicks()
    const share = (key) => Math.round((100 * (cpu[key] - cpuAtStart[key])) / (cpu.total - cpuAtStart.total))
    const busy = cpuAtStart && cpu ? ` (CPUs ${share("busy")}% busy, ${share("steal")}% taken by the host)` : ""
    console.log(
      `measured: ${Math.floor(wall / 60)} min ${Math.round(wall % 60)} s wall on ${os.cpus().length} CPUs with ${workers} workers${busy}; peak memory ${(peakKb / 1024 / 1024).toFixed(2)} GB (PSS of this run's processes, and its databases in memory)`
    )
    const parts = Object.entries(peakByKind).sort((a, b) => b[1] - a[1])
    console.log(`  at the peak: ${parts.map(([k, v]) => `${k} ${(v / 1024).toFixed(0)} MB`).join(", ")}`)
    const cpuByKind = {}
    for (const { kind, ticks } of cpuByPid.values()) {
      cpuByKind[kind] = (cpuByKind[kind] || 0) + ticks / 100
    }
    const cpuParts = Object.entries(cpuByKind).sort((a, b) => b[1] - a[1])
    console.log(`  CPU time: ${cpuParts.map(([k, v]) => `${k} ${v.toFixed(0)} s`).join(", ")}`)
  }
  fs.rmSync(progressFile, { force: true })
  console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`)
  process.exit(codes.every((c) => c === 0) && failed === 0 && passed > 0 ? 0 : 1)
}

// ------------------------------------------------------------------------------- the run

let databaseEnv = {}
let stopDatabase = async () => {}

/** Starts the tests' Postgres here, so that it serves every jest run and the builds' step. */
async function startDatabase() {
  const { startTestDatabase } = require("./lib/test-db")
  const database = await startTestDatabase()
  databaseEnv = database.env
  let stopped = null
  stopDatabase = () => (stopped ??= database.stop().catch((e) => console.error(`[test-db] stopping Postgres: ${e.message}`)))
}

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, async () => {
    // Builds end with this process (scripts/lib/store.js); jest runs are told to stop.
    killRuns(signal)
    await Promise.race([Promise.all(runs.map((r) => r.exited)), new Promise((r) => setTimeout(r, 10_000))])
    await stopDatabase()
    process.exit(130)
  })
}

async function main() {
  if (!fullRun) {
    // Files named, or the chaos tests: one jest run, which starts Postgres in its global setup.
    const built = await buildForBrowserTests()
    if (!built) {
      return finish({ extraFailures: 1 })
    }
    runJest(jestArgs, {
      // Files or patterns named: each HTTP file runs on its own app and each browser file
      // on its own store, so that they match by name (unless shards are named); without,
      // they run in shards (jest.config.js).
      env: positional.length && !positional.some((p) => /(^|\/)shards(\/|$)/.test(p)) ? { SERIAL_TEST_UNSHARDED: "1" } : {},
    })
    return finish()
  }
  await startDatabase()
  // The unit files, then the module files, on one worker while the builds take the other
  // core (with nothing to build, both at once); behind the builds in the CPU's queue, since
  // the builds are what the next step waits for...
  const nothingToBuild = !require("./lib/store").browserStoreBuildsAreStale(browserStoreMode)
  const units = runJest([...jestArgs, ...UNIT_FILES], {
    workers: 1,
    priority: 10,
    env: { SERIAL_TEST_RUN_LABEL: nothingToBuild ? "unit tests" : "unit tests, beside the builds" },
  })
  let modules = null
  const runModuleFiles = () =>
    (modules ??= runJest([...jestArgs, ...MODULE_FILES], {
      workers: 1,
      priority: 10,
      env: {
        // Numbered after the unit files, also when they are still running.
        SERIAL_TEST_FILES_BEFORE: String(countSpecFiles(UNIT_FILES)),
        SERIAL_TEST_RUN_LABEL: nothingToBuild ? "module tests" : "module tests, beside the builds",
      },
    }))
  if (nothingToBuild) {
    // No build to keep a core for: the module files beside the unit files at once.
    runModuleFiles()
  }
  const built = await buildForBrowserTests({ templateAfter: units.exited, thenBeside: runModuleFiles })
  await units.exited
  await runModuleFiles().exited
  // ...then the HTTP shards and, when the builds worked, the browser shard, on every worker.
  runJest([...jestArgs, ...MAIN_FILES, ...(built ? [] : ["--testPathIgnorePatterns", "/shards/browser"])], {
    env: { SERIAL_TEST_FILES_BEFORE: String(finishedFiles()), SERIAL_TEST_RUN_LABEL: built ? "" : "the browser tests left out: their build failed" },
  })
  return finish({ extraFailures: built ? 0 : 1 })
}

/** How many test files the folders hold (what jest finds in them, unless given patterns). */
function countSpecFiles(folders) {
  const count = (dir) =>
    fs.readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? count(path.join(dir, e.name)) : /\.spec\.[jt]s$/.test(e.name) ? 1 : 0), 0)
  return folders.reduce((n, f) => n + count(path.join(root, f)), 0)
}

/** How many test files have finished so far (the progress file). */
function finishedFiles() {
  return progress().results.filter((e) => e.event === "result").length
}

main().catch(async (e) => {
  console.error(e.stack || e.message)
  killRuns("SIGKILL")
  await stopDatabase()
  console.log("0 passed, 1 failed")
  process.exit(1)
})
