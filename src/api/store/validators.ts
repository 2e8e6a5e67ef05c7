import { z } from "@medusajs/framework/zod"
import { MedusaError } from "@medusajs/framework/utils"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { serialTextProblem } from "../../shared/serial-text"
import { cursorParam, freeText, pastDate, queryInt } from "../utils/validators"

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

export const StoreRegisterSerial = z.strictObject({
  serial_number: serialField,
  purchased_at: pastDate("purchased_at"),
})
export type StoreRegisterSerialType = z.infer<typeof StoreRegisterSerial>

export const StoreFileWarrantyClaim = z.strictObject({
  serial_number: serialField,
  description: freeText("description", 5000, { min: 1, trim: true }),
})
export type StoreFileWarrantyClaimType = z.infer<typeof StoreFileWarrantyClaim>

/**
 * The request's `Idempotency-Key` header (1 to 255 visible ASCII characters), or null when
 * it sends none; any other value is a 400 naming it.
 */
export function idempotencyKeyOf(req: { headers: Record<string, string | string[] | undefined> }): string | null {
  const raw = req.headers["idempotency-key"]
  if (raw === undefined) {
    return null
  }
  const value = Array.isArray(raw) ? raw.join(",") : raw
  if (!/^[\x21-\x7e]{1,255}$/.test(value)) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Header 'Idempotency-Key' must be 1 to 255 visible ASCII characters, got: '${value.slice(0, 60)}'`
    )
  }
  return value
}

/**
 * A page of a customer's list: `limit` (1 to 200, default 50) and `after`, the
 * `next_cursor` of the page before.
 */
export const StoreCustomerListParams = z.strictObject({
  limit: queryInt("limit", 1, 200, 50),
  after: cursorParam.optional(),
})
export type StoreCustomerListParamsType = z.infer<typeof StoreCustomerListParams>
