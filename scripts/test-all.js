#!/usr/bin/env node
// `npm run test:all`: the chaos tests (real server, worker and Redis processes), then every
// test of `npm test`. Both print their totals; the last line is npm test's, and the exit
// status is a failure when either failed.
const { spawnSync } = require("child_process")
const path = require("path")

const test = path.join(__dirname, "test.js")
const chaos = spawnSync(process.execPath, [test, "--config", "jest.chaos.config.js"], { stdio: "inherit" })
const all = spawnSync(process.execPath, [test, ...process.argv.slice(2)], { stdio: "inherit" })
process.exit(chaos.status || all.status || 0)
