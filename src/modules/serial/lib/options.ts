/**
 * Plugin options, as a store writes them in `medusa-config.ts`:
 *
 *   plugins: [{ resolve: "medusa-plugin-serial-numbers", options: { uniqueness_scope: "global" } }]
 *
 * Checked once when the module loads, so a typo stops the server with a message that says
 * which option is wrong, instead of surfacing later as odd behaviour.
 */

export type UniquenessScope = "global" | "per_variant"
export type FulfillmentPolicy = "auto" | "strict"

export type SerialPluginOptions = {
  /** `global`: a serial text exists once in the store; `per_variant`: once per variant. */
  uniqueness_scope: UniquenessScope
  /** Used for serialized variants whose settings name no policy. */
  default_fulfillment_policy: FulfillmentPolicy
  /** Public warranty look-ups allowed per client address and minute. */
  public_lookup_rate_limit: number
}

export const DEFAULT_OPTIONS: SerialPluginOptions = {
  uniqueness_scope: "global",
  default_fulfillment_policy: "auto",
  public_lookup_rate_limit: 60,
}

const KNOWN = Object.keys(DEFAULT_OPTIONS)

export class SerialOptionsError extends Error {
  constructor(problems: string[]) {
    super(`medusa-plugin-serial-numbers: invalid plugin options: ${problems.join("; ")}`)
  }
}

export function parsePluginOptions(raw: unknown): SerialPluginOptions {
  const input = (raw ?? {}) as Record<string, unknown>
  if (typeof input !== "object" || Array.isArray(input)) {
    throw new SerialOptionsError([`options must be an object, got ${JSON.stringify(raw)}`])
  }
  const problems: string[] = []
  const options: SerialPluginOptions = { ...DEFAULT_OPTIONS }

  // Medusa passes its own keys to every module of a plugin; only ours are checked.
  const ours = Object.keys(input).filter((k) => KNOWN.includes(k))

  for (const key of ours) {
    const value = input[key]
    if (value === undefined) {
      continue
    }
    switch (key) {
      case "uniqueness_scope":
        if (value !== "global" && value !== "per_variant") {
          problems.push(`uniqueness_scope must be "global" or "per_variant", got ${JSON.stringify(value)}`)
        } else {
          options.uniqueness_scope = value
        }
        break
      case "default_fulfillment_policy":
        if (value !== "auto" && value !== "strict") {
          problems.push(
            `default_fulfillment_policy must be "auto" or "strict", got ${JSON.stringify(value)}`
          )
        } else {
          options.default_fulfillment_policy = value
        }
        break
      case "public_lookup_rate_limit":
        if (typeof value !== "number" || !Number.isInteger(value) || value < 1 || value > 100000) {
          problems.push(
            `public_lookup_rate_limit must be a whole number from 1 to 100000 (look-ups per minute and client), got ${JSON.stringify(value)}`
          )
        } else {
          options.public_lookup_rate_limit = value
        }
        break
    }
  }
  if (problems.length) {
    throw new SerialOptionsError(problems)
  }
  return options
}
