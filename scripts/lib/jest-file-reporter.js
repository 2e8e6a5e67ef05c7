// Jest reporter of `npm test`: one line per test file as it finishes (with the failures of a
// failed one), and the same, as JSON lines, in a progress file that scripts/test.js reads
// for its watchdog and for the totals of a run it had to stop. A shard (one jest file that
// runs several HTTP test files on one app, integration-tests/shards) gets a line for each
// of its files too, as each finishes: its tests are grouped under the file's path.
const fs = require("fs")
const path = require("path")

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`
const counts = ({ passed, failed, skipped }) => `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`

class FileReporter {
  constructor(globalConfig, options = {}) {
    this.rootDir = globalConfig.rootDir
    this.progressFile = options.progressFile || process.env.SERIAL_TEST_PROGRESS_FILE
    // A run of `npm test` may be a second jest run after a first (scripts/test.js): its files
    // are numbered on from the first's, and its start line says what it runs.
    this.before = Number(process.env.SERIAL_TEST_FILES_BEFORE || 0)
    this.label = process.env.SERIAL_TEST_RUN_LABEL || ""
    this.done = 0
    this.total = 0
    /** Per running shard: the HTTP file whose tests are arriving, and its counts so far. */
    this.shards = new Map()
  }

  write(event) {
    if (this.progressFile) {
      fs.appendFileSync(this.progressFile, `${JSON.stringify({ ...event, at: Date.now() })}\n`)
    }
  }

  relative(file) {
    return path.relative(this.rootDir, file)
  }

  onRunStart(results) {
    this.total = results.numTotalTestSuites
    process.stdout.write(`Running ${this.total} test files${this.label ? ` (${this.label})` : ""}\n`)
  }

  onTestFileStart(test) {
    const file = this.relative(test.path)
    if (file.includes("/shards/")) {
      this.shards.set(file, { file, suite: null, since: Date.now() })
    }
    this.write({ event: "start", file })
  }

  /** Tests of a shard: the top describe below the runner's is the HTTP file they belong to. */
  onTestCaseResult(test, result) {
    const shard = this.shards.get(this.relative(test.path))
    if (!shard) {
      return
    }
    const name = result.ancestorTitles.find((t) => t.endsWith(".spec.ts")) ?? "(shard)"
    if (shard.suite && shard.suite.name !== name) {
      this.finishSuite(shard)
    }
    shard.suite ??= { name, passed: 0, failed: 0, skipped: 0, failures: [] }
    const s = shard.suite
    s.lastAt = Date.now()
    if (result.status === "passed") {
      s.passed++
    } else if (result.status === "failed") {
      s.failed++
      s.failures.push(`  ● ${result.fullName}\n${result.failureMessages.join("\n")}`)
    } else {
      s.skipped++
    }
  }

  finishSuite(shard) {
    const s = shard.suite
    // From the end of the file before (or the shard's start) to this file's last test: its
    // fixtures and its tests.
    const ms = s.lastAt - shard.since
    process.stdout.write(`      ${s.failed ? "FAIL" : "PASS"} ${s.name}  ${counts(s)}  (${seconds(ms)})\n`)
    if (s.failed) {
      process.stdout.write(`${s.failures.join("\n").replace(/^/gm, "    ")}\n`)
    }
    this.write({ event: "suite", shard: shard.file, file: s.name, passed: s.passed, failed: s.failed, skipped: s.skipped, ms })
    shard.suite = null
    shard.since = s.lastAt
  }

  onTestFileResult(test, result) {
    this.done++
    const file = this.relative(test.path)
    const shard = this.shards.get(file)
    if (shard?.suite) {
      this.finishSuite(shard)
    }
    this.shards.delete(file)
    const passed = result.numPassingTests
    // A file that failed before running its tests (a boot error) counts as one failure.
    const failed = result.numFailingTests || (result.testExecError || result.failureMessage ? 1 : 0)
    const skipped = result.numPendingTests + (result.numTodoTests || 0)
    const ms = result.perfStats.end - result.perfStats.start
    process.stdout.write(`[${this.before + this.done}/${this.before + this.total}] ${failed ? "FAIL" : "PASS"} ${file}  ${counts({ passed, failed, skipped })}  (${seconds(ms)})\n`)
    // A shard's test failures were printed with their file; what is left is its own.
    if (failed && (!shard || !result.numFailingTests)) {
      const message = result.failureMessage || result.testExecError?.message || "failed before running its tests"
      process.stdout.write(`${message.replace(/^/gm, "    ")}\n`)
    }
    this.write({ event: "result", file, passed, failed, skipped, ms })
  }
}

module.exports = FileReporter
