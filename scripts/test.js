#!/usr/bin/env node
// `npm test`: every jest test file (unit, module, HTTP and the admin's browser tests), on
// as many workers as the machine has cores (at most 4), each file's result printed as it
// finishes. The last line is the total, "N passed, M failed", read from jest's JSON results
// (kept in .test-results/jest.json), so a run that executed no test shows as "0 passed".
// Runs side by side are fine: each has its own files, and its own Postgres when another
// run holds .test-db/ (see integration-tests/setup/global-setup.js).
//
//   npm test -- integration-tests/unit      arguments go to jest; files or patterns named
//                                          run each HTTP file on its own app (by default
//                                          they run in shards, integration-tests/shards,
//                                          which can be named too)
//   npm test -- --measure                  also print wall time and peak memory (PSS of
//                                          jest, its workers, Postgres and browser stores)
//   npm run test:chaos                     the chaos tests (jest.chaos.config.js)
//   npm run test:all                       both
//
// A run with browser test files first builds what their demo store needs (the plugin and
// the store's admin bundle, each only when stale; output in .test-results/build.log), then
// starts jest.
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
// Files of this run (runs side by side must not share them); jest's JSON is kept as
// .test-results/<tag>.json once the run ends.
const resultsFile = path.join(resultsDir, `${tag}-${process.pid}.json`)
const progressFile = path.join(resultsDir, `${tag}-${process.pid}-progress.ndjson`)
const keptResults = path.join(resultsDir, `${tag}.json`)
fs.writeFileSync(progressFile, "")
const started = Date.now()

const workers = process.env.TEST_WORKERS || String(Math.max(1, Math.min(4, os.cpus().length)))
const watchdogMs = Number(process.env.TEST_WATCHDOG_MINUTES || 10) * 60_000

// Whether this run has browser test files: all of them, or files named that are.
const withBrowserTests = !chaos && (positional.length === 0 || positional.some((p) => /browser/.test(p)))

/**
 * The builds the browser tests' demo store needs (plugin, demo admin bundle), made before
 * jest starts when stale: beside the tests they took the second core from HTTP files that
 * race requests against Medusa's 5 s inventory lock, and added their 2.2 GB to the workers'.
 */
async function buildForBrowserTests() {
  if (!withBrowserTests) {
    return true
  }
  const store = require("./lib/store")
  const logFile = path.join(resultsDir, "build.log")
  fs.writeFileSync(logFile, "")
  const mode = process.env.BROWSER_STORE_MODE || "start"
  // The browser helper's environment for the same builds (no database is opened).
  const env = store.storeEnv({ databaseUrl: "", port: 9000, mode, base: { ...process.env, LOG_LEVEL: "info" } })
  const log = (m) => console.log(`[build] ${m}`)
  try {
    await store.ensureBrowserStoreBuilds(
      (what, a, { cwd, env: stepEnv }) => store.runMedusa(what, a, { cwd, env: stepEnv ?? env, logFile, log }),
      { mode, env, warn: log }
    )
    return true
  } catch (e) {
    console.error(`[build] ${String(e.message).split("\n")[0]} (the browser tests need it; log: ${logFile})`)
    return false
  }
}

let run = null
let jestStartedAt = null
function startJest() {
  jestStartedAt = Date.now()
  run = spawn(
    process.execPath,
    [
      // Medusa's test runner loads medusa-config.ts with a dynamic import.
      "--experimental-vm-modules",
      "--no-warnings=ExperimentalWarning",
      require.resolve("jest/bin/jest", { paths: [root] }),
      `--maxWorkers=${workers}`,
      // A worker that grew past this after a file is replaced: a shard's Medusa app leaves
      // about 1 GB behind, and a browser file run by that worker next would add its store
      // and Chromium on top (3.25 GB peak at 1200MB; 2.46 GB at 600MB, for a second or two
      // of start-up per replaced worker).
      `--workerIdleMemoryLimit=${process.env.TEST_WORKER_MEMORY || "600MB"}`,
      "--json",
      `--outputFile=${resultsFile}`,
      ...jestArgs,
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
        // Files or patterns named: each HTTP file runs on its own app, so that they match by
        // name; without, the HTTP files run in shards of one app each (jest.config.js).
        ...(positional.length && !positional.some((p) => p.includes("shards")) ? { SERIAL_TEST_HTTP_FILES: "1" } : {}),
        NODE_OPTIONS: `${process.env.NODE_OPTIONS || ""} --max-old-space-size=${process.env.TEST_HEAP_MB || 2048}`.trim(),
      },
    }
  )
  run.on("exit", onJestExit)
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
const watchdog = setInterval(() => {
  if (!run) {
    return // still building
  }
  const { lastAt, running } = progress()
  if (Date.now() - lastAt > watchdogMs) {
    stoppedBy = `watchdog: no test file finished for ${watchdogMs / 60_000} minutes; stopping. Still running: ${running.join(", ") || "none (jest itself hung)"}`
    console.error(stoppedBy)
    try {
      process.kill(-run.pid, "SIGKILL")
    } catch {}
  }
}, 5_000)

