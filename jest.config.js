const { loadEnv } = require("@medusajs/framework/utils")
loadEnv("test", process.cwd())

/** One jest run for every kind of test; all of them talk to a real Postgres. */
module.exports = {
  transform: {
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
  },
  testEnvironment: "node",
  moduleFileExtensions: ["js", "ts", "tsx", "json"],
  modulePathIgnorePatterns: ["dist/", "<rootDir>/.medusa/", "<rootDir>/demo/", "<rootDir>/.demo/"],
  testMatch: ["<rootDir>/integration-tests/**/*.spec.[jt]s"],
  // They start real processes and take minutes: `npm run test:chaos` (jest.chaos.config.js).
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/integration-tests/chaos/"],
  globalSetup: "<rootDir>/integration-tests/setup/global-setup.js",
  globalTeardown: "<rootDir>/integration-tests/setup/global-teardown.js",
  setupFiles: ["<rootDir>/integration-tests/setup/setup.js"],
  testTimeout: 120000,
}
