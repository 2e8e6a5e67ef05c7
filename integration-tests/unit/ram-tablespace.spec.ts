import fs from "fs"
import os from "os"
import path from "path"

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { ramFolder, restoreTablespaceFolders } = require("../../scripts/lib/ram-tablespace")

describe("test databases in memory (scripts/lib/ram-tablespace.js)", () => {
  const saved = { ...process.env }
  afterEach(() => {
    process.env = { ...saved }
  })

  it("stay on disk when TEST_DB_IN_MEMORY=0, or when the folder named is not a tmpfs", () => {
    process.env.TEST_DB_IN_MEMORY = "0"
    expect(ramFolder()).toBeNull()
    delete process.env.TEST_DB_IN_MEMORY
    process.env.TEST_DB_RAM_DIR = path.resolve(__dirname)
    expect(ramFolder()).toBeNull()
  })

  it("a server's tablespace folders that are gone are made again, empty, so that it can replay its log", () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "serial-tablespace-test-"))
    const gone = path.join(dataDir, "tmpfs-emptied-by-a-reboot", "serial-test-pg-1")
    const kept = fs.mkdtempSync(path.join(os.tmpdir(), "serial-tablespace-kept-"))
    fs.writeFileSync(path.join(kept, "data"), "x")
    try {
      fs.mkdirSync(path.join(dataDir, "pg_tblspc"))
      fs.symlinkSync(gone, path.join(dataDir, "pg_tblspc", "16384"))
      fs.symlinkSync(kept, path.join(dataDir, "pg_tblspc", "16385"))
      restoreTablespaceFolders(dataDir)
      expect(fs.readdirSync(gone)).toEqual([])
      // One that is there is left as it is.
      expect(fs.readdirSync(kept)).toEqual(["data"])
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true })
      fs.rmSync(kept, { recursive: true, force: true })
    }
  })
})
