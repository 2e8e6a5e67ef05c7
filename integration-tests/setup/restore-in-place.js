// Medusa's integration runner puts a test file's database back as its snapshot before every
// test by dropping it and copying it again from a template database, which ends the app's
// connections. This setup puts it back in place instead, from a copy of its rows in the
// schema serial_test_snapshot (helpers/database-snapshots.js: why, and when it cannot).
//
// The runner's template copy is still made, and its own restore (drop and copy) is still
// used whenever the in-place one is refused.
const database = require("@medusajs/test-utils/dist/database")
const { closeConnection, restoreSnapshot, takeSnapshot } = require("../helpers/database-snapshots")

const SCHEMA = "serial_test_snapshot"

const { dbTestUtilFactory } = database
database.dbTestUtilFactory = () => {
  const utils = dbTestUtilFactory()
  const { snapshot, restore } = utils
  return {
    ...utils,
    snapshot: function (options) {
      return takeSnapshot(options.databaseName, SCHEMA, () => snapshot.call(this, options))
    },
    restore: function (options) {
      return restoreSnapshot(options.databaseName, SCHEMA, () => restore.call(this, options))
    },
  }
}

afterAll(closeConnection)
