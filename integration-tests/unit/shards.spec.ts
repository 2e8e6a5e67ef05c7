import fs from "fs"
import path from "path"
import { SHARDS } from "../shards"

/** `npm test` runs the HTTP test files through the shards: each must be in exactly one. */
describe("HTTP test shards", () => {
  const root = path.resolve(__dirname, "../..")
  const files = fs
    .readdirSync(path.join(root, "integration-tests/http"))
    .filter((f) => f.endsWith(".spec.ts"))
    .map((f) => `integration-tests/http/${f}`)
    .sort()

  it("hold every HTTP test file once, and only those", () => {
    const listed = SHARDS.flat()
    expect([...listed].sort()).toEqual(files)
    expect(new Set(listed).size).toBe(listed.length)
  })

  it("have a jest file each", () => {
    const shardFiles = fs.readdirSync(path.join(root, "integration-tests/shards")).filter((f) => f.endsWith(".spec.ts"))
    expect(shardFiles.sort()).toEqual(SHARDS.map((_, i) => `http-${i + 1}.spec.ts`).sort())
  })
})
