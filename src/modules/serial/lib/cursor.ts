/**
 * Keyset cursors for the plugin's lists: the sort key of the last row of a page, which the
 * next page starts after. Opaque to clients (base64url of a JSON array), checked when read:
 * a cursor that is not one of ours is a 400 that names it, never a 500 or a wrong page.
 */
import { MedusaError } from "@medusajs/framework/utils"

export type CursorValue = string | null

export function encodeCursor(values: CursorValue[]): string {
  return Buffer.from(JSON.stringify(values), "utf8").toString("base64url")
}

/** The values of a cursor made by `encodeCursor` with `size` of them. */
export function decodeCursor(cursor: string, size: number): CursorValue[] {
  let values: unknown
  try {
    values = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"))
  } catch {
    values = undefined
  }
  if (
    !Array.isArray(values) ||
    values.length !== size ||
    // Postgres text cannot hold a NUL: such a value would fail in the database, not here.
    !values.every((v) => v === null || (typeof v === "string" && v.length <= 500 && !v.includes("\u0000")))
  ) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid cursor '${cursor.slice(0, 100)}': pass the next_cursor of the previous page`)
  }
  return values as CursorValue[]
}

/** A page of `limit` rows read as `limit + 1`: the extra row says that there is a next page. */
export function pageOf<T>(rows: T[], limit: number, keyOf: (row: T) => CursorValue[]): { rows: T[]; next_cursor: string | null } {
  const page = rows.slice(0, limit)
  return { rows: page, next_cursor: rows.length > limit ? encodeCursor(keyOf(page[page.length - 1])) : null }
}

/**
 * A timestamp as Postgres prints a timestamptz (`2026-12-05 23:42:15.123456+00`), a real
 * one: what a cursor holds of a timestamp sort, to the microsecond a JS Date would lose.
 */
export function isPgTimestamp(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/.exec(value)
  if (!m) {
    return false
  }
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number)
  const day = new Date(Date.UTC(y, mo - 1, d))
  return day.getUTCFullYear() === y && day.getUTCMonth() === mo - 1 && day.getUTCDate() === d && h < 24 && mi < 60 && s < 60
}
