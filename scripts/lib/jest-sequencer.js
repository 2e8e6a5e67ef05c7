// Order of the test files for `npm test`'s workers. The browser tests take turns at one
// demo store (integration-tests/helpers/browser.ts): under `npm test` they are one file, the
// browser shard, and when files are named they go back to back on one worker. So: the
// first browser file (or the browser shard), then the first HTTP shard (the longest,
// integration-tests/shards, which keeps the other worker busy meanwhile), then the other
// browser files, then the other HTTP shards in their order (the longer first, for the
// worker free first), then the rest, longest first as jest knows them.
const Sequencer = require("@jest/test-sequencer").default

class SerialTestSequencer extends Sequencer {
  sort(tests) {
    const sorted = super.sort(tests)
    const byPath = (a, b) => a.path.localeCompare(b.path, "en", { numeric: true })
    const browser = sorted.filter((t) => /\/integration-tests\/(browser\/|shards\/browser\.)/.test(t.path))
    const shards = sorted.filter((t) => t.path.includes("/integration-tests/shards/http-")).sort(byPath)
    const rest = sorted.filter((t) => !browser.includes(t) && !shards.includes(t))
    return [...browser.slice(0, 1), ...shards.slice(0, 1), ...browser.slice(1), ...shards.slice(1), ...rest]
  }
}

module.exports = SerialTestSequencer
