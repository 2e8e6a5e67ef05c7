import { z } from "@medusajs/framework/zod"
import { dateRuleText, parseDateInput, parseDay, toDay } from "../../modules/serial/lib/dates"
import { serialTextProblem } from "../../shared/serial-text"
import { jsonTextProblem, textProblem } from "../../shared/text-rules"

/** A value as a message shows it: short, and never breaking the message itself. */
export const shown = (v: unknown) => (typeof v === "string" ? v : JSON.stringify(v) ?? String(v)).slice(0, 60)

/** Clocks differ a little: a date up to a minute ahead still counts as now. */
const CLOCK_SKEW_MS = 60_000

/**
 * A date or date-time by the plugin's one date rule (lib/dates.ts: ISO 8601, real calendar
 * days, years 1000 to 9999), answered as ISO text; the message names field and value.
 * `past`: what has happened already (a purchase, a delivery received), so not later than now.
 * `keepDay`: a bare day is answered as the day `YYYY-MM-DD`, for a reader that takes it as
 * the whole day (a report's `to`).
 */
export const isoDate = (field: string, { past = false, keepDay = false }: { past?: boolean; keepDay?: boolean } = {}) =>
  z.any().transform((v, ctx) => {
    if (v === undefined) {
      ctx.addIssue({ code: "custom", message: `Field '${field}' is required` })
      return z.NEVER
    }
    const date = parseDateInput(v)
    if (!date) {
      ctx.addIssue({ code: "custom", message: `Field '${field}' must be ${dateRuleText()}, got: '${shown(v)}'` })
      return z.NEVER
    }
    if (past && date.getTime() > Date.now() + CLOCK_SKEW_MS) {
      ctx.addIssue({ code: "custom", message: `Field '${field}' cannot be in the future, got: '${shown(v)}'` })
      return z.NEVER
    }
    return keepDay && parseDay(v) ? (v as string) : date.toISOString()
  })

/** `isoDate` of something that has happened already. */
export const pastDate = (field: string) => isoDate(field, { past: true })

/**
 * Free text (notes, names, descriptions, references) by the plugin's one text rule
 * (lib/text-rules.ts), within `max` characters. `trim`: stored trimmed, and `min` counts
 * the trimmed text; `singleLine`: no line breaks either (names, references).
 */
export const freeText = (
  field: string,
  max: number,
  { min = 0, trim = false, singleLine = false }: { min?: number; trim?: boolean; singleLine?: boolean } = {}
) =>
  z.any().transform((v, ctx) => {
    if (typeof v !== "string") {
      ctx.addIssue({ code: "custom", message: v === undefined ? `Field '${field}' is required` : `Field '${field}' must be text, got: '${shown(v)}'` })
      return z.NEVER
    }
    const text = trim ? v.trim() : v
    // The whole text, before trimming: trim() would quietly drop a leading U+FEFF.
    const problem = textProblem(v) ?? textProblem(text, { allowLineBreaks: !singleLine })
    if (problem) {
      ctx.addIssue({ code: "custom", message: `Field '${field}' ${problem}` })
    } else if (text.length < min) {
      ctx.addIssue({ code: "custom", message: min === 1 ? `Field '${field}' must not be empty` : `Field '${field}' must have at least ${min} characters` })
    } else if (text.length > max) {
      ctx.addIssue({ code: "custom", message: `Field '${field}' is ${text.length} characters long; the limit is ${max}` })
    }
    return text
  }) as unknown as z.ZodType<string>

export const metadataSchema = z
  .record(z.string().max(100), z.unknown())
  .superRefine((v, ctx) => {
    const found = jsonTextProblem(v, "metadata")
    if (found) {
      ctx.addIssue({ code: "custom", message: `Field '${found.path}' ${found.problem}` })
    } else if (JSON.stringify(v).length > 16384) {
      ctx.addIssue({ code: "custom", message: "Field 'metadata' is larger than 16 KB" })
    }
  })

/** Query values that must be a single id-like token. */
export const idParam = z
  .string()
  .min(1)
  .max(100)
  .superRefine((v, ctx) => {
    // An id is looked up in the database, which cannot compare text holding a NUL.
    const problem = textProblem(v, { allowLineBreaks: false })
    if (problem) {
      ctx.addIssue({ code: "custom", message: `Id '${shown(v)}' ${problem}` })
    }
  })

/** One value or a list of values of a query filter (`?status=a&status=b` or `?status=a`). */
export const oneOrMany = <T extends z.ZodTypeAny>(schema: T) => z.union([schema, z.array(schema).max(100)])

/** Whole numbers from query text: "20" -> 20; anything else is refused with the value. */
export const queryInt = (field: string, min: number, max: number, fallback: number) =>
  z.preprocess(
    (v) => (v === undefined || v === "" ? fallback : typeof v === "string" && /^-?\d+$/.test(v) ? Number(v) : v),
    z
      .number({ error: (issue) => `Field '${field}' must be a whole number, got: '${String(issue.input)}'` })
      .refine((v) => Number.isInteger(v) && v >= min && v <= max, {
        error: (issue) => `Field '${field}' must be a whole number from ${min} to ${max}, got: '${String(issue.input)}'`,
      })
  )

