import fs from "fs"
import path from "path"

export type PluginRoute = {
  method: "GET" | "POST" | "DELETE"
  /** Express-style path, e.g. `/admin/serial-numbers/:id`. */
  path: string
  params: string[]
}

const API_DIR = path.resolve(__dirname, "../../src/api")

/**
 * Every route the plugin serves, read from `src/api` itself (each `route.ts` and the
 * methods it exports), so a route added later is covered by the tests that use this list.
 */
export function pluginRoutes(): PluginRoute[] {
  const routes: PluginRoute[] = []
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) {
        walk(full)
      } else if (entry.name === "route.ts") {
        const source = fs.readFileSync(full, "utf8")
        const segments = path.relative(API_DIR, dir).split(path.sep)
        const params = segments.filter((s) => /^\[.+\]$/.test(s)).map((s) => s.slice(1, -1))
        const routePath = "/" + segments.map((s) => (/^\[.+\]$/.test(s) ? `:${s.slice(1, -1)}` : s)).join("/")
        for (const method of ["GET", "POST", "DELETE"] as const) {
          if (new RegExp(`export const ${method}\\b`).test(source)) {
            routes.push({ method, path: routePath, params })
          }
        }
      }
    }
  }
  walk(API_DIR)
  return routes.sort((a, b) => (a.path + a.method).localeCompare(b.path + b.method))
}

/** The path with its parameters filled in (values are encoded here). */
export function fillPath(route: PluginRoute, values: Record<string, string>, { encode = true } = {}): string {
  return route.path.replace(/:([a-z_]+)/g, (_, name) => (encode ? encodeURIComponent(values[name]) : values[name]))
}
