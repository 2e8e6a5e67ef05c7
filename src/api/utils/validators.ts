import { z } from "@medusajs/framework/zod"

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
    z.number({ error: (issue) => `Field '${field}' must be a whole number, got: '${String(issue.input)}'` })
      .int()
      .min(min)
      .max(max)
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
