// Snapshots of a test database in place: the rows of every table of `public` that has any
// copied into a schema of the same database, with the sequences' values, and put back from
// it in one transaction (every table's rows deleted, the schema's copied back, the
// sequences set: about 12 ms), keeping the app's connections. Medusa's runner instead drops
// the database and copies it again from a template, which ends every connection of the
// app's pool, so that Postgres loads its catalogue again for each new one (about 35 ms of
// its CPU per connection, two or three a test) on top of the copy (60 ms).
//
// Foreign keys and triggers are off inside the restore's transaction
// (session_replication_role), which needs a superuser: the embedded test server's user is
// one. The restore in place changes nothing and Medusa's drop and copy (which ends the
// connections) runs instead when another connection is in a query or a transaction or
// holds an advisory lock (work left over), when a table or sequence was created or dropped
// since the snapshot, when the user is not a superuser, or when the restore fails.
//
// Used before each test (integration-tests/setup/restore-in-place.js, schema
// serial_test_snapshot) and between the files of a shard (helpers/suite.ts, the app's state
// after boot in serial_test_pristine). integration-tests/http/test-isolation.spec.ts shows
// both ways at work.
const { Client } = require("pg")

const credentials = (databaseName) => ({
  host: process.env.DB_HOST,
  port: Number(process.env.DB_PORT),
  user: process.env.DB_USERNAME,
  password: process.env.DB_PASSWORD || undefined,
  database: databaseName,
})
const quote = (name) => `"${name.replace(/"/g, '""')}"`

// What a restore in place must find unchanged: the names of the tables (partitions
// included) and sequences of `public`.
const SHAPE_SQL = `SELECT
  (SELECT string_agg(c.relname, ',' ORDER BY c.relname) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')) AS tables,
  (SELECT string_agg(sequencename, ',' ORDER BY sequencename) FROM pg_sequences WHERE schemaname = 'public') AS sequences`
// The tables whose rows a snapshot copies (a partition's go through its parent), each with
// its columns but the generated ones (computed again on insert; identity columns take the
// saved values).
const TABLES_SQL = `SELECT c.relname AS name,
  (SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum) FROM pg_attribute a
     WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '') AS columns
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY 1`
const SEQUENCES_SQL = `SELECT sequencename AS name, coalesce(last_value, start_value)::text AS value,
  last_value IS NOT NULL AS called FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1`
// Other sessions of this database at work, or holding advisory locks: left over from a test.
const BUSY_SQL = `SELECT
  (SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()
     AND backend_type = 'client backend' AND state <> 'idle')::int AS busy,
  (SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
     WHERE a.datname = current_database() AND l.locktype = 'advisory' AND l.pid <> pg_backend_pid())::int AS advisory`

/** One connection to the test database, for snapshots and restores; reopened once ended. */
let client = null
async function connection(databaseName) {
  if (client && client.database !== databaseName) {
    await closeConnection()
  }
  if (!client) {
    const opened = new Client(credentials(databaseName))
    opened.database = databaseName
    // Ended by the runner's drop of the database (a copy restore): opened again on next use.
    opened.on("error", () => {
      if (client === opened) {
        client = null
      }
    })
    opened.on("end", () => {
      if (client === opened) {
        client = null
      }
    })
    await opened.connect()
    client = opened
  }
  return client
}
async function closeConnection() {
  const closing = client
  client = null
  await closing?.end().catch(() => undefined)
}

/** By database and schema: what an in-place restore needs (none when it cannot have one). */
const snapshots = new Map()
const key = (databaseName, schema) => `${databaseName}\0${schema}`

/** Copies the database's rows and sequence values into `schema` (dropped and made again). */
async function snapshotInPlace(databaseName, schema) {
  snapshots.delete(key(databaseName, schema))
  const db = await connection(databaseName)
  const [{ rolsuper }] = (await db.query("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")).rows
  if (!rolsuper) {
    return
  }
  const [shape] = (await db.query(SHAPE_SQL)).rows
  const tables = (await db.query(TABLES_SQL)).rows
  const sequences = (await db.query(SEQUENCES_SQL)).rows
  // The tables that have rows, asked in one statement.
  const literal = (name) => `'${name.replace(/'/g, "''")}'`
  const filled = new Set(
    tables.length
      ? (await db.query(tables.map((t) => `SELECT ${literal(t.name)} AS name WHERE EXISTS (SELECT 1 FROM public.${quote(t.name)})`).join("\nUNION ALL "))).rows.map((r) => r.name)
      : []
  )
  const copy = [`DROP SCHEMA IF EXISTS ${quote(schema)} CASCADE`, `CREATE SCHEMA ${quote(schema)}`]
  const restore = ["SET LOCAL session_replication_role = replica", "SET LOCAL lock_timeout = '5s'"]
  restore.push(...tables.map((t) => `DELETE FROM public.${quote(t.name)}`))
  for (const { name, columns } of tables.filter((t) => filled.has(t.name))) {
    copy.push(`CREATE TABLE ${quote(schema)}.${quote(name)} AS SELECT ${columns} FROM public.${quote(name)}`)
    restore.push(`INSERT INTO public.${quote(name)} (${columns}) OVERRIDING SYSTEM VALUE SELECT ${columns} FROM ${quote(schema)}.${quote(name)}`)
  }
  restore.push(...sequences.map((s) => `SELECT setval('public.${quote(s.name)}', ${s.value}, ${s.called})`))
  await db.query(copy.join(";\n"))
  snapshots.set(key(databaseName, schema), { shape, sql: `BEGIN;\n${restore.join(";\n")};\nCOMMIT;` })
}

/** Whether the database was put back as its snapshot in `schema` (false: nothing was changed). */
async function restoreInPlace(databaseName, schema) {
  const snapshot = snapshots.get(key(databaseName, schema))
  if (!snapshot) {
    return false
  }
  const db = await connection(databaseName)
  const [{ busy, advisory }] = (await db.query(BUSY_SQL)).rows
  if (busy || advisory) {
    return false
  }
  const [shape] = (await db.query(SHAPE_SQL)).rows
  if (shape.tables !== snapshot.shape.tables || shape.sequences !== snapshot.shape.sequences) {
    return false
  }
  try {
    await db.query(snapshot.sql)
    return true
  } catch {
    await db.query("ROLLBACK").catch(() => undefined)
    return false
  }
}

/**
 * Snapshots the database into `schema` in place, then runs `copySnapshot` (Medusa's template
 * copy, which the fallback of `restoreSnapshot` restores from, and which then holds `schema`
 * too). Once more on a new connection when the kept one was ended by a drop.
 */
async function takeSnapshot(databaseName, schema, copySnapshot) {
  try {
    await snapshotInPlace(databaseName, schema)
  } catch {
    await closeConnection()
    await snapshotInPlace(databaseName, schema)
  }
  await copySnapshot()
}

/** Puts the database back as its snapshot in `schema`: in place, or else by `copyBack` (Medusa's drop and copy). */
async function restoreSnapshot(databaseName, schema, copyBack) {
  const inPlace = await restoreInPlace(databaseName, schema).catch(async () => {
    await closeConnection()
    return false
  })
  if (!inPlace) {
    await copyBack()
  }
}

module.exports = { takeSnapshot, restoreSnapshot, closeConnection }
