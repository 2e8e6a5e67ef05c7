import { execFileSync } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import ts from "typescript"

/**
 * Admin dates in the browser's time zone. A time zone is read once per process, so each
 * zone runs src/admin/lib/format.ts (transpiled as it is) in a node of its own.
 */
const root = path.join(__dirname, "../..")
const compiled = path.join(root, ".test-results", `admin-format-${process.pid}.cjs`)

beforeAll(() => {
  const source = fs.readFileSync(path.join(root, "src/admin/lib/format.ts"), "utf8")
  const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 } })
  fs.writeFileSync(compiled, outputText)
})
afterAll(() => fs.rmSync(compiled, { force: true }))

/** formatDate(value, locale) as a browser in `zone` shows it. */
const shownIn = (zone: string, value: string | null, locale = "en-US") =>
  execFileSync(process.execPath, ["-e", `process.stdout.write(require(${JSON.stringify(compiled)}).formatDate(${JSON.stringify(value)}, ${JSON.stringify(locale)}))`], {
    env: { ...process.env, TZ: zone },
    encoding: "utf8",
  })

describe("admin dates (src/admin/lib/format.ts)", () => {
  it("shows a calendar day as that day west and east of Greenwich", () => {
    for (const zone of ["America/Los_Angeles", "UTC", "Pacific/Auckland"]) {
      expect([zone, shownIn(zone, "2027-02-28")]).toEqual([zone, "Feb 28, 2027"])
      expect([zone, shownIn(zone, "2027-02-28", "de")]).toEqual([zone, "28.02.2027"])
    }
  })

  it("shows an instant in the browser's zone, and a dash for no date or a broken one", () => {
    // 02:00 UTC on Mar 1 is still Feb 28 in California, and Mar 1 in Berlin.
    expect(shownIn("America/Los_Angeles", "2027-03-01T02:00:00Z")).toBe("Feb 28, 2027")
    expect(shownIn("Europe/Berlin", "2027-03-01T02:00:00Z")).toBe("Mar 1, 2027")
    expect(shownIn("UTC", null)).toBe("—")
    expect(shownIn("UTC", "2027-02-30")).toBe("—")
  })
})
