import { z } from "@medusajs/framework/zod"
import { toDay } from "../../modules/serial/lib/schedule"

/** A date-time as ISO 8601 text; the message names the offending value. */
export const isoDate = (field: string) =>
  z.string().refine((v) => v.length <= 40 && !Number.isNaN(Date.parse(v)), {
    error: (issue) => `Field '${field}' must be an ISO 8601 date, got: '${String(issue.input).slice(0, 60)}'`,
  })

export const metadataSchema = z
  .record(z.string().max(100), z.unknown())
  .refine((v) => JSON.stringify(v).length <= 16384, { error: "Field 'metadata' is larger than 16 KB" })

/** Query values that must be a single id-like token. */
export const idParam = z.string().min(1).max(100)

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
        ctx.addIssue({ code: "custom", message: `Field '${field}' must be a calendar day (YYYY-MM-DD), got: '${v.slice(0, 60)}'` })
        return z.NEVER
      }
      return day
    })

/** A whole number in a JSON body; the refusal names the field and the value. */
export const wholeNumber = (field: string, min: number, max: number) =>
  z
    .any()
    .refine((v) => typeof v === "number" && Number.isInteger(v) && v >= min && v <= max, {
      error: (issue) => `Field '${field}' must be a whole number from ${min} to ${max}, got: '${JSON.stringify(issue.input)}'`,
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

const MIN_TIME = Date.UTC(1000, 0, 1)
const MAX_TIME = Date.UTC(9999, 11, 31, 23, 59, 59, 999)

/** Like `isoDate`, limited to years 1000 to 9999 (what Postgres reads back as written). */
export const boundedIsoDate = (field: string) =>
  z.string().refine(
    (v) => {
      const t = v.length <= 40 ? Date.parse(v) : NaN
      return !Number.isNaN(t) && t >= MIN_TIME && t <= MAX_TIME
    },
    {
      error: (issue) =>
        `Field '${field}' must be an ISO 8601 date between the years 1000 and 9999, got: '${String(issue.input).slice(0, 60)}'`,
    }
  )

/**
 * A list's `q`: Medusa searches it with `ILIKE '%q%'`, where `%`, `_` and `\` are pattern
 * characters; escaped here so that a search for them finds them as text, not everything.
 */
export const searchText = z
  .string()
  .max(100)
  .transform((q) => q.replace(/[\\%_]/g, (c) => `\\${c}`))
