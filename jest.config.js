const { loadEnv } = require("@medusajs/framework/utils")
loadEnv("test", process.cwd())

const transform = {
  "^.+\\.[jt]sx?$": [
    "@swc/jest",
    {
      jsc: {
        parser: { syntax: "typescript", decorators: true, tsx: true },
        transform: { decoratorMetadata: true, legacyDecorator: true },
        target: "es2021",
      },
    },
  ],
}

const common = {
  transform,
  testEnvironment: "node",
  moduleFileExtensions: ["js", "ts", "tsx", "json"],
  modulePathIgnorePatterns: ["dist/", "<rootDir>/.medusa/", "<rootDir>/demo/", "<rootDir>/.demo/", "<rootDir>/.test-db/"],
}

/**
 * `npm test` (scripts/test.js) runs both projects:
 * - unit: pure functions, no Postgres (its files start in a second);
 * - integration: module and HTTP tests on Medusa apps booted on databases copied from a
 *   migrated template (the HTTP files in shards, one app each), and the admin's browser
 *   tests on a demo store (in one shard, one store).
 * The chaos tests start real processes and take minutes: `npm run test:chaos`
 * (jest.chaos.config.js).
 */
module.exports = {
  testTimeout: 120000,
  testSequencer: "<rootDir>/scripts/lib/jest-sequencer.js",
  // One line per file as it finishes (scripts/lib/jest-file-reporter.js); TEST_VERBOSE=1 adds
  // jest's own reporter, with the tests' console output.
  reporters: [
    "<rootDir>/scripts/lib/jest-file-reporter.js",
    ...(process.env.TEST_VERBOSE ? ["default"] : []),
  ],
  projects: [
    {
      ...common,
      displayName: "unit",
      testMatch: ["<rootDir>/integration-tests/unit/**/*.spec.[jt]s"],
    },
    {
      ...common,
      displayName: "integration",
      testMatch: [
        "<rootDir>/integration-tests/modules/**/*.spec.[jt]s",
        // The HTTP files in shards of one app each and the browser files in one shard of one
        // store (integration-tests/shards), unless scripts/test.js was given files or
        // patterns to run (then each file on its own).
        ...(process.env.SERIAL_TEST_UNSHARDED
          ? ["<rootDir>/integration-tests/http/**/*.spec.[jt]s", "<rootDir>/integration-tests/browser/**/*.spec.[jt]s"]
          : ["<rootDir>/integration-tests/shards/**/*.spec.[jt]s"]),
      ],
      globalSetup: "<rootDir>/integration-tests/setup/global-setup.js",
      globalTeardown: "<rootDir>/integration-tests/setup/global-teardown.js",
      setupFiles: [
        "<rootDir>/integration-tests/setup/setup.js",
        "<rootDir>/integration-tests/setup/reuse-migrated-database.js",
      ],
      setupFilesAfterEnv: [
        "<rootDir>/integration-tests/setup/readable-errors.js",
        "<rootDir>/integration-tests/setup/restore-in-place.js",
      ],
    },
  ],
}
