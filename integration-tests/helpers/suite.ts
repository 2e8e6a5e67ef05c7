// HTTP test files and the Medusa app they run on.
//
// Booting Medusa takes 7 s of a quiet machine's CPU (11 s with another worker beside it),
// more than most files' tests. `npm test` therefore runs the HTTP files in a few shards
// (integration-tests/shards/): each boots one app and runs its files one after another on
// it. A file run by name (`npm test -- integration-tests/http/x.spec.ts`) boots its own
// app, as Medusa's runner always does. Either way a file sees the same thing:
//
// - its `beforeAll` hooks run on a database as Medusa's runner leaves it after boot
//   (migrated, Medusa's defaults made; in a shard, put back in that state first, in place
//   when it can be, see database-snapshots.js), and what
//   they create is kept as the file's snapshot: every test starts from it (the runner
//   restores it before each test);
// - the plugin's options are the test defaults below plus the file's own `plugin` options,
//   set on the running app for the file and put back after it.
import path from "path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { SerialPluginOptions } from "../../src/modules/serial/lib/options"

// eslint-disable-next-line @typescript-eslint/no-var-requires
const {
  createPostgresDatabaseTemplate,
  dropPostgresDatabaseTemplate,
  restorePostgresDatabaseFromTemplate,
} = require("@medusajs/test-utils/dist/medusa-test-runner-utils/postgres-template")
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { restoreSnapshot, takeSnapshot } = require("./database-snapshots")

type RunnerOptions = Parameters<Parameters<typeof medusaIntegrationTestRunner>[0]["testSuite"]>[0]
export type SuiteBody = (runner: RunnerOptions) => void
export type SuiteOptions = {
  /** Plugin options of this file, over the test defaults. */
  plugin?: Partial<SerialPluginOptions>
}

/**
 * Test defaults over the plugin's own: files share an app (and its rate-limit counters) in a
 * shard, so the limits are out of the way unless a file is about them and sets its own.
 */
export const TEST_PLUGIN_DEFAULTS: Partial<SerialPluginOptions> = {
  public_lookup_rate_limit: 100_000,
  customer_write_rate_limit: 100_000,
  address_write_rate_limit: 100_000,
}

const ROOT = path.resolve(__dirname, "../..")

type CollectedSuite = { file: string; body: SuiteBody; options: SuiteOptions }

/** Set while a shard loads its files: they register here instead of booting an app. */
let collecting: CollectedSuite[] | null = null

/** The name a file's tests are reported under: its path from the repository root. */
export function suiteName(file: string): string {
  return path.relative(ROOT, file)
}

/**
 * Declares an HTTP test file (`httpSuite(__filename, ({ api, getContainer }) => { ... })`).
 */
export function httpSuite(file: string, body: SuiteBody, options: SuiteOptions = {}) {
  if (collecting) {
    collecting.push({ file, body, options })
    return
  }
  medusaIntegrationTestRunner({
    testSuite: (runner) => {
      describe(suiteName(file), () => defineSuite(runner, { file, body, options }, false))
    },
  })
}

function defineSuite(runner: RunnerOptions, suite: CollectedSuite, shared: boolean) {
  let saved: SerialPluginOptions | null = null
  beforeAll(async () => {
    if (shared) {
      // The app as booted, before any file's fixtures (see runShard).
      const databaseName = runner.dbConfig.dbName
      await restoreSnapshot(databaseName, PRISTINE_SCHEMA, () =>
        restorePostgresDatabaseFromTemplate({ databaseName, templateName: pristineOf(runner) })
      )
    }
    const options = liveOptions(runner)
    saved = { ...options }
    Object.assign(options, TEST_PLUGIN_DEFAULTS, suite.options.plugin ?? {})
  })
  suite.body(runner)
  if (shared) {
    // After the file's own beforeAll hooks: its fixtures are what each of its tests starts from.
    beforeAll(async () => {
      await runner.dbUtils.snapshot()
    })
  }
  afterAll(() => {
    if (saved) {
      Object.assign(liveOptions(runner), saved)
    }
  })
}

/**
 * The options object the running plugin reads (the one its module registered and every
 * internal service holds). `getOptions()` answers a copy, so that no caller can change
 * them; a test file reaches the object itself, set once by the module's loader.
 */
function liveOptions(runner: RunnerOptions): SerialPluginOptions {
  return (runner.getContainer().resolve("serial") as unknown as { options_: SerialPluginOptions }).options_
}

/** The schema that keeps the rows of a shard's database as booted (helpers/database-snapshots.js). */
const PRISTINE_SCHEMA = "serial_test_pristine"

function pristineOf(runner: RunnerOptions) {
  return `${runner.dbConfig.dbName}-pristine`.slice(0, 63)
}

/** Runs the HTTP test files `files` (paths from the repository root) on one app. */
export function runShard(files: string[]) {
  collecting = []
  for (const file of files) {
    require(path.join(ROOT, file))
  }
  const suites = collecting
  collecting = null
  // Each file set its own timeout when it loaded; the last one would count for all.
  jest.setTimeout(10 * 60_000)
  medusaIntegrationTestRunner({
    testSuite: (runner) => {
      // In a block of their own, so that the template is dropped before the runner's
      // teardown (declared first in its block), which closes the connection the drop uses:
      // dropped after it, the drop opened that connection again and the worker did not exit.
      describe("", () => {
        beforeAll(async () => {
          const databaseName = runner.dbConfig.dbName
          await takeSnapshot(databaseName, PRISTINE_SCHEMA, () =>
            createPostgresDatabaseTemplate({ databaseName, templateName: pristineOf(runner) })
          )
        })
        for (const suite of suites) {
          describe(suiteName(suite.file), () => defineSuite(runner, suite, true))
        }
        afterAll(async () => {
          await dropPostgresDatabaseTemplate(pristineOf(runner))
        })
      })
    },
  })
}
