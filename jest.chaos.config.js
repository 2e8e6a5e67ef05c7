// `npm run test:chaos`: the tests that start real Medusa, Redis and worker processes
// themselves (integration-tests/chaos). Same transform and Postgres as the integration tests.
const { projects, reporters } = require("./jest.config")

const integration = projects.find((p) => p.displayName === "integration")

module.exports = {
  ...integration,
  reporters,
  displayName: "chaos",
  testMatch: ["<rootDir>/integration-tests/chaos/**/*.spec.[jt]s"],
  testTimeout: 15 * 60_000,
}