/** `after`: the `next_cursor` of the previous page of a keyset-paged list. */
export const cursorParam = z
  .string({ error: (issue) => `Field 'after' must be the next_cursor of the previous page, got: '${String(issue.input).slice(0, 60)}'` })
  .min(1)
  .max(1000)

/** `order=field` or `order=-field`, limited to fields that are indexed or cheap to sort. */
export const orderParam = (fields: readonly string[]) => {
  const allowed = fields.flatMap((f) => [f, `-${f}`])
  return z
    .string()
    .refine((v) => allowed.includes(v), {
      error: (issue) => `Field 'order' must be one of ${fields.join(", ")} (prefix "-" for descending), got: '${String(issue.input).slice(0, 60)}'`,
    })
    .optional()
}

/**
 * `fields=id,serial_number,*product_variant`: Medusa silently drops names it does not
 * know; here an unknown name is a 400 that says which, so a typo does not go unnoticed.
 */
export const fieldsParam = (allowed: readonly string[]) =>
  z
    .string()
    .max(2000)
    .superRefine((v, ctx) => {
      const unknown = v
        .split(",")
        .map((f) => f.trim().replace(/^[+\-*]+/, ""))
        .filter((f) => f && !allowed.includes(f) && !allowed.includes(f.split(".")[0]))
      if (unknown.length) {
        ctx.addIssue({
          code: "custom",
          message: `Field 'fields' names unknown fields: ${unknown.map((f) => `'${f.slice(0, 60)}'`).join(", ")}`,
        })
      }
    })
    .optional()

/** Medusa-style list parameters: limit, offset, order, fields. */
export const listParams = (orderFields: readonly string[], allowedFields: readonly string[], defaultLimit = 20) =>
  z.object({
    fields: fieldsParam(allowedFields),
    limit: queryInt("limit", 1, 1000, defaultLimit),
    offset: queryInt("offset", 0, 10_000_000, 0),
    order: orderParam(orderFields),
  })

/**
 * A calendar day: `YYYY-MM-DD`, or a date-time whose UTC day is taken. Answers the day as
 * `YYYY-MM-DD`; a day that does not exist (Feb 30) is refused with the value.
 */
export const calendarDay = (field: string) =>
  z
    .string()
    .max(40)
    .transform((v, ctx) => {
      const day = toDay(v)
      if (!day) {
        ctx.addIssue({ code: "custom", message: `Field '${field}' must be a real calendar day (YYYY-MM-DD, years 1000 to 9999), got: '${v.slice(0, 60)}'` })
        return z.NEVER
      }
      return day
    })

/** A whole number in a JSON body; the refusal names the field and the value. */
export const wholeNumber = (field: string, min: number, max: number) =>
  z
    .any()
    .refine((v) => typeof v === "number" && Number.isInteger(v) && v >= min && v <= max, {
      error: (issue) =>
        issue.input === undefined
          ? `Field '${field}' is required`
          : `Field '${field}' must be a whole number from ${min} to ${max}, got: '${JSON.stringify(issue.input)}'`,
    })
    .transform((v) => v as number)

/**
 * Like `fieldsParam`, but nested names are checked too (`visits.scheduled_date` must be
 * listed itself; `visits.*` and `*visits` need `visits` listed).
 */
export const exactFieldsParam = (allowed: readonly string[]) =>
  z
    .string()
    .max(2000)
    .superRefine((v, ctx) => {
      const unknown = v
        .split(",")
        .map((f) => f.trim())
        .filter((f) => {
          const name = f.replace(/^[+\-*]+/, "")
          if (!name) {
            return false
          }
          if (name.endsWith(".*")) {
            return !allowed.includes(name.slice(0, -2))
          }
          return !allowed.includes(name)
        })
      if (unknown.length) {
        ctx.addIssue({
          code: "custom",
          message: `Field 'fields' names unknown fields: ${unknown.map((f) => `'${f.slice(0, 60)}'`).join(", ")}`,
        })
      }
    })
    .optional()

/**
 * A list's `q`: Medusa searches it with `ILIKE '%q%'`, where `%`, `_` and `\` are pattern
 * characters; escaped here so that a search for them finds them as text, not everything.
 */
export const searchText = freeText("q", 100, { singleLine: true }).transform((q) => q.replace(/[\\%_]/g, (c) => `\\${c}`))

/** A serial's text by the serial rule (lib/serial-text.ts); the message names the field. */
export const serialText = (field: string) =>
  z.any().superRefine((v, ctx) => {
    const problem = serialTextProblem(v)
    if (problem) {
      ctx.addIssue({ code: "custom", message: `Field '${field}' is invalid: ${problem}` })
    }
  }) as unknown as z.ZodType<string>

/**
 * A list of serials as text (`min`, 1 unless a list may be empty, to `max`), each under the one text rule for serials
 * (`serialTextProblem`): a NUL, an invisible or broken character is a 400 naming the value,
 * before any of it reaches the database.
 */
export const serialTextList = (field: string, max = 10_000, min = 1) =>
  z
    .array(z.unknown())
    .min(min)
    .max(max)
    .superRefine((list, ctx) => {
      const problems = list.map((v) => serialTextProblem(v)).filter((p): p is string => !!p)
      if (problems.length) {
        ctx.addIssue({ code: "custom", message: `Field '${field}': ${problems.slice(0, 5).join("; ")}` })
      }
    })
    .transform((list) => list as string[])
