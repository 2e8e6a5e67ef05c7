// Medusa's integration runner creates every test file's database empty, runs all of
// Medusa's and the plugin's migrations, syncs the link tables and boots the app, which
// creates Medusa's defaults (store, sales channel, API key): about 8 s of each file's 12 s
// boot. This setup keeps the result once, as a template database named by global-setup.js
// (SERIAL_TEST_TEMPLATE_DB, keyed by the migrations, links and Medusa's version): the first
// file that boots in a run without one makes it, and every other file's database is then
// `CREATE DATABASE … TEMPLATE` of it, with the runner's migration and link sync skipped.
// The files' databases go to the tablespace in memory when there is one (see
// scripts/lib/ram-tablespace.js), the template to the disk. Everything else the runner does
// (booting the app; its snapshots and restores, for which see restore-in-place.js) is unchanged.
const { Client } = require("pg")
const pgTemplate = require("@medusajs/test-utils/dist/medusa-test-runner-utils/postgres-template")
const useDb = require("@medusajs/test-utils/dist/medusa-test-runner-utils/use-db")
const bootstrap = require("@medusajs/test-utils/dist/medusa-test-runner-utils/bootstrap-app")

const template = process.env.SERIAL_TEST_TEMPLATE_DB

if (template) {
  const credentials = () => ({
    host: process.env.DB_HOST,
    port: Number(process.env.DB_PORT),
    user: process.env.DB_USERNAME,
    password: process.env.DB_PASSWORD || undefined,
    database: "postgres",
  })
  const quote = (name) => `"${name.replace(/"/g, '""')}"`
  const admin = async (fn) => {
    const client = new Client(credentials())
    await client.connect()
    try {
      return await fn(client)
    } finally {
      await client.end()
    }
  }

  /** This file's database, when it was copied from the template (migrated already). */
  let copied = null
  /** This file's database, when the runner migrated it (the template can be made from it). */
  let migrated = null

  // In the tablespace in memory when global-setup.js made one (scripts/lib/ram-tablespace.js):
  // the runner's snapshots and restores of this database copy it there too.
  const tablespace = process.env.SERIAL_TEST_TABLESPACE ? ` TABLESPACE ${quote(process.env.SERIAL_TEST_TABLESPACE)}` : ""

  pgTemplate.createDatabase = async (args) => {
    const made = await admin(async (client) => {
      const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [template])
      if (!rowCount) {
        await client.query(`CREATE DATABASE ${quote(args.databaseName)}${tablespace}`)
        return false
      }
      await client.query(`CREATE DATABASE ${quote(args.databaseName)} TEMPLATE ${quote(template)}${tablespace}`)
      return true
    })
    if (made) {
      copied = args.databaseName
    } else {
      migrated = args.databaseName
    }
  }

  const { migrateDatabase, syncLinks } = useDb
  useDb.migrateDatabase = async (...args) => (copied ? undefined : migrateDatabase(...args))
  useDb.syncLinks = async (...args) => (copied ? undefined : syncLinks(...args))

  const { startApp } = bootstrap
  bootstrap.startApp = async (...args) => {
    const app = await startApp(...args)
    if (migrated) {
      // Migrated, links synced and Medusa's defaults created: what every file starts from.
      // Made under another name and renamed, so a file booting meanwhile in another worker
      // never copies half a template; when two workers race, one rename wins.
      const building = `${template}_${process.pid}`.slice(0, 63)
      await pgTemplate.createPostgresDatabaseTemplate({ databaseName: migrated, templateName: building })
      await admin(async (client) => {
        if (tablespace) {
          // Copied into the tablespace in memory with the migrated database: moved to the disk,
          // so that it survives the run.
          await client.query(`ALTER DATABASE ${quote(building)} SET TABLESPACE pg_default`)
        }
        try {
          await client.query(`ALTER DATABASE ${quote(building)} RENAME TO ${quote(template)}`)
        } catch (e) {
          await client.query(`DROP DATABASE IF EXISTS ${quote(building)}`)
          if (e.code !== "42P04") {
            throw e
          }
        }
      })
      migrated = null
    }
    return app
  }
}
