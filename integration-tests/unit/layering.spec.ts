/**
 * The layering of src/, read from the import statements of every file:
 * - src/shared is pure: it imports only other files of src/shared (no package, no server
 *   code), so the admin bundle and storefront code can use it;
 * - the admin imports server code only through src/shared;
 * - the module knows nothing of workflows, routes, subscribers, jobs, links or the admin;
 * - a workflow step does not import a hook file (a hook file registers a hook when it loads);
 * - nothing outside the module imports its repositories (its SQL).
 */
import fs from "fs"
import path from "path"

const root = path.resolve(__dirname, "../..")
const src = path.join(root, "src")

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name)
    if (e.isDirectory()) {
      return e.name === "node_modules" ? [] : filesUnder(p)
    }
    return /\.(ts|tsx|js|mjs)$/.test(e.name) && !e.name.endsWith(".d.ts") ? [p] : []
  })
}

/** Every module specifier a file imports or re-exports (static, dynamic or require). */
export function importsOf(source: string): string[] {
  // Comments may quote an import (a usage example); they import nothing.
  const code = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "")
  const specs: string[] = []
  const patterns = [
    /\bimport\s+(?:type\s+)?(?:[\w*{}\s,]+?\s+from\s+)?["']([^"']+)["']/g,
    /\bexport\s+(?:type\s+)?(?:\*|\{[^}]*\})(?:\s+as\s+\w+)?\s+from\s+["']([^"']+)["']/g,
    /\bimport\(\s*["']([^"']+)["']\s*\)/g,
    /\brequire\(\s*["']([^"']+)["']\s*\)/g,
  ]
  for (const re of patterns) {
    for (const m of code.matchAll(re)) {
      specs.push(m[1])
    }
  }
  return specs
}

type Import = { file: string; spec: string; target: string | null }

function importsUnder(dir: string): Import[] {
  return filesUnder(dir).flatMap((file) =>
    importsOf(fs.readFileSync(file, "utf8")).map((spec) => ({
      file: path.relative(root, file),
      spec,
      target: spec.startsWith(".") ? path.relative(root, path.resolve(path.dirname(file), spec)) : null,
    }))
  )
}

const inside = (target: string | null, dir: string) => !!target && (target === dir || target.startsWith(dir + "/"))
const show = (list: Import[]) => list.map((i) => `${i.file} imports "${i.spec}"`)

describe("layering of src/", () => {
  it("reads the imports of a file, whatever their form", () => {
    const code = [
      'import a from "./a"',
      'import type { B } from "../b"',
      'import {\n  c,\n  d,\n} from "./c"',
      'import "./side-effect"',
      'export * from "./e"',
      'export type { F } from "./f"',
      'const g = await import("./g")',
      'const h = require("./h")',
      '/**\n * import type { Example } from "./in-a-comment"\n */',
      '// export * from "./commented-out"',
    ].join("\n")
    expect(importsOf(code)).toEqual(expect.arrayContaining(["./a", "../b", "./c", "./side-effect", "./e", "./f", "./g", "./h"]))
    expect(importsOf(code)).toHaveLength(8)
  })

  it("src/shared imports only src/shared", () => {
    const imports = importsUnder(path.join(src, "shared"))
    expect(imports.length).toBeGreaterThan(3)
    expect(show(imports.filter((i) => !inside(i.target, "src/shared")))).toEqual([])
  })

  it("the admin reaches server code only through src/shared", () => {
    const imports = importsUnder(path.join(src, "admin"))
    const fromShared = imports.filter((i) => inside(i.target, "src/shared"))
    expect(fromShared.length).toBeGreaterThan(5)
    const outside = imports.filter((i) => i.target && !inside(i.target, "src/admin") && !inside(i.target, "src/shared"))
    expect(show(outside)).toEqual([])
  })

  it("the module imports no workflow, route, subscriber, job, link or admin code", () => {
    const layers = ["src/workflows", "src/api", "src/subscribers", "src/jobs", "src/links", "src/admin"]
    const imports = importsUnder(path.join(src, "modules"))
    expect(show(imports.filter((i) => layers.some((l) => inside(i.target, l))))).toEqual([])
  })

  it("nothing outside the module imports its repositories (its SQL)", () => {
    const outside = ["workflows", "api", "subscribers", "jobs", "links", "admin", "scripts"].flatMap((d) =>
      fs.existsSync(path.join(src, d)) ? importsUnder(path.join(src, d)) : []
    )
    expect(show(outside.filter((i) => inside(i.target, "src/modules/serial/repositories")))).toEqual([])
  })

  it("no workflow step imports a hook file", () => {
    const imports = importsUnder(path.join(src, "workflows", "steps"))
    expect(show(imports.filter((i) => inside(i.target, "src/workflows/hooks")))).toEqual([])
  })
})
