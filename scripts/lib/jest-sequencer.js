// Order of the test files for `npm test`'s two (or more) workers. Browser test files take
// turns at one demo store (integration-tests/helpers/browser.ts): alternated with the HTTP
// shards, one worker goes from browser file to browser file while the others run shards,
// and no worker waits for the store. Then the rest, longest first as jest knows them.
const Sequencer = require("@jest/test-sequencer").default

class SerialTestSequencer extends Sequencer {
  sort(tests) {
    const sorted = super.sort(tests)
    const browser = sorted.filter((t) => t.path.includes("/integration-tests/browser/"))
    const shards = sorted.filter((t) => t.path.includes("/integration-tests/shards/"))
    const rest = sorted.filter((t) => !browser.includes(t) && !shards.includes(t))
    const alternated = []
    for (let i = 0; i < Math.max(browser.length, shards.length); i++) {
      alternated.push(...(browser[i] ? [browser[i]] : []), ...(shards[i] ? [shards[i]] : []))
    }
    return [...alternated, ...rest]
  }
}

module.exports = SerialTestSequencer
