import { z } from "@medusajs/framework/zod"
import { MedusaError } from "@medusajs/framework/utils"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { serialTextProblem } from "../../modules/serial/lib/serial-text"

/** A path that is not valid percent-encoding is a 400, not Express' decoding error (500). */
export function refuseUndecodablePath(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  try {
    decodeURIComponent(req.path)
  } catch {
    return next(new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid serial number: the path ${JSON.stringify(req.originalUrl.slice(0, 120))} is not valid percent-encoding`))
  }
  next()
}

/**
 * What a storefront may send as a serial. Besides what no serial may be (empty, over 100
 * characters, control characters, commas, "::"), quotes, `;`, `\`, `<`, `>`, `%`, `..`,
 * `--` and comment markers are refused: no serial the plugin issues has them, and a public
 * route has no reason to accept SQL or path fragments.
 */
export function storefrontSerialProblem(text: unknown): string | null {
  const problem = serialTextProblem(text)
  if (problem) {
    return problem
  }
  const t = (text as string).trim()
  if (/['"`;\\<>%]|\.\.|--|\/\*|\*\//.test(t)) {
    return `serial ${JSON.stringify(t.slice(0, 100))} contains characters a serial cannot have`
  }
  return null
}

export function assertStorefrontSerial(text: unknown): string {
  const problem = storefrontSerialProblem(text)
  if (problem) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid serial number: ${problem}`)
  }
  return (text as string).trim()
}

const serialField = z.string().superRefine((v, ctx) => {
  const problem = storefrontSerialProblem(v)
  if (problem) {
    ctx.addIssue({ code: "custom", message: `Field 'serial_number' is invalid: ${problem}` })
  }
})

/** Purchases up to a minute "in the future" are accepted (clock skew); later ones are refused. */
const purchasedAt = z.string().superRefine((v, ctx) => {
  const t = v.length <= 40 ? Date.parse(v) : NaN
  if (!/^\d{4}-\d{2}-\d{2}/.test(v) || Number.isNaN(t)) {
    ctx.addIssue({ code: "custom", message: `Field 'purchased_at' must be an ISO 8601 date, got: '${v.slice(0, 60)}'` })
  } else if (t > Date.now() + 60_000) {
    ctx.addIssue({ code: "custom", message: `Field 'purchased_at' cannot be in the future, got: '${v.slice(0, 60)}'` })
  }
})

export const StoreRegisterSerial = z.strictObject({
  serial_number: serialField,
  purchased_at: purchasedAt,
})
export type StoreRegisterSerialType = z.infer<typeof StoreRegisterSerial>

export const StoreFileWarrantyClaim = z.strictObject({
  serial_number: serialField,
  description: z
    .string()
    .trim()
    .min(1, { message: "Field 'description' cannot be empty" })
    .max(5000, { message: "Field 'description' is longer than 5000 characters" }),
})
export type StoreFileWarrantyClaimType = z.infer<typeof StoreFileWarrantyClaim>
