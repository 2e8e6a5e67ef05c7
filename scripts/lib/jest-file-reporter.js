// Jest reporter of `npm test`: one line per test file as it finishes (with the failures of a
// failed one), and the same, as JSON lines, in a progress file that scripts/test.js reads
// for its watchdog and for the totals of a run it had to stop.
const fs = require("fs")
const path = require("path")

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`

class FileReporter {
  constructor(globalConfig, options = {}) {
    this.rootDir = globalConfig.rootDir
    this.progressFile = options.progressFile || process.env.SERIAL_TEST_PROGRESS_FILE
    this.done = 0
    this.total = 0
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
    process.stdout.write(`Running ${this.total} test files\n`)
  }

  onTestFileStart(test) {
    this.write({ event: "start", file: this.relative(test.path) })
  }

  onTestFileResult(test, result) {
    this.done++
    const file = this.relative(test.path)
    const passed = result.numPassingTests
    // A file that failed before running its tests (a boot error) counts as one failure.
    const failed = result.numFailingTests || (result.testExecError || result.failureMessage ? Math.max(1, result.numFailingTests) : 0)
    const skipped = result.numPendingTests + (result.numTodoTests || 0)
    const ms = result.perfStats.end - result.perfStats.start
    const status = failed ? "FAIL" : "PASS"
    const counts = `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`
    process.stdout.write(`[${this.done}/${this.total}] ${status} ${file}  ${counts}  (${seconds(ms)})\n`)
    if (failed) {
      const message = result.failureMessage || result.testExecError?.message || "failed before running its tests"
      process.stdout.write(`${message.replace(/^/gm, "    ")}\n`)
    }
    this.write({ event: "result", file, passed, failed, skipped, ms })
  }
}

module.exports = FileReporter
