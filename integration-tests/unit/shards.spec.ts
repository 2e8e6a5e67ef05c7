import fs from "fs"
import path from "path"
import { BROWSER_FILES, SHARDS } from "../shards"

/**
 * `npm test` runs the HTTP and browser test files through the shards: each must be in
 * exactly one.
 */
describe("test shards", () => {
  const root = path.resolve(__dirname, "../..")
  const specFiles = (folder: string) =>
    fs
      .readdirSync(path.join(root, folder))
      .filter((f) => f.endsWith(".spec.ts"))
      .map((f) => `${folder}/${f}`)
      .sort()
  const files = specFiles("integration-tests/http")

  it("hold every HTTP test file once, and only those", () => {
    const listed = SHARDS.flat()
    expect([...listed].sort()).toEqual(files)
    expect(new Set(listed).size).toBe(listed.length)
  })

  it("hold every browser test file once, and only those", () => {
    expect([...BROWSER_FILES].sort()).toEqual(specFiles("integration-tests/browser"))
    expect(new Set(BROWSER_FILES).size).toBe(BROWSER_FILES.length)
  })

  it("have a jest file each", () => {
    const shardFiles = fs.readdirSync(path.join(root, "integration-tests/shards")).filter((f) => f.endsWith(".spec.ts"))
    expect(shardFiles.sort()).toEqual(["browser.spec.ts", ...SHARDS.map((_, i) => `http-${i + 1}.spec.ts`)].sort())
  })
})
