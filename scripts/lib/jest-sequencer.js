// Order of the test files for `npm test`'s workers. The browser test files take turns at one
// demo store (integration-tests/helpers/browser.ts), so they go back to back on one worker:
// the first browser file, then the first HTTP shard (the longest, integration-tests/shards,
// which keeps the other worker busy meanwhile), then the other browser files, then the other
// shards in their order, then the rest, longest first as jest knows them.
const Sequencer = require("@jest/test-sequencer").default

class SerialTestSequencer extends Sequencer {
  sort(tests) {
    const sorted = super.sort(tests)
    const byPath = (a, b) => a.path.localeCompare(b.path, "en", { numeric: true })
    const browser = sorted.filter((t) => t.path.includes("/integration-tests/browser/"))
    const shards = sorted.filter((t) => t.path.includes("/integration-tests/shards/")).sort(byPath)
    const rest = sorted.filter((t) => !browser.includes(t) && !shards.includes(t))
    return [...browser.slice(0, 1), ...shards.slice(0, 1), ...browser.slice(1), ...shards.slice(1), ...rest]
  }
}

module.exports = SerialTestSequencer
