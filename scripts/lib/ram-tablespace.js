// The test databases in memory. Medusa's test runner restores a file's database before every
// test (DROP DATABASE, then CREATE DATABASE … TEMPLATE its snapshot): on this machine's ext4
// disk that copy of Medusa's 1,000-odd tables took 0.5 to 1 s, even with fsync off, and an
// HTTP test file spent more time in it than in its tests. In a tmpfs folder it takes 30 to
// 70 ms. So the embedded test server gets a tablespace in such a folder (Linux' /dev/shm),
// and the test databases live there; the migrated template stays on disk in .test-db/, so
// that it survives the run.
//
// Where there is no tmpfs with room (macOS, a container's 64 MB /dev/shm), or with
// TEST_DB_IN_MEMORY=0, the databases stay in the server's data folder: slower, same results.
const fs = require("fs")
const path = require("path")

const TABLESPACE = "serial_test_ram"
// Files' databases, their snapshots and the browser stores' databases: about 20 MB each, and
// some 15 at a time. Below this much free room, the disk is used instead.
const MIN_FREE_BYTES = 1024 * 1024 * 1024

const quote = (name) => `"${name.replace(/"/g, '""')}"`

/** A tmpfs folder with room for the test databases, or null. */
function ramFolder() {
  if (process.env.TEST_DB_IN_MEMORY === "0" || process.platform !== "linux") {
    return null
  }
  const candidate = process.env.TEST_DB_RAM_DIR || "/dev/shm"
  try {
    const mounts = fs.readFileSync("/proc/mounts", "utf8").split("\n").map((l) => l.split(" "))
    // The mount the folder is on: the longest mount point that contains it.
    const mount = mounts
      .filter((m) => m[1] && (candidate === m[1] || candidate.startsWith(m[1].endsWith("/") ? m[1] : `${m[1]}/`)))
      .sort((a, b) => b[1].length - a[1].length)[0]
    if (!mount || mount[2] !== "tmpfs") {
      return null
    }
    const { bavail, bsize } = fs.statfsSync(candidate)
    return bavail * bsize >= MIN_FREE_BYTES ? candidate : null
  } catch {
    return null
  }
}

/**
 * Makes `dir` for the server whose data folder is `dataDir`: owned by the user the server
 * runs as (the owner of its data folder), which may not be this process' user.
 */
function makeServerFolder(dir, dataDir) {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 })
  const { uid, gid } = fs.statSync(dataDir)
  if (uid !== process.getuid()) {
    fs.chownSync(dir, uid, gid)
  }
}

/** The tablespace's row, or null. */
async function findTablespace(client) {
  const { rows } = await client.query("SELECT oid, pg_tablespace_location(oid) AS location FROM pg_tablespace WHERE spcname = $1", [TABLESPACE])
  return rows[0] ?? null
}

/**
 * Drops the tablespace and what is in it (a run stopped before its teardown leaves its
 * databases there; after a reboot their folder is gone, and Postgres drops them anyway).
 */
async function dropRamTablespace(client) {
  const found = await findTablespace(client)
  if (!found) {
    return
  }
  const { rows } = await client.query("SELECT datname FROM pg_database WHERE dattablespace = $1", [found.oid])
  for (const { datname } of rows) {
    await client.query(`DROP DATABASE IF EXISTS ${quote(datname)} WITH (FORCE)`)
  }
  await client.query(`DROP TABLESPACE IF EXISTS ${TABLESPACE}`)
  if (found.location) {
    fs.rmSync(found.location, { recursive: true, force: true })
  }
}

/**
 * Makes a fresh tablespace in a tmpfs folder for the server whose data folder is `dataDir`.
 * Returns the tablespace's name, or null when there is no such folder.
 */
async function createRamTablespace(client, dataDir) {
  await dropRamTablespace(client)
  const folder = ramFolder()
  if (!folder) {
    return null
  }
  const dir = path.join(folder, `serial-test-pg-${process.pid}`)
  fs.rmSync(dir, { recursive: true, force: true })
  makeServerFolder(dir, dataDir)
  await client.query(`CREATE TABLESPACE ${TABLESPACE} LOCATION '${dir.replace(/'/g, "''")}'`)
  return TABLESPACE
}

/**
 * Makes again the (empty) folders of the server's tablespaces that are gone. A run stopped
 * by force leaves a server that must replay its log at the next start, and the replay stops
 * the server when a tablespace's folder is missing, as after a reboot emptied the tmpfs
 * (the next run then drops what was in it, see dropRamTablespace).
 */
function restoreTablespaceFolders(dataDir) {
  let links = []
  try {
    links = fs.readdirSync(path.join(dataDir, "pg_tblspc"))
  } catch {
    return
  }
  for (const link of links) {
    let target
    try {
      target = fs.readlinkSync(path.join(dataDir, "pg_tblspc", link))
    } catch {
      continue // not a link: a tablespace inside the data folder
    }
    if (!fs.existsSync(target)) {
      makeServerFolder(target, dataDir)
    }
  }
}

module.exports = { ramFolder, createRamTablespace, dropRamTablespace, restoreTablespaceFolders, TABLESPACE }
