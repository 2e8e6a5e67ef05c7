#!/usr/bin/env node
// `npm test`: runs every jest suite (unit, module and HTTP) against real Postgres, then
// prints the totals as its last line, "N passed, M failed", read from jest's JSON results
// so that a run that executed no test shows as "0 passed".
const { spawnSync } = require("child_process")
const fs = require("fs")
const os = require("os")
const path = require("path")

const root = path.resolve(__dirname, "..")
const resultsFile = path.join(os.tmpdir(), `serial-plugin-jest-${process.pid}.json`)
const args = [
  // Every HTTP and browser test file boots a Medusa app in this one process (--runInBand),
  // and jest keeps part of each; past about 35 files the default heap (4 GB) runs out.
  `--max-old-space-size=${process.env.TEST_HEAP_MB || 10240}`,
  // Medusa's test runner loads medusa-config.ts with a dynamic import.
  "--experimental-vm-modules",
  "--no-warnings=ExperimentalWarning",
  require.resolve("jest/bin/jest", { paths: [root] }),
  "--runInBand",
  "--json",
  `--outputFile=${resultsFile}`,
  ...process.argv.slice(2),
]
const run = spawnSync(process.execPath, args, {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, NODE_ENV: "test", TZ: process.env.TZ || "UTC", LOG_LEVEL: process.env.LOG_LEVEL || "error" },
})

let passed = 0
let failed = 0
let skipped = 0
let suitesFailed = 0
try {
  const results = JSON.parse(fs.readFileSync(resultsFile, "utf8"))
  passed = results.numPassedTests
  failed = results.numFailedTests
  skipped = results.numPendingTests + (results.numTodoTests || 0)
  // A suite that fails to load runs no test; count it, or it would vanish from the totals.
  suitesFailed = results.testResults.filter((s) => s.status === "failed" && !s.assertionResults.some((a) => a.status === "failed")).length
  fs.rmSync(resultsFile, { force: true })
} catch (e) {
  console.error(`Could not read jest's results (${e.message}); jest exited with ${run.status}`)
  failed = Math.max(failed, 1)
}
failed += suitesFailed
if (suitesFailed) {
  console.log(`${suitesFailed} test file(s) failed before running their tests (counted as failed)`)
}
const code = run.status === 0 && failed === 0 && passed > 0 ? 0 : 1
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`)
process.exit(code)
