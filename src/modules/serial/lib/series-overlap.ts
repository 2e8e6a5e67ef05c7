import { ParsedPattern } from "../../../shared/series-pattern"

/**
 * Can two series patterns ever produce the same serial (compared case-insensitively, as
 * uniqueness is)? Each pattern is a small regular language: literals, fixed-width digit
 * tokens, a counter of at least N digits and `{SKU}` (any non-empty text). We walk the
 * product of the two automata; reaching both ends means some text is in both languages,
 * and the walk yields that text as an example for the error message.
 */

type CharClass = { type: "char"; c: string } | { type: "digit" } | { type: "any" }
type Node = { cls: CharClass; star: boolean }

function toNodes(parsed: ParsedPattern): Node[] {
  const nodes: Node[] = []
  const digit: CharClass = { type: "digit" }
  for (const part of parsed.parts) {
    switch (part.kind) {
      case "literal":
        for (const c of part.text.toUpperCase()) {
          nodes.push({ cls: { type: "char", c }, star: false })
        }
        break
      case "date": {
        const width = part.token === "YYYY" ? 4 : 2
        for (let k = 0; k < width; k++) {
          nodes.push({ cls: digit, star: false })
        }
        break
      }
      case "counter":
        for (let k = 0; k < part.digits; k++) {
          nodes.push({ cls: digit, star: false })
        }
        nodes.push({ cls: digit, star: true })
        break
      case "sku":
        nodes.push({ cls: { type: "any" }, star: false })
        nodes.push({ cls: { type: "any" }, star: true })
        break
    }
  }
  return nodes
}

/** A character both classes accept, or null when they share none. */
function meet(a: CharClass, b: CharClass): string | null {
  if (a.type === "any") {
    return b.type === "char" ? b.c : b.type === "digit" ? "1" : "X"
  }
  if (b.type === "any") {
    return meet(b, a)
  }
  if (a.type === "digit" && b.type === "digit") {
    return "1"
  }
  if (a.type === "char" && b.type === "char") {
    return a.c === b.c ? a.c : null
  }
  const c = a.type === "char" ? a.c : (b as { c: string }).c
  return /[0-9]/.test(c) ? c : null
}

/** Returns an example serial both patterns can produce, or null when they never collide. */
export function findSeriesOverlap(a: ParsedPattern, b: ParsedPattern): string | null {
  const na = toNodes(a)
  const nb = toNodes(b)
  const width = nb.length + 1
  const key = (i: number, j: number) => i * width + j
  const parent = new Map<number, { from: number; ch: string }>()
  const start = key(0, 0)
  parent.set(start, { from: -1, ch: "" })
  const queue: Array<[number, number]> = [[0, 0]]

  while (queue.length) {
    const [i, j] = queue.shift()!
    const here = key(i, j)
    if (i === na.length && j === nb.length) {
      let text = ""
      for (let k = here; k !== start; k = parent.get(k)!.from) {
        text = parent.get(k)!.ch + text
      }
      return text
    }
    const visit = (ni: number, nj: number, ch: string) => {
      const k = key(ni, nj)
      if (!parent.has(k)) {
        parent.set(k, { from: here, ch })
        queue.push([ni, nj])
      }
    }
    // Skipping an optional repetition consumes nothing.
    if (i < na.length && na[i].star) {
      visit(i + 1, j, "")
    }
    if (j < nb.length && nb[j].star) {
      visit(i, j + 1, "")
    }
    if (i < na.length && j < nb.length) {
      const ch = meet(na[i].cls, nb[j].cls)
      if (ch !== null) {
        visit(na[i].star ? i : i + 1, nb[j].star ? j : j + 1, ch)
      }
    }
  }
  return null
}
