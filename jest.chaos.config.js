// `npm run test:chaos`: the tests that start real Medusa, Redis and worker processes
// themselves (integration-tests/chaos). Same transform and Postgres as `npm test`.
const base = require("./jest.config")

module.exports = {
  ...base,
  testMatch: ["<rootDir>/integration-tests/chaos/**/*.spec.[jt]s"],
  testPathIgnorePatterns: ["/node_modules/"],
  testTimeout: 15 * 60_000,
}