// Peak memory: the sum of the proportional set size (PSS) of every process under jest,
// sampled each second. PSS shares pages among the processes that map them, so Postgres'
// shared memory counts once.
let peakKb = 0
// What made up the peak, by kind of process, so that the figure says where to cut.
let peakByKind = {}
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
      for (const pid of fs.readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
        try {
          const ppid = Number(fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ")[1])
          children.set(ppid, [...(children.get(ppid) || []), Number(pid)])
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
        } catch {}
        for (const child of children.get(pid) || []) {
          visit(child)
        }
      }
      visit(process.pid)
      if (kb > peakKb) {
        peakKb = kb
        peakByKind = byKind
      }
    }, 1_000)
  : null

/** Ends the watchdog and the memory sampler (their figures are read after). */
function stopTimers() {
  clearInterval(watchdog)
  if (sampler) {
    clearInterval(sampler)
  }
}

function onJestExit(code) {
  stopTimers()
  let passed = 0
  let failed = 0
  let skipped = 0
  let suitesFailed = 0
  if (!stoppedBy && fs.existsSync(resultsFile)) {
    const results = JSON.parse(fs.readFileSync(resultsFile, "utf8"))
    passed = results.numPassedTests
    failed = results.numFailedTests
    skipped = results.numPendingTests + (results.numTodoTests || 0)
    // A file that fails to load runs no test; count it, or it would vanish from the totals.
    suitesFailed = results.testResults.filter(
      (s) => s.status === "failed" && !s.assertionResults.some((a) => a.status === "failed")
    ).length
    fs.renameSync(resultsFile, keptResults)
  } else {
    // Stopped, or jest died: the totals of the files that finished, and each file that did
    // not finish as one failure.
    const { results, running } = progress()
    for (const r of results) {
      passed += r.passed
      failed += r.failed
      skipped += r.skipped
    }
    suitesFailed = Math.max(1, running.length)
    console.log(stoppedBy ? "Totals so far:" : `jest ended (exit ${code}) without results; totals of the files that finished:`)
  }
  failed += suitesFailed
  if (suitesFailed && !stoppedBy) {
    console.log(`${suitesFailed} test file(s) failed before running their tests (counted as failed)`)
  }
  if (measure) {
    const wall = (Date.now() - started) / 1000
    console.log(
      `measured: ${Math.floor(wall / 60)} min ${Math.round(wall % 60)} s wall on ${os.cpus().length} CPUs with ${workers} workers; peak memory ${(peakKb / 1024 / 1024).toFixed(2)} GB (PSS of jest, its workers and everything they started)`
    )
    const parts = Object.entries(peakByKind).sort((a, b) => b[1] - a[1])
    console.log(`  at the peak: ${parts.map(([k, v]) => `${k} ${(v / 1024).toFixed(0)} MB`).join(", ")}`)
  }
  fs.rmSync(progressFile, { force: true })
  console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`)
  process.exit(code === 0 && failed === 0 && passed > 0 ? 0 : 1)
}

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    if (!run) {
      process.exit(130) // while building: the builds end with this process (scripts/lib/store.js)
    }
    try {
      process.kill(-run.pid, signal)
    } catch {}
  })
}

buildForBrowserTests().then((built) => {
  if (built) {
    startJest()
    return
  }
  stopTimers()
  fs.rmSync(progressFile, { force: true })
  console.log("0 passed, 1 failed")
  process.exit(1)
})
