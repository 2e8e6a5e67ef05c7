// Postgres for the integration and browser tests (the unit tests need none and do not run
// this): scripts/lib/test-db.js. `npm test` starts it before jest and hands it over in
// DB_HOST and the rest; jest run directly gets it started here.
const { startTestDatabase } = require("../../scripts/lib/test-db")

function say(message) {
  process.stderr.write(`[test-db] ${message}\n`)
}

/**
 * Unpacks the Chromium of `@sparticuz/chromium` (into the temp folder, once per machine)
 * before the workers start, so that browser test files running side by side never unpack it
 * at the same time.
 */
async function unpackChromium() {
  if (process.env.CHROMIUM_PATH) {
    return
  }
  try {
    const chromium = (await import("@sparticuz/chromium")).default
    await chromium.executablePath()
  } catch (e) {
    // The browser test files say why, each in one line, when they cannot launch it.
    say(`@sparticuz/chromium could not be unpacked: ${String(e.message).split("\n")[0]}`)
  }
}

module.exports = async function globalSetup() {
  await unpackChromium()
  const database = await startTestDatabase()
  Object.assign(process.env, database.env)
  globalThis.__SERIAL_TEST_DATABASE__ = database
}
